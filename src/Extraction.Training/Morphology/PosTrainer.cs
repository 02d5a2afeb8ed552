using System.Diagnostics;
using Extraction.Morphology;
using Extraction.Training.Evaluation;

namespace Extraction.Training.Morphology;

/// <summary>
/// Trains the POS model (UPOS on UD German GSD dev + PUD, STTS on GSD dev, whose XPOS column is STTS;
/// PUD's is not), the training-corpus lemma table and the suffix rules, and compiles the lexicon.
/// Every tenth training sentence is held out to pick the number of epochs; the final model is then
/// trained on everything. GSD test is never read here.
/// </summary>
internal static class PosTrainer
{
    public const string LexiconFile = "lexicon-de.bin";
    public const string ModelFile = "pos-de.bin";

    // The word clusters of the current training run (empty when not computed).
    private static FormClassTable Clusters { get; set; } = FormClassTable.Empty;

    /// <summary>A training sentence: forms with UPOS, STTS (null where unknown) and lemma.</summary>
    internal sealed record TrainingSentence(string[] Forms, string[] Upos, string[]? Stts, string[] Lemmas, int Domain);

    public static int Run(string dataFolder, string outFolder, int maxEpochs, int gsdWeight, bool secondPass, int silverSentences, int clusterCount, TextWriter log)
    {
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(outFolder);
        MorphLexicon lexicon = LexiconCompiler.Compile(Path.Combine(dataFolder, "lexicons"), log);
        string lexiconPath = Path.Combine(outFolder, LexiconFile);
        using (FileStream file = File.Create(lexiconPath))
        {
            lexicon.Write(file);
        }

        log.WriteLine($"lexicon: {lexicon.FormCount} forms, {lexicon.AnalysisCount} analyses, {new FileInfo(lexiconPath).Length / 1024} KiB, {clock.Elapsed.TotalSeconds:0.0} s");

        FormClassTable names = NameStatistics.Compute(Path.Combine(dataFolder, "germeval2014", "NER-de-train.tsv"));
        log.WriteLine($"name statistics: {names.Hashes.Length} forms from GermEval 2014 train");
        string ud = Path.Combine(dataFolder, "ud-german");
        Clusters = FormClassTable.Empty;
        if (clusterCount > 0)
        {
            // Unannotated text: GermEval 2014 (all three files) and the training treebanks; never GSD test.
            string germEval = Path.Combine(dataFolder, "germeval2014");
            IEnumerable<string[]> text = new[] { "NER-de-train.tsv", "NER-de-dev.tsv", "NER-de-test.tsv" }
                .SelectMany(f => WordClusters.ReadGermEval(Path.Combine(germEval, f)))
                .Concat(new[] { "de_gsd-ud-dev.conllu", "de_pud-ud-test.conllu" }.SelectMany(f => ConlluReader.Read(Path.Combine(ud, f)).Select(s => s.Words.Select(w => w.Form).ToArray())));
            Clusters = WordClusters.Compute(text, clusterCount, minCount: 2, contextWords: 200, iterations: 10, log);
            log.WriteLine($"word clusters: {Clusters.Hashes.Length} words in {clusterCount} clusters, {clock.Elapsed.TotalSeconds:0.0} s");
        }

        List<TrainingSentence> gsd = Load(Path.Combine(ud, "de_gsd-ud-dev.conllu"), hasStts: true);
        List<TrainingSentence> pud = Load(Path.Combine(ud, "de_pud-ud-test.conllu"), hasStts: false);
        List<TrainingSentence> sentences = [.. gsd, .. pud];
        string[] uposLabels = [.. sentences.SelectMany(s => s.Upos).Distinct().Order(StringComparer.Ordinal)];
        string[] sttsLabels = [.. sentences.Where(s => s.Stts is not null).SelectMany(s => s.Stts!).Distinct().Order(StringComparer.Ordinal)];
        log.WriteLine($"training sentences: {sentences.Count}, tokens: {sentences.Sum(s => s.Forms.Length)}; GSD dev counted {gsdWeight} times per epoch");

        if (Environment.GetEnvironmentVariable("EXTRACTION_CV") is { Length: > 0 } cvEpochs)
        {
            // Development aid: five-fold cross-validation over GSD dev (PUD always in training).
            var upos = new AccuracyCounter();
            var sttsCv = new AccuracyCounter();
            for (int fold = 0; fold < 5; fold++)
            {
                var test = gsd.Where((_, i) => i % 5 == fold).ToList();
                List<TrainingSentence> rest = [.. gsd.Where((_, i) => i % 5 != fold), .. pud];
                (AveragedPerceptron u, _, AveragedPerceptron t) = TrainAll(rest, lexicon, names, uposLabels, sttsLabels, int.Parse(cvEpochs, System.Globalization.CultureInfo.InvariantCulture), withSecondPass: false, log);
                (double a, double b, _) = Score(new MorphologyAnnotator(BuildModel(u, null, t, rest, lexicon, uposLabels, names), lexicon), test);
                int tokens = test.Sum(x => x.Forms.Length);
                for (int k = 0; k < tokens; k++)
                {
                    upos.Add(k < Math.Round(a * tokens));
                    sttsCv.Add(k < Math.Round(b * tokens));
                }
            }

            log.WriteLine($"cross-validated UPOS: {upos}, STTS: {sttsCv}");
            return 0;
        }

        // Held out for model selection: every fifth GSD dev sentence (GSD dev matches the test set's
        // annotation conventions best). The final model is trained on everything.
        var held = gsd.Where((_, i) => i % 5 == 4).ToList();
        List<TrainingSentence> train = [.. Repeat(gsd.Where((_, i) => i % 5 != 4).ToList(), gsdWeight), .. pud];

        // Model selection on the held-out fifth: the epoch count with the best UPOS + STTS accuracy.
        int bestEpochs = 1;
        double bestScore = -1;
        var uposModel = new AveragedPerceptron(uposLabels);
        var sttsModel = new AveragedPerceptron(sttsLabels);
        for (int epoch = 1; epoch <= maxEpochs; epoch++)
        {
            TrainEpoch(train, lexicon, names, uposModel, null, null, sttsModel, uposLabels, sttsLabels, epoch);
            var annotator = new MorphologyAnnotator(BuildModel(uposModel, null, sttsModel, train, lexicon, uposLabels, names), lexicon);
            (double upos, double stts, double lemma) = Score(annotator, held);
            log.WriteLine($"epoch {epoch}: held-out UPOS {upos:0.0000} STTS {stts:0.0000} lemma {lemma:0.0000}");
            if (upos + stts > bestScore)
            {
                bestScore = upos + stts;
                bestEpochs = epoch;
            }
        }

        log.WriteLine($"best: {bestEpochs} epochs");
        if (Environment.GetEnvironmentVariable("EXTRACTION_SHOW_ERRORS") == "1")
        {
            (AveragedPerceptron u, _, AveragedPerceptron t) = TrainAll(train, lexicon, names, uposLabels, sttsLabels, bestEpochs, withSecondPass: false, log);
            var errors = new ConfusionCounter();
            Score(new MorphologyAnnotator(BuildModel(u, null, t, train, lexicon, uposLabels, names), lexicon), held, errors);
            foreach ((string gold, string predicted, int count) in errors.Top(60))
            {
                log.WriteLine($"  held-out error: {gold} -> {predicted} {count}");
            }
        }

        // Self-training: GermEval 2014 sentences tagged by the model (their NER annotation corrects
        // NOUN/PROPN on names), as a third domain. Kept only if it helps on the held-out part.
        List<TrainingSentence> silver = [];
        if (silverSentences > 0)
        {
            string germEval = Path.Combine(dataFolder, "germeval2014", "NER-de-train.tsv");
            (AveragedPerceptron baseUpos, _, AveragedPerceptron baseStts) = TrainAll(train, lexicon, names, uposLabels, sttsLabels, bestEpochs, withSecondPass: false, log);
            List<TrainingSentence> candidate = SilverData.Tag(germEval, silverSentences, baseUpos.ToModel(), lexicon, names, uposLabels);
            (AveragedPerceptron selfUpos, _, _) = TrainAll([.. train, .. candidate], lexicon, names, uposLabels, sttsLabels, bestEpochs, withSecondPass: false, log);
            (double u0, _, _) = Score(new MorphologyAnnotator(BuildModel(baseUpos, null, baseStts, train, lexicon, uposLabels, names), lexicon), held);
            (double u1, _, _) = Score(new MorphologyAnnotator(BuildModel(selfUpos, null, baseStts, train, lexicon, uposLabels, names), lexicon), held);
            log.WriteLine($"held-out UPOS without self-training {u0:0.0000}, with {candidate.Count} silver sentences {u1:0.0000}");
            if (u1 > u0)
            {
                silver = candidate;
            }
        }

        // Does a second UPOS pass that sees the first pass's labels to the right help on the held-out part?
        bool useSecondPass = secondPass;
        if (secondPass)
        {
            (AveragedPerceptron first, AveragedPerceptron second, AveragedPerceptron stts) = TrainAll(train, lexicon, names, uposLabels, sttsLabels, bestEpochs, withSecondPass: true, log);
            (double u1, double s1, _) = Score(new MorphologyAnnotator(BuildModel(first, null, stts, train, lexicon, uposLabels, names), lexicon), held);
            (double u2, double s2, double l2) = Score(new MorphologyAnnotator(BuildModel(first, second, stts, train, lexicon, uposLabels, names), lexicon), held);
            log.WriteLine($"held-out one pass: UPOS {u1:0.0000} STTS {s1:0.0000}; two passes: UPOS {u2:0.0000} STTS {s2:0.0000} lemma {l2:0.0000}");
            useSecondPass = u2 + s2 > u1 + s1;
        }

        log.WriteLine($"retraining on all {sentences.Count} sentences, {(useSecondPass ? "two UPOS passes" : "one UPOS pass")}");
        List<TrainingSentence> all = [.. Repeat(gsd, gsdWeight), .. pud];
        if (silver.Count > 0)
        {
            // Re-tag the silver data with a model that has seen all gold sentences.
            (AveragedPerceptron goldOnly, _, _) = TrainAll(all, lexicon, names, uposLabels, sttsLabels, bestEpochs, withSecondPass: false, log);
            silver = SilverData.Tag(Path.Combine(dataFolder, "germeval2014", "NER-de-train.tsv"), silverSentences, goldOnly.ToModel(), lexicon, names, uposLabels);
            all.AddRange(silver);
            log.WriteLine($"self-training with {silver.Count} GermEval sentences");
        }

        (AveragedPerceptron finalFirst, AveragedPerceptron finalSecond, AveragedPerceptron finalStts) = TrainAll(all, lexicon, names, uposLabels, sttsLabels, bestEpochs, useSecondPass, log);
        uposModel = finalFirst;
        sttsModel = finalStts;
        AveragedPerceptron? secondModel = useSecondPass ? finalSecond : null;

        MorphModel model = BuildModel(uposModel, secondModel, sttsModel, sentences, lexicon, uposLabels, names);
        string modelPath = Path.Combine(outFolder, ModelFile);
        using (FileStream file = File.Create(modelPath))
        {
            model.Write(file);
        }

        log.WriteLine($"model: {model.Upos.Features.Length} UPOS + {model.Stts.Features.Length} STTS features, {model.LemmaEntries.Length} lemmas, {model.SuffixRules.Length} suffix rules, {new FileInfo(modelPath).Length / 1024} KiB");
        log.WriteLine($"training took {clock.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }

    /// <summary>
    /// Jackknifing for the layers trained on predicted tags (the parser): one morphology per fold, each trained
    /// as the shipped one (same lexicon, name statistics, clusters and epochs) on GSD dev + PUD without the
    /// sentences whose index (GSD dev first, then PUD, in file order) modulo <paramref name="folds"/> is the fold.
    /// </summary>
    internal static MorphologyAnnotator[] JackknifeAnnotators(string udFolder, int folds, int epochs, MorphologyAnnotator shipped, TextWriter log)
    {
        List<TrainingSentence> sentences = [.. Load(Path.Combine(udFolder, "de_gsd-ud-dev.conllu"), hasStts: true), .. Load(Path.Combine(udFolder, "de_pud-ud-test.conllu"), hasStts: false)];
        string[] uposLabels = [.. sentences.SelectMany(s => s.Upos).Distinct().Order(StringComparer.Ordinal)];
        string[] sttsLabels = [.. sentences.Where(s => s.Stts is not null).SelectMany(s => s.Stts!).Distinct().Order(StringComparer.Ordinal)];
        MorphLexicon lexicon = shipped.Lexicon;
        FormClassTable names = shipped.Model.Names;
        Clusters = shipped.Model.Clusters;
        var annotators = new MorphologyAnnotator[folds];
        for (int fold = 0; fold < folds; fold++)
        {
            List<TrainingSentence> rest = [.. sentences.Where((_, i) => i % folds != fold)];
            (AveragedPerceptron upos, _, AveragedPerceptron stts) = TrainAll(rest, lexicon, names, uposLabels, sttsLabels, epochs, withSecondPass: false, log);
            annotators[fold] = new MorphologyAnnotator(BuildModel(upos, null, stts, rest, lexicon, uposLabels, names), lexicon);
            log.WriteLine($"  jackknife fold {fold + 1} of {folds}: morphology trained on {rest.Count} sentences");
        }

        return annotators;
    }

    // Trains the first UPOS pass, then (when asked) the second pass on first-pass labels predicted by
    // five-fold jackknifing (so that they are as noisy as at inference), then STTS on gold UPOS.
    private static (AveragedPerceptron First, AveragedPerceptron Second, AveragedPerceptron Stts) TrainAll(
        List<TrainingSentence> data, MorphLexicon lexicon, FormClassTable names, string[] uposLabels, string[] sttsLabels, int epochs, bool withSecondPass, TextWriter log)
    {
        var first = new AveragedPerceptron(uposLabels);
        var stts = new AveragedPerceptron(sttsLabels);
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            TrainEpoch(data, lexicon, names, first, null, null, stts, uposLabels, sttsLabels, epoch);
        }

        var second = new AveragedPerceptron(uposLabels);
        if (!withSecondPass)
        {
            return (first, second, stts);
        }

        const int Folds = 5;
        var predicted = new int[data.Count][];
        for (int fold = 0; fold < Folds; fold++)
        {
            var model = new AveragedPerceptron(uposLabels);
            List<TrainingSentence> rest = data.Where((_, i) => i % Folds != fold).ToList();
            for (int epoch = 1; epoch <= epochs; epoch++)
            {
                TrainEpoch(rest, lexicon, names, model, null, null, null, uposLabels, sttsLabels, epoch);
            }

            PerceptronModel averaged = model.ToModel();
            for (int i = fold; i < data.Count; i += Folds)
            {
                predicted[i] = TagFirstPass(averaged, data[i], lexicon, names);
            }
        }

        log.WriteLine("jackknifed first-pass labels for the second pass");
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            TrainEpoch(data, lexicon, names, null, second, predicted, null, uposLabels, sttsLabels, epoch);
        }

        return (first, second, stts);
    }

