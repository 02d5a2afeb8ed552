using System.Diagnostics;
using Extraction.Morphology;
using Extraction.Syntax;
using Extraction.Training.Morphology;

namespace Extraction.Training.Syntax;

/// <summary>
/// Trains the dependency parser on UD German GSD dev + PUD (labels mapped to GSD's conventions, trees made
/// projective by lifting) with the tags, lemmas and morphology our own morphology component predicts. A
/// greedy arc-hybrid parser learnt with a dynamic oracle and exploration (Goldberg and Nivre 2012/2013): at
/// each step the perceptron is updated towards the best-scoring transition of least cost when its own choice
/// costs more, and from the second epoch on the parser follows its own choice with probability 0.9, so it
/// learns to recover from its mistakes. Every tenth sentence of each treebank is held out to choose the
/// number of epochs; the final model is then trained on everything. GSD test is never read here.
/// </summary>
internal static class ParserTrainer
{
    public const string ModelFile = "parser-de.bin";

    /// <summary>One training or held-out sentence: the tree over its tokens and the tagged document it lies in.</summary>
    internal sealed class Example
    {
        public required DependencyTree Tree { get; init; }

        public required Document Document { get; init; }

        public required int First { get; init; }

        /// <summary>Projective gold heads with the root at index n (the parser's convention).</summary>
        public required int[] Heads { get; init; }

        /// <summary>Label indices; <see cref="ParserState.RootLabel"/> for the root.</summary>
        public required int[] Labels { get; init; }

        public int Length => Tree.Forms.Length;
    }

    /// <summary>Options of a training run.</summary>
    /// <param name="MaxEpochs">The most epochs tried on the held-out part.</param>
    /// <param name="GoldTags">Use the treebanks' own tags on their UD words (comparison only).</param>
    /// <param name="SurfaceViews">Also train on the trees over our tokens (contractions, hyphenated compounds joined).</param>
    /// <param name="Explore">Probability of following a mistaken transition from the second epoch on.</param>
    /// <param name="SelectOnly">Stop after model selection.</param>
    /// <param name="Jackknife">Folds for jackknifed tags (0: the shipped morphology tags everything, also the sentences it was trained on).</param>
    internal sealed record Options(int MaxEpochs, bool GoldTags, bool SurfaceViews, double Explore, bool SelectOnly, int Jackknife);

    public static int Run(string dataFolder, string outFolder, Options options, TextWriter log)
    {
        var clock = Stopwatch.StartNew();
        string ud = Path.Combine(dataFolder, "ud-german");
        List<ConlluSentence> gsd = ConlluReader.Read(Path.Combine(ud, "de_gsd-ud-dev.conllu"));
        List<ConlluSentence> pud = ConlluReader.Read(Path.Combine(ud, "de_pud-ud-test.conllu"));
        MorphologyAnnotator annotator = EmbeddedMorphology.Annotator;
        FormClassTable clusters = annotator.Model.Clusters;

        // Tags: jackknifed, so that training sees the tagger's errors as they are on unseen text; sentence i of
        // GSD dev + PUD is tagged by the morphology trained without fold i % folds.
        MorphologyAnnotator[] taggers = options.Jackknife > 1
            ? PosTrainer.JackknifeAnnotators(ud, options.Jackknife, epochs: 11, annotator, log)
            : [annotator];

        // Held out: every tenth sentence of each treebank (scored on its UD words).
        var trainSentences = new List<(ConlluSentence, MorphologyAnnotator)>();
        var heldSentences = new List<(ConlluSentence, MorphologyAnnotator)>();
        int global = 0;
        foreach (List<ConlluSentence> corpus in new[] { gsd, pud })
        {
            for (int i = 0; i < corpus.Count; i++, global++)
            {
                (i % 10 == 9 ? heldSentences : trainSentences).Add((corpus[i], taggers[global % taggers.Length]));
            }
        }

        log.WriteLine($"tagging: {(taggers.Length > 1 ? $"jackknifed, {taggers.Length} folds" : "the shipped morphology")}; {clock.Elapsed.TotalSeconds:0.0} s");

        string[] labels = [.. gsd.Concat(pud).SelectMany(s => s.Words).Select(w => Treebank.MapLabel(w.DepRel)).Where(l => l != "root").Distinct().Order(StringComparer.Ordinal)];
        if (labels.Length > ParserModel.MaxLabels)
        {
            throw new InvalidDataException($"{labels.Length} relation labels; the model holds at most {ParserModel.MaxLabels}.");
        }

        List<Example> train = Examples(trainSentences, labels, options.GoldTags, options.SurfaceViews, log);
        List<Example> held = Examples(heldSentences, labels, options.GoldTags, surfaceViews: false, log);
        log.WriteLine($"labels: {labels.Length}; training trees: {train.Count} ({train.Sum(e => e.Length)} tokens), held out: {held.Count} sentences ({held.Sum(e => e.Length)} words); tags: {(options.GoldTags ? "gold" : "predicted")}; {clock.Elapsed.TotalSeconds:0.0} s");

        int bestEpochs = 1;
        double bestLas = -1;
        var actions = new AveragedPerceptron(ParserModel.ActionNames);
        var labeller = new AveragedPerceptron(labels);
        for (int epoch = 1; epoch <= options.MaxEpochs; epoch++)
        {
            TrainEpoch(train, actions, labeller, clusters, epoch, options.Explore);
            var parser = new DependencyParser(new ParserModel(actions.ToModel(), labeller.ToModel(), clusters));
            (double uas, double las) = Score(parser, held);
            log.WriteLine($"epoch {epoch}: held-out UAS {uas:0.0000} LAS {las:0.0000} ({clock.Elapsed.TotalSeconds:0} s)");
            if (las > bestLas)
            {
                bestLas = las;
                bestEpochs = epoch;
            }
        }

        log.WriteLine($"best: {bestEpochs} epochs (held-out LAS {bestLas:0.0000})");
        if (options.SelectOnly)
        {
            return 0;
        }

        List<Example> all = [.. train, .. Examples(heldSentences, labels, options.GoldTags, options.SurfaceViews, log)];
        actions = new AveragedPerceptron(ParserModel.ActionNames);
        labeller = new AveragedPerceptron(labels);
        for (int epoch = 1; epoch <= bestEpochs; epoch++)
        {
            TrainEpoch(all, actions, labeller, clusters, epoch, options.Explore);
        }

        var model = new ParserModel(actions.ToModel(), labeller.ToModel(), clusters);
        Directory.CreateDirectory(outFolder);
        string path = Path.Combine(outFolder, ModelFile);
        using (FileStream file = File.Create(path))
        {
            model.Write(file);
        }

        log.WriteLine($"wrote {path}: {new FileInfo(path).Length / 1024} KiB; {model.Actions.Features.Length} transition and {model.Labels.Features.Length} label features; {clock.Elapsed.TotalSeconds:0} s");
        return 0;
    }

