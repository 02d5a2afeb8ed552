using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Extraction.Pipeline;

namespace Extraction.Training.Evaluation;

/// <summary>One figure of the accuracy report; <see cref="Value"/> is null for components not built yet ("n/a").</summary>
public sealed record AccuracyRow(string Component, string Dataset, string Label, string Metric, double? Value, int? Support = null, string? Note = null);

/// <summary>Where the evaluation finds its data.</summary>
/// <param name="SharedData">The shared data folder (<c>../shared/data</c>).</param>
/// <param name="SampleData">The team's sample set folder (<c>benchmarks/data</c>).</param>
public sealed record EvaluationPaths(string SharedData, string SampleData);

/// <summary>
/// Runs every accuracy evaluation and collects one table: tokenization (UD German), POS and lemmas,
/// NER (GermEval 2014), roles (SmartData), entities and relations on the team's samples. Sections are
/// registered in <see cref="Sections"/>; a component that is not in the pipeline yet shows "n/a".
/// </summary>
public static class AccuracyReport
{
    /// <summary>The report's sections by name, in order.</summary>
    public static IReadOnlyList<(string Name, Func<EvaluationPaths, Extractor, IEnumerable<AccuracyRow>> Run)> Sections { get; } =
    [
        ("tokenization", (paths, _) => Tokenization(paths)),
        ("pos", ModelSections.PartOfSpeech),
        ("parser", ModelSections.Parser),
        ("ner", ModelSections.Ner),
        ("smartdata", SmartDataEvaluation.Rows),
        ("samples", Samples),
        ("news", News),
        ("agreement", (paths, _) => Agreement(paths)),
    ];

    public static IReadOnlyList<AccuracyRow> Run(EvaluationPaths paths, Extractor extractor, IReadOnlyCollection<string>? only, TextWriter log)
    {
        var rows = new List<AccuracyRow>();
        foreach ((string name, Func<EvaluationPaths, Extractor, IEnumerable<AccuracyRow>> run) in Sections)
        {
            if (only is { Count: > 0 } && !only.Contains(name))
            {
                continue;
            }

            log.WriteLine($"evaluating {name} ...");
            rows.AddRange(run(paths, extractor));
        }

        return rows;
    }

    private static IEnumerable<AccuracyRow> Tokenization(EvaluationPaths paths)
    {
        string path = Path.Combine(paths.SharedData, "ud-german", "de_gsd-ud-test.conllu");
        if (!File.Exists(path))
        {
            yield return new AccuracyRow("tokenizer", "UD GSD test", "-", "F1", null, Note: "data not found");
            yield break;
        }

        TokenizationScores lines = TokenizationEvaluation.Evaluate(path, lineBreakAfterUnpunctuated: true);
        TokenizationScores spaces = TokenizationEvaluation.Evaluate(path, lineBreakAfterUnpunctuated: false);
        yield return new AccuracyRow("tokenizer", "UD GSD test", "tokens", "F1", lines.TokenBoundaries.F1, lines.Tokens, "our convention (hyphenated compounds are one token)");
        yield return new AccuracyRow("tokenizer", "UD GSD test", "tokens (UD hyphen convention)", "F1", lines.TokenBoundariesUdConvention.F1, lines.Tokens);
        yield return new AccuracyRow("sentence splitter", "UD GSD test", "boundaries (lines layout)", "F1", lines.SentenceBoundaries.F1, lines.Sentences);
        yield return new AccuracyRow("sentence splitter", "UD GSD test", "boundaries (spaces layout)", "F1", spaces.SentenceBoundaries.F1, spaces.Sentences);
    }

    private static IEnumerable<AccuracyRow> Samples(EvaluationPaths paths, Extractor extractor)
    {
        Annotation produced = extractor.ProducedAnnotations;
        foreach (string split in new[] { "dev", "test" })
        {
            string path = Path.Combine(paths.SampleData, split + ".jsonl");
            string dataset = "samples " + split;
            var problems = new List<string>();
            IReadOnlyList<SampleArticle> articles = File.Exists(path) ? SampleSet.Load(path, problems) : [];
            if (articles.Count == 0)
            {
                yield return new AccuracyRow("samples", dataset, "-", "F1", null, Note: "data not found");
                continue;
            }

            foreach (AccuracyRow row in ScoreRows(dataset, SampleEvaluation.Evaluate(extractor, articles), produced))
            {
                yield return row;
            }
        }
    }

    // The real-news gold (benchmarks/data/news-*.jsonl) against the texts of ../shared/data/news-de/.
    private static IEnumerable<AccuracyRow> News(EvaluationPaths paths, Extractor extractor)
    {
        if (!File.Exists(Path.Combine(paths.SharedData, NewsGoldSet.CorpusFile)))
        {
            yield return new AccuracyRow("news", "news dev/test", "-", "F1", null, Note: "data not found: " + NewsGoldSet.CorpusFile);
            yield break;
        }

        IReadOnlyDictionary<string, (string Category, string Text)> corpus = NewsGoldSet.ReadCorpus(paths.SharedData);
        foreach (string split in NewsGoldSet.Splits)
        {
            string path = Path.Combine(paths.SampleData, split + ".jsonl");
            if (!File.Exists(path))
            {
                yield return new AccuracyRow("news", split, "-", "F1", null, Note: "gold not found");
                continue;
            }

            IReadOnlyList<SampleArticle> articles = NewsGoldSet.LoadOrThrow(path, corpus);
            foreach (AccuracyRow row in ScoreRows(split.Replace('-', ' '), SampleEvaluation.Evaluate(extractor, articles), extractor.ProducedAnnotations))
            {
                yield return row;
            }
        }
    }