    internal static int[] TagFirstPass(PerceptronModel model, TrainingSentence sentence, MorphLexicon lexicon, FormClassTable names)
    {
        TokenInfo[] infos = Describe(sentence, lexicon, names);
        Span<ulong> features = stackalloc ulong[TaggerFeatures.MaxFeatures];
        Span<float> scores = stackalloc float[256];
        var tags = new int[infos.Length];
        int p1 = -1;
        int p2 = -1;
        for (int k = 0; k < infos.Length; k++)
        {
            int count = TaggerFeatures.Extract(infos, k, p1, p2, default, default, sentence.Domain, features);
            tags[k] = model.Predict(features[..count], scores);
            p2 = p1;
            p1 = tags[k];
        }

        return tags;
    }

    private static TokenInfo[] Describe(TrainingSentence sentence, MorphLexicon lexicon, FormClassTable names)
    {
        char[] chars = new char[128];
        var infos = new TokenInfo[sentence.Forms.Length];
        for (int k = 0; k < infos.Length; k++)
        {
            TaggerFeatures.Describe(sentence.Forms[k], lexicon, names, Clusters, chars, ref infos[k]);
        }

        return infos;
    }

    private static List<TrainingSentence> Repeat(List<TrainingSentence> sentences, int times) =>
        Enumerable.Repeat(sentences, Math.Max(1, times)).SelectMany(s => s).ToList();

