using System.Globalization;
using System.Text;

namespace Extraction.Training.Evaluation;

/// <summary>Counts for one label.</summary>
internal sealed class LabelCounts
{
    public int TruePositives { get; set; }

    public int FalsePositives { get; set; }

    public int FalseNegatives { get; set; }

    public int Gold => TruePositives + FalseNegatives;

    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>
/// Strict span-level scoring in the style of conlleval: an entity counts as correct only if its
/// start, end and label all match a gold entity. Spans are read from BIO tag strings the way
/// conlleval does (an <c>I-X</c> after <c>O</c> or another label starts a new entity). Reusable for
/// any BIO evaluation: feed it sentences of gold and predicted tag names.
/// </summary>
internal sealed class SpanScorer
{
    private readonly SortedDictionary<string, LabelCounts> _labels = new(StringComparer.Ordinal);

    public SpanScorer(IEnumerable<string>? labels = null)
    {
        foreach (string label in labels ?? [])
        {
            _labels[label] = new LabelCounts();
        }
    }

    public LabelCounts Overall { get; } = new();

    public IReadOnlyDictionary<string, LabelCounts> Labels => _labels;

    /// <summary>Adds one sentence.</summary>
    public void Add(IReadOnlyList<string> gold, IReadOnlyList<string> predicted)
    {
        if (gold.Count != predicted.Count)
        {
            throw new ArgumentException("Gold and predicted sequences differ in length.", nameof(predicted));
        }

        HashSet<(int Start, int End, string Label)> goldSpans = Spans(gold);
        HashSet<(int Start, int End, string Label)> predictedSpans = Spans(predicted);
        foreach ((int Start, int End, string Label) span in predictedSpans)
        {
            LabelCounts counts = Get(span.Label);
            if (goldSpans.Contains(span))
            {
                counts.TruePositives++;
                Overall.TruePositives++;
            }
            else
            {
                counts.FalsePositives++;
                Overall.FalsePositives++;
            }
        }

        foreach ((int Start, int End, string Label) span in goldSpans)
        {
            if (!predictedSpans.Contains(span))
            {
                Get(span.Label).FalseNegatives++;
                Overall.FalseNegatives++;
            }
        }
    }

    /// <summary>Extracts (start, end exclusive, label) spans from BIO tags, conlleval style.</summary>
    public static HashSet<(int Start, int End, string Label)> Spans(IReadOnlyList<string> tags)
    {
        var spans = new HashSet<(int, int, string)>();
        int start = -1;
        string? label = null;
        for (int i = 0; i <= tags.Count; i++)
        {
            string tag = i < tags.Count ? tags[i] : "O";
            char prefix = tag.Length > 1 && tag[1] == '-' ? tag[0] : 'O';
            string? current = prefix == 'O' ? null : tag[2..];
            bool continues = prefix == 'I' && label != null && current == label;
            if (label != null && !continues)
            {
                spans.Add((start, i, label));
                label = null;
            }

            if (current != null && !continues)
            {
                start = i;
                label = current;
            }
        }

        return spans;
    }

    /// <summary>A table: label, precision, recall, F1, gold count.</summary>
    public string Format(string title)
    {
        var builder = new StringBuilder();
        builder.AppendLine(CultureInfo.InvariantCulture, $"{title}");
        builder.AppendLine(CultureInfo.InvariantCulture, $"{"label",-10} {"P",7} {"R",7} {"F1",7} {"gold",6} {"tp",6} {"fp",6} {"fn",6}");
        foreach (KeyValuePair<string, LabelCounts> pair in _labels)
        {
            builder.AppendLine(Row(pair.Key, pair.Value));
        }

        builder.AppendLine(Row("overall", Overall));
        return builder.ToString();
    }

    /// <summary>A Markdown table.</summary>
    public string FormatMarkdown()
    {
        var builder = new StringBuilder();
        builder.AppendLine("| label | P | R | F1 | gold |");
        builder.AppendLine("|---|---:|---:|---:|---:|");
        foreach (KeyValuePair<string, LabelCounts> pair in _labels.Append(new KeyValuePair<string, LabelCounts>("**overall**", Overall)))
        {
            LabelCounts c = pair.Value;
            builder.AppendLine(CultureInfo.InvariantCulture, $"| {pair.Key} | {c.Precision:F4} | {c.Recall:F4} | {c.F1:F4} | {c.Gold} |");
        }

        return builder.ToString();
    }

    private static string Row(string label, LabelCounts c) =>
        string.Create(CultureInfo.InvariantCulture, $"{label,-10} {c.Precision,7:F4} {c.Recall,7:F4} {c.F1,7:F4} {c.Gold,6} {c.TruePositives,6} {c.FalsePositives,6} {c.FalseNegatives,6}");

    private LabelCounts Get(string label)
    {
        if (!_labels.TryGetValue(label, out LabelCounts? counts))
        {
            counts = new LabelCounts();
            _labels[label] = counts;
        }

        return counts;
    }
}