    /// <summary>Builds the examples of some sentences: tagged by our morphology (or with the gold tags), gold trees projective.</summary>
    internal static List<Example> Examples(List<(ConlluSentence Sentence, MorphologyAnnotator Tagger)> sentences, string[] labels, bool goldTags, bool surfaceViews, TextWriter log)
    {
        var examples = new List<Example>();
        foreach (IGrouping<MorphologyAnnotator, (ConlluSentence Sentence, MorphologyAnnotator Tagger)> group in sentences.GroupBy(s => s.Tagger))
        {
            var trees = new List<(DependencyTree Tree, ConlluSentence? Gold)>();
            foreach ((ConlluSentence sentence, _) in group)
            {
                DependencyTree words = Treebank.Words(sentence);
                trees.Add((words, sentence));
                if (surfaceViews && Treebank.Surface(sentence, words) is { } surface)
                {
                    trees.Add((surface, null));
                }
            }

            Document document = Document.FromTokens(trees.Select(t => (IReadOnlyList<string>)t.Tree.Forms));
            new MorphologyComponent(group.Key).Process(document, CancellationToken.None);
            if (goldTags)
            {
                SetGoldTags(document, trees);
            }

            examples.AddRange(Examples(document, trees, labels, log));
        }

        return examples;
    }

    private static List<Example> Examples(Document document, List<(DependencyTree Tree, ConlluSentence? Gold)> trees, string[] labels, TextWriter log)
    {
        var index = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var examples = new List<Example>(trees.Count);
        int lifted = 0;
        for (int s = 0; s < trees.Count; s++)
        {
            DependencyTree tree = trees[s].Tree;
            int n = tree.Forms.Length;
            int[] heads = [.. tree.Heads];
            lifted += Treebank.Projectivize(heads);
            for (int i = 0; i < n; i++)
            {
                heads[i] = heads[i] < 0 ? n : heads[i];
            }

            examples.Add(new Example
            {
                Tree = tree,
                Document = document,
                First = document.SentenceFirstTokens[s],
                Heads = heads,
                Labels = [.. tree.Labels.Select(l => l == "root" ? ParserState.RootLabel : index[l])],
            });
        }

        log.WriteLine($"  {trees.Count} trees, {lifted} arcs lifted to make them projective");
        return examples;
    }

    // The treebank's own UPOS, XPOS, lemma and case/gender/number (for the gold-tag comparison; PUD's XPOS is not STTS).
    private static void SetGoldTags(Document document, List<(DependencyTree Tree, ConlluSentence? Gold)> trees)
    {
        int t = 0;
        foreach ((DependencyTree tree, ConlluSentence? gold) in trees)
        {
            for (int i = 0; i < tree.Forms.Length; i++, t++)
            {
                if (gold is null)
                {
                    continue;
                }

                ConlluWord word = gold.Words[i];
                document.UposArray![t] = word.Upos;
                document.SttsArray![t] = word.Xpos;
                document.LemmaArray![t] = word.Lemma;
                string[] feats = word.Feats.Split('|');
                string[] kept = [.. new[] { "Case=", "Gender=", "Number=" }.Select(p => feats.FirstOrDefault(f => f.StartsWith(p, StringComparison.Ordinal))).OfType<string>()];
                document.MorphArray![t] = kept.Length == 0 ? null : string.Join('|', kept);
            }
        }
    }