    internal static List<TrainingSentence> Load(string path, bool hasStts)
    {
        var result = new List<TrainingSentence>();
        List<ConlluSentence> sentences = ConlluReader.Read(path);
        for (int s = 0; s < sentences.Count; s++)
        {
            ConlluSentence sentence = sentences[s];

            // Half of the sentences with contractions keep the surface token ("im", APPRART) so that the
            // tagger also knows the tokens our tokenizer produces; the other half keep the UD words.
            bool surface = s % 2 == 0 && sentence.Multiwords.Count > 0;
            var forms = new List<string>();
            var upos = new List<string>();
            var stts = new List<string>();
            var lemmas = new List<string>();
            for (int w = 0; w < sentence.Words.Count; w++)
            {
                ConlluMultiword? mwt = surface ? sentence.Multiwords.FirstOrDefault(m => m.First == w) : null;
                ConlluWord word = sentence.Words[w];
                if (mwt is not null)
                {
                    forms.Add(mwt.Form);
                    upos.Add(word.Upos);
                    stts.Add(word.Upos == "ADP" ? "APPRART" : word.Xpos);
                    lemmas.Add(word.Lemma);
                    w = mwt.Last;
                    continue;
                }

                forms.Add(word.Form);
                upos.Add(word.Upos);
                stts.Add(word.Xpos);
                lemmas.Add(word.Lemma);
            }

            result.Add(new TrainingSentence([.. forms], [.. upos], hasStts ? [.. stts] : null, [.. lemmas], hasStts ? TaggerFeatures.TargetDomain : 0));
        }

        return result;
    }

