using Extraction.Morphology;
using Extraction.Ner;
using Extraction.Training.Morphology;
using Extraction.Training.Ner;
using Extraction.Training.Syntax;

namespace Extraction.Training.Evaluation;

/// <summary>The accuracy report's sections for the statistical models: NER on GermEval 2014, POS and lemmas on UD German GSD.</summary>
internal static class ModelSections
{
    /// <summary>Strict span-level P/R/F1 of the embedded NER model on GermEval 2014 dev and test, outer level, per label and overall.</summary>
    public static IEnumerable<AccuracyRow> Ner(EvaluationPaths paths, Extractor extractor)
    {
        ArgumentNullException.ThrowIfNull(paths);
        foreach ((string split, string file) in new[] { ("dev", "NER-de-dev.tsv"), ("test", "NER-de-test.tsv") })
        {
            string path = Path.Combine(paths.SharedData, "germeval2014", file);
            string dataset = "GermEval 2014 " + split;
            if (!File.Exists(path))
            {
                yield return new AccuracyRow("NER", dataset, "all", "F1", null, Note: "data not found");
                continue;
            }

            using Stream stream = typeof(Extractor).Assembly.GetManifestResourceStream(NerComponent.ResourceName)!;
            NerModel model = NerModelFormat.Read(stream, NerComponent.ResourceName);
            SpanScorer scorer = NerEvaluator.Score(model, GermEvalReader.ReadFile(path));
            foreach ((string label, LabelCounts counts) in scorer.Labels.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                foreach (AccuracyRow row in AccuracyReport.PrfRows("NER", dataset, label, new PrecisionRecall(counts.TruePositives, counts.FalsePositives, counts.FalseNegatives)))
                {
                    yield return row;
                }
            }

            LabelCounts all = scorer.Overall;
            foreach (AccuracyRow row in AccuracyReport.PrfRows("NER", dataset, "all (outer, strict)", new PrecisionRecall(all.TruePositives, all.FalsePositives, all.FalseNegatives)))
            {
                yield return row;
            }
        }
    }

    /// <summary>UPOS, STTS and lemma accuracy of the embedded morphology on UD German GSD test (gold tokens).</summary>
    public static IEnumerable<AccuracyRow> PartOfSpeech(EvaluationPaths paths, Extractor extractor)
    {
        ArgumentNullException.ThrowIfNull(paths);
        string path = Path.Combine(paths.SharedData, "ud-german", "de_gsd-ud-test.conllu");
        const string Dataset = "UD GSD test";
        if (!File.Exists(path))
        {
            yield return new AccuracyRow("POS", Dataset, "UPOS", "accuracy", null, Note: "data not found");
            yield break;
        }

        PosEvaluation evaluation = PosEvaluator.Evaluate(EmbeddedMorphology.Annotator, path);
        yield return new AccuracyRow("POS", Dataset, "UPOS", "accuracy", evaluation.Upos.Accuracy, evaluation.Upos.Total);
        yield return new AccuracyRow("POS", Dataset, "STTS", "accuracy", evaluation.Stts.Accuracy, evaluation.Stts.Total);
        yield return new AccuracyRow("lemmas", Dataset, "lemma (UD convention)", "accuracy", evaluation.LemmaUd.Accuracy, evaluation.LemmaUd.Total);
    }

    /// <summary>UAS/LAS of the embedded parser on GSD test (gold tokens and raw text) and labelled attachment F1 of the key relations.</summary>
    public static IEnumerable<AccuracyRow> Parser(EvaluationPaths paths, Extractor extractor)
    {
        ArgumentNullException.ThrowIfNull(paths);
        string path = Path.Combine(paths.SharedData, "ud-german", "de_gsd-ud-test.conllu");
        const string Dataset = "UD GSD test";
        if (!File.Exists(path))
        {
            yield return new AccuracyRow("parser", Dataset, "LAS, gold tokens", "accuracy", null, Note: "data not found");
            yield break;
        }

        ParserEvaluation e = ParserEvaluator.Evaluate(Extraction.Syntax.ParserComponent.Embedded, EmbeddedMorphology.Annotator, path);
        yield return new AccuracyRow("parser", Dataset, "UAS, gold tokens", "accuracy", e.Uas.Accuracy, e.Uas.Total);
        yield return new AccuracyRow("parser", Dataset, "LAS, gold tokens", "accuracy", e.Las.Accuracy, e.Las.Total);
        yield return new AccuracyRow("parser", Dataset, "UAS, raw text", "accuracy", e.RawUas.Accuracy, e.RawUas.Total, "words inside contractions and hyphenated compounds excluded");
        yield return new AccuracyRow("parser", Dataset, "LAS, raw text", "accuracy", e.RawLas.Accuracy, e.RawLas.Total);
        foreach (string label in ParserEvaluator.KeyLabels)
        {
            if (e.Labels.TryGetValue(label, out RelationCounts? counts))
            {
                yield return new AccuracyRow("parser", Dataset, label + " (labelled attachment)", "F1", counts.ToPrecisionRecall().F1, counts.Gold, "gold tokens");
            }
        }
    }
}
