using Extraction.Morphology;

namespace Extraction.Training.Morphology;

/// <summary>
/// Counts how often each form is inside a name in GermEval 2014 train (outer level: PER, LOC, ORG, OTH,
/// without the -deriv and -part variants, which are adjectives and compounds rather than names).
/// </summary>
internal static class NameStatistics
{
    public static FormClassTable Compute(string germEvalTrain)
    {
        var counts = new Dictionary<string, (int InName, int Total)>(StringComparer.Ordinal);
        foreach (string line in File.ReadLines(germEvalTrain))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            string[] cols = line.Split('\t');
            if (cols.Length < 3)
            {
                continue;
            }

            string form = cols[1].Replace("\u00AD", string.Empty, StringComparison.Ordinal);
            string label = cols[2];
            bool inName = label.Length > 2 && !label.EndsWith("deriv", StringComparison.Ordinal) && !label.EndsWith("part", StringComparison.Ordinal);
            (int n, int t) = counts.GetValueOrDefault(form);
            counts[form] = (n + (inName ? 1 : 0), t + 1);
        }

        var kept = counts.Where(p => p.Value.Total >= 2 || p.Value.InName > 0).OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        return new FormClassTable(
            [.. kept.Select(p => FormClassTable.Key(p.Key))],
            [.. kept.Select(p => FormClassTable.Classify(p.Value.InName, p.Value.Total))]);
    }
}