    // One epoch over the sentences in a seeded random order, for whichever models are given: the first
    // UPOS pass, the second (with first-pass labels per sentence), STTS (GSD sentences only).
    private static void TrainEpoch(List<TrainingSentence> sentences, MorphLexicon lexicon, FormClassTable names, AveragedPerceptron? upos, AveragedPerceptron? second, int[][]? firstPass, AveragedPerceptron? stts, string[] uposLabels, string[] sttsLabels, int seed)
    {
        var order = Enumerable.Range(0, sentences.Count).ToArray();
        new Random(seed).Shuffle(order);
        Span<ulong> features = stackalloc ulong[TaggerFeatures.MaxFeatures];
        Span<float> scores = stackalloc float[256];
        foreach (int index in order)
        {
            TrainingSentence sentence = sentences[index];
            int n = sentence.Forms.Length;
            TokenInfo[] infos = Describe(sentence, lexicon, names);
            int[] gold = sentence.Upos.Select(u => Array.IndexOf(uposLabels, u)).ToArray();
            if (upos is not null)
            {
                TrainPass(upos, infos, gold, default, default, sentence.Domain, features, scores);
            }

            if (second is not null && firstPass is not null)
            {
                TrainPass(second, infos, gold, default, firstPass[index], sentence.Domain, features, scores);
            }

            if (stts is not null && sentence.Stts is not null)
            {
                int[] goldStts = sentence.Stts.Select(t => Array.IndexOf(sttsLabels, t)).ToArray();
                TrainPass(stts, infos, goldStts, gold, default, sentence.Domain, features, scores);
            }
        }
    }