    // Inter-annotator agreement of the two independent passes of the real-news gold (pass B scored against pass A).
    private static IEnumerable<AccuracyRow> Agreement(EvaluationPaths paths)
    {
        string passA = Path.Combine(paths.SampleData, "news", "pass-a.jsonl");
        string passB = Path.Combine(paths.SampleData, "news", "pass-b.jsonl");
        if (!File.Exists(Path.Combine(paths.SharedData, NewsGoldSet.CorpusFile)) || !File.Exists(passA) || !File.Exists(passB))
        {
            yield return new AccuracyRow("agreement", "news passes A/B", "-", "F1", null, Note: "data not found");
            yield break;
        }

        IReadOnlyDictionary<string, (string Category, string Text)> corpus = NewsGoldSet.ReadCorpus(paths.SharedData);
        SampleScores scores = SampleEvaluation.Compare(NewsGoldSet.LoadOrThrow(passA, corpus), NewsGoldSet.LoadOrThrow(passB, corpus));
        foreach (AccuracyRow row in ScoreRows("news passes A/B", scores, Annotation.Entities | Annotation.Roles | Annotation.Relations, "agreement"))
        {
            yield return row;
        }
    }

    private static IEnumerable<AccuracyRow> ScoreRows(string dataset, SampleScores scores, Annotation produced, string? component = null)
    {
        bool hasEntities = (produced & Annotation.Entities) != 0;
        foreach ((string label, PrecisionRecall pr) in scores.EntitiesByLabel.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            bool built = hasEntities && (label != "ROLE" || (produced & Annotation.Roles) != 0);
            foreach (AccuracyRow row in PrfRows(component ?? "entities", dataset, label, pr, built))
            {
                yield return row;
            }
        }

        foreach (AccuracyRow row in PrfRows(component ?? "entities", dataset, "all", scores.Entities, hasEntities))
        {
            yield return row;
        }

        bool hasRelations = (produced & Annotation.Relations) != 0;
        foreach ((string type, PrecisionRecall pr) in scores.RelationsByType.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            bool built = hasRelations || (type == "HoldsRole" && (produced & Annotation.RoleRelations) != 0);
            foreach (AccuracyRow row in PrfRows(component ?? "relations", dataset, type, pr, built))
            {
                yield return row;
            }
        }

        foreach (AccuracyRow row in PrfRows(component ?? "relations", dataset, "all types", scores.Relations, hasRelations))
        {
            yield return row;
        }

        foreach (AccuracyRow row in PrfRows(component ?? "relations", dataset, "Meeting participants", scores.MeetingParticipants, hasRelations))
        {
            yield return row;
        }

        foreach (AccuracyRow row in PrfRows(component ?? "relations", dataset, "Meeting participant pairs", scores.MeetingPairs, hasRelations))
        {
            yield return row;
        }

        foreach ((string argument, (int correct, int total)) in scores.ArgumentAccuracy.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            yield return new AccuracyRow(component ?? "relation arguments", dataset, argument, "accuracy", total == 0 ? null : (double)correct / total, total);
        }
    }

    /// <summary>Precision, recall and F1 rows for one label; null values when the component is not built.</summary>
    public static IEnumerable<AccuracyRow> PrfRows(string component, string dataset, string label, PrecisionRecall pr, bool built = true)
    {
        int support = pr.TruePositives + pr.FalseNegatives;
        string? note = built ? null : "not built yet";
        yield return new AccuracyRow(component, dataset, label, "P", built ? pr.Precision : null, support, note);
        yield return new AccuracyRow(component, dataset, label, "R", built ? pr.Recall : null, support, note);
        yield return new AccuracyRow(component, dataset, label, "F1", built ? pr.F1 : null, support, note);
    }

    /// <summary>Writes the rows as a markdown table (P, R and F1 of a label on one line).</summary>
    public static string ToMarkdown(IReadOnlyList<AccuracyRow> rows)
    {
        var text = new StringBuilder();
        text.AppendLine("| component | dataset | label | P | R | F1 / value | support |");
        text.AppendLine("|---|---|---|---:|---:|---:|---:|");
        foreach (IGrouping<(string Component, string Dataset, string Label), AccuracyRow> group in rows.GroupBy(r => (r.Component, r.Dataset, r.Label)))
        {
            AccuracyRow? p = group.FirstOrDefault(r => r.Metric == "P");
            AccuracyRow? r = group.FirstOrDefault(r => r.Metric == "R");
            AccuracyRow main = group.FirstOrDefault(r => r.Metric is not ("P" or "R")) ?? group.First();
            string metric = main.Metric is "F1" ? string.Empty : " (" + main.Metric + ")";
            text.Append(CultureInfo.InvariantCulture, $"| {group.Key.Component} | {group.Key.Dataset} | {group.Key.Label}{metric} | {Format(p)} | {Format(r)} | {Format(main)} | {main.Support?.ToString(CultureInfo.InvariantCulture) ?? ""} |").AppendLine();
        }

        return text.ToString();
    }

    private static string Format(AccuracyRow? row) => row is null ? string.Empty : row.Value is double v ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "n/a";

    /// <summary>Writes the rows as JSON (the committed <c>benchmarks/results/accuracy.json</c>).</summary>
    public static string ToJson(IReadOnlyList<AccuracyRow> rows)
    {
        var options = new JsonSerializerOptions
        {
            WriteIndented = true,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        };
        var rounded = rows.Select(r => r with { Value = r.Value is double v ? Math.Round(v, 4) : null }).ToList();
        return JsonSerializer.Serialize(new { rows = rounded }, options);
    }
}