    private static void TrainEpoch(List<Example> examples, AveragedPerceptron actions, AveragedPerceptron labeller, FormClassTable clusters, int epoch, double explore)
    {
        var random = new Random(epoch);
        int[] order = [.. Enumerable.Range(0, examples.Count)];
        random.Shuffle(order);
        var state = new ParserState();
        var features = new ulong[ParserFeatures.MaxFeatures];
        var scores = new float[256];
        var costs = new int[3];
        foreach (int e in order)
        {
            Example example = examples[e];
            state.Reset(example.Length);
            ParserFeatures.Describe(example.Document, example.First, example.Length, clusters, state);
            while (!state.IsTerminal)
            {
                int count = ParserFeatures.Actions(state, features);
                actions.Predict(features.AsSpan(0, count), scores);
                int predicted = -1, oracle = -1, minCost = int.MaxValue;
                for (int a = 0; a < 3; a++)
                {
                    if (!state.IsLegal(a))
                    {
                        continue;
                    }

                    costs[a] = Cost(state, example.Heads, a);
                    minCost = Math.Min(minCost, costs[a]);
                    if (predicted < 0 || scores[a] > scores[predicted])
                    {
                        predicted = a;
                    }
                }

                for (int a = 0; a < 3; a++)
                {
                    if (state.IsLegal(a) && costs[a] == minCost && (oracle < 0 || scores[a] > scores[oracle]))
                    {
                        oracle = a;
                    }
                }

                actions.Update(features.AsSpan(0, count), oracle, predicted);
                int next = costs[predicted] == minCost || (epoch > 1 && random.NextDouble() < explore) ? predicted : oracle;
                int label = ParserState.NoLabel;
                if (next != Transition.Shift && !(next == Transition.Left && state.Buffer == state.Length))
                {
                    int dependent = state.S(0);
                    int head = next == Transition.Left ? state.Buffer : state.S(1);
                    int n = ParserFeatures.Label(state, head, dependent, features);
                    label = labeller.Predict(features.AsSpan(0, n), scores);
                    if (example.Heads[dependent] == head && example.Labels[dependent] >= 0)
                    {
                        labeller.Update(features.AsSpan(0, n), example.Labels[dependent], label);
                        label = example.Labels[dependent];
                    }
                }

                state.Apply(next, label);
            }
        }
    }

    /// <summary>The number of gold arcs a transition makes unreachable (Goldberg and Nivre 2013, arc-hybrid).</summary>
    private static int Cost(ParserState state, int[] gold, int action)
    {
        int b = state.Buffer;
        int n = state.Length;
        int cost = 0;
        if (action == Transition.Shift)
        {
            // b can no longer take a head deeper in the stack than s0, nor any stack item as dependent.
            for (int i = 0; i < state.StackSize; i++)
            {
                int k = state.Stack[i];
                if (gold[k] == b || (gold[b] == k && i < state.StackSize - 1))
                {
                    cost++;
                }
            }

            return cost;
        }

        int s0 = state.S(0);
        int s1 = state.StackSize >= 2 ? state.S(1) : -1;
        if (action == Transition.Left)
        {
            if (gold[s0] != b && (gold[s0] == s1 || gold[s0] > b))
            {
                cost++;
            }
        }
        else if (gold[s0] >= b)
        {
            cost++;
        }

        for (int d = b; d < n; d++)
        {
            if (gold[d] == s0)
            {
                cost++;
            }
        }

        return cost;
    }

    /// <summary>Unlabelled and labelled attachment scores of a parser on examples (all words, punctuation included).</summary>
    internal static (double Uas, double Las) Score(DependencyParser parser, List<Example> examples)
    {
        int total = 0, unlabelled = 0, labelled = 0;
        var scratch = new DependencyParser.Scratch();
        foreach (Example example in examples)
        {
            ParserState state = scratch.State;
            state.Reset(example.Length);
            ParserFeatures.Describe(example.Document, example.First, example.Length, parser.Model.Clusters, state);
            parser.Parse(state, scratch);
            for (int i = 0; i < example.Length; i++)
            {
                total++;
                int goldHead = example.Tree.Heads[i] < 0 ? example.Length : example.Tree.Heads[i];
                if (state.Head[i] == goldHead)
                {
                    unlabelled++;
                    string predicted = state.Label[i] >= 0 ? parser.Model.Labels.Labels[state.Label[i]] : "root";
                    if (predicted == example.Tree.Labels[i])
                    {
                        labelled++;
                    }
                }
            }
        }

        return ((double)unlabelled / total, (double)labelled / total);
    }
}