    private static void TrainPass(AveragedPerceptron model, TokenInfo[] infos, int[] gold, ReadOnlySpan<int> upos, ReadOnlySpan<int> lookahead, int domain, Span<ulong> features, Span<float> scores)
    {
        int p1 = -1;
        int p2 = -1;
        for (int k = 0; k < infos.Length; k++)
        {
            int count = TaggerFeatures.Extract(infos, k, p1, p2, upos, lookahead, domain, features);
            int guess = model.Predict(features[..count], scores);
            model.Update(features[..count], gold[k], guess);
            p2 = p1;
            p1 = guess;
        }
    }

    private static MorphModel BuildModel(AveragedPerceptron upos, AveragedPerceptron? second, AveragedPerceptron stts, List<TrainingSentence> sentences, MorphLexicon lexicon, string[] uposLabels, FormClassTable names)
    {
        // Lemmas seen in training, by form and UPOS: the most frequent one.
        var lemmaCounts = new Dictionary<(string Form, int Upos), Dictionary<string, int>>();
        var ruleCounts = new Dictionary<(string Suffix, int Upos), Dictionary<(int Strip, string Append), int>>();
        foreach (TrainingSentence sentence in sentences)
        {
            for (int k = 0; k < sentence.Forms.Length; k++)
            {
                string form = sentence.Forms[k];
                string lemma = sentence.Lemmas[k];
                if (lemma == "_" || lemma.Length == 0)
                {
                    continue;
                }

                int label = Array.IndexOf(uposLabels, sentence.Upos[k]);
                Increment(lemmaCounts, (form, label), lemma);

                // Suffix rules are learnt from words the lexicon does not know, as unknown words are.
                if (lexicon.Find(form) >= 0)
                {
                    continue;
                }

                int common = 0;
                while (common < form.Length && common < lemma.Length && form[common] == lemma[common])
                {
                    common++;
                }

                if (common == 0)
                {
                    continue;
                }

                (int, string) rule = (form.Length - common, lemma[common..]);
                for (int length = 1; length <= Math.Min(SuffixRule.MaxSuffix, form.Length - 1); length++)
                {
                    Increment(ruleCounts, (form[^length..].ToLowerInvariant(), label), rule);
                }
            }
        }

        var lemmas = lemmaCounts
            .Select(p => new LemmaEntry(p.Key.Form, p.Key.Upos, p.Value.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).First().Key))
            .OrderBy(e => e.Form, StringComparer.Ordinal).ThenBy(e => e.Upos)
            .ToList();
        var rules = new List<SuffixRule>();
        foreach (((string suffix, int label), Dictionary<(int Strip, string Append), int> counts) in ruleCounts.OrderBy(p => p.Key.Suffix, StringComparer.Ordinal).ThenBy(p => p.Key.Upos))
        {
            int total = counts.Values.Sum();
            ((int strip, string append), int count) = counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key.Strip).First();
            if (count >= 2 && count * 2 > total)
            {
                rules.Add(new SuffixRule(suffix, label, strip, append));
            }
        }

        return new MorphModel(upos.ToModel(), second?.ToModel(), stts.ToModel(), lemmas, rules, names, Clusters);
    }

    private static void Increment<TKey, TValue>(Dictionary<TKey, Dictionary<TValue, int>> counts, TKey key, TValue value)
        where TKey : notnull
        where TValue : notnull
    {
        if (!counts.TryGetValue(key, out Dictionary<TValue, int>? inner))
        {
            inner = [];
            counts[key] = inner;
        }

        inner[value] = inner.GetValueOrDefault(value) + 1;
    }

    /// <summary>UPOS, STTS and lemma (UD conventions) accuracy of an annotator on sentences.</summary>
    internal static (double Upos, double Stts, double Lemma) Score(MorphologyAnnotator annotator, List<TrainingSentence> sentences, ConfusionCounter? errors = null)
    {
        var upos = new AccuracyCounter();
        var stts = new AccuracyCounter();
        var lemma = new AccuracyCounter();
        Document document = Document.FromTokens(sentences.Select(s => (IReadOnlyList<string>)s.Forms));
        var component = new MorphologyComponent(annotator, LemmaConventions.UniversalDependencies);
        component.Process(document, CancellationToken.None);
        int t = 0;
        foreach (TrainingSentence sentence in sentences)
        {
            for (int k = 0; k < sentence.Forms.Length; k++, t++)
            {
                Token token = document.GetToken(t);
                upos.Add(token.Pos == sentence.Upos[k]);
                if (token.Pos != sentence.Upos[k])
                {
                    errors?.Add($"{sentence.Upos[k]} {sentence.Forms[k]}", token.Pos ?? "-");
                }
                if (sentence.Stts is not null)
                {
                    stts.Add(token.Tag == sentence.Stts[k]);
                }

                lemma.Add(token.Lemma == sentence.Lemmas[k]);
            }
        }

        return (upos.Accuracy, stts.Accuracy, lemma.Accuracy);
    }
}
