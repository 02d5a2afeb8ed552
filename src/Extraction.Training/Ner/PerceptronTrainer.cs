using System.Diagnostics;
using Extraction.Ner;
using Extraction.Training.Evaluation;

namespace Extraction.Training.Ner;

/// <summary>Dense linear-chain parameters over feature ids: emissions [feature * T + tag], transitions, start, end.</summary>
internal sealed class ChainWeights
{
    public const int T = NerTags.TagCount;

    public ChainWeights(int featureCount)
    {
        Emissions = new float[(long)featureCount * T];
        Transitions = new float[T * T];
        Start = new float[T];
        End = new float[T];
    }

    public float[] Emissions { get; }

    public float[] Transitions { get; }

    public float[] Start { get; }

    public float[] End { get; }

    public int FeatureCount => Emissions.Length / T;

    public static ChainWeights Add(ChainWeights a, ChainWeights b)
    {
        Add(a.Emissions, b.Emissions);
        Add(a.Transitions, b.Transitions);
        Add(a.Start, b.Start);
        Add(a.End, b.End);
        return a;
    }

    public static void Scale(ChainWeights a, float factor)
    {
        foreach (float[] values in new[] { a.Emissions, a.Transitions, a.Start, a.End })
        {
            for (long i = 0; i < values.LongLength; i++)
            {
                values[i] *= factor;
            }
        }
    }

    private static void Add(float[] a, float[] b)
    {
        for (long i = 0; i < a.LongLength; i++)
        {
            a[i] += b[i];
        }
    }

    /// <summary>Emission scores of one sentence.</summary>
    public void Score(int[] features, int[] tokenEnds, Span<float> scores)
    {
        scores.Clear();
        float[] w = Emissions;
        int begin = 0;
        for (int i = 0; i < tokenEnds.Length; i++)
        {
            Span<float> row = scores.Slice(i * T, T);
            for (int j = begin; j < tokenEnds[i]; j++)
            {
                int offset = features[j] * T;
                for (int y = 0; y < T; y++)
                {
                    row[y] += w[offset + y];
                }
            }

            begin = tokenEnds[i];
        }
    }

    /// <summary>Best valid tag sequence for one sentence.</summary>
    public int[] Decode(int[] features, int[] tokenEnds)
    {
        int n = tokenEnds.Length;
        var scores = new float[n * T];
        Score(features, tokenEnds, scores);
        var tags = new int[n];
        NerDecoder.Viterbi(scores, Transitions, Start, End, tags, new float[n * T], new int[n * T]);
        return tags;
    }

    /// <summary>Converts to a library model, keeping the <paramref name="maxFeatures"/> features with the largest weights.</summary>
    public NerModel ToModel(FeatureSpace space, int maxFeatures, float minWeight, NerLexicon lexicon, NerFeatureOptions options, IReadOnlyDictionary<string, string> metadata, float confidenceScale)
    {
        int f = FeatureCount;
        var norms = new float[f];
        for (int i = 0; i < f; i++)
        {
            float max = 0;
            for (int y = 0; y < T; y++)
            {
                max = Math.Max(max, Math.Abs(Emissions[((long)i * T) + y]));
            }

            norms[i] = max;
        }

        int[] order = Enumerable.Range(0, f).Where(i => norms[i] >= minWeight && norms[i] > 0).ToArray();
        if (order.Length > maxFeatures)
        {
            Array.Sort(order, (a, b) => norms[b].CompareTo(norms[a]) != 0 ? norms[b].CompareTo(norms[a]) : a.CompareTo(b));
            order = order[..maxFeatures];
        }

        Array.Sort(order);
        var keys = new ulong[order.Length];
        var rowStarts = new int[order.Length + 1];
        var tags = new List<byte>();
        var weights = new List<float>();
        for (int r = 0; r < order.Length; r++)
        {
            int i = order[r];
            keys[r] = space.Keys[i];
            for (int y = 0; y < T; y++)
            {
                float w = Emissions[((long)i * T) + y];
                if (Math.Abs(w) >= minWeight && w != 0)
                {
                    tags.Add((byte)y);
                    weights.Add(w);
                }
            }

            rowStarts[r + 1] = tags.Count;
        }

        // Rows that lost all weights to the threshold are dropped by the writer.
        return new NerModel(metadata, options, (float[])Transitions.Clone(), (float[])Start.Clone(), (float[])End.Clone(), keys, rowStarts, [.. tags], [.. weights], lexicon, confidenceScale);
    }
}

/// <summary>
/// An averaged structured perceptron (Collins 2002) for the first-order chain, with the averaging
/// trick of Daumé (keep w and the time-weighted sum u; the average is w − u / c). Sentences are
/// shuffled each epoch with a seeded generator, so training is deterministic given the seed. The
/// epoch with the best dev F1 is kept (early stopping after <c>patience</c> epochs without gain).
/// </summary>
internal sealed class PerceptronTrainer
{
    private const int T = NerTags.TagCount;

    public int Epochs { get; init; } = 12;

    public int Patience { get; init; } = 3;

    public int Seed { get; init; } = 1;

    /// <summary>
    /// Loss-augmented decoding while training: every wrong tag gets this bonus, so the perceptron
    /// also updates on correct but low-margin predictions (a structured hinge with Hamming cost).
    /// </summary>
    public float Margin { get; init; }

    public ChainWeights Train(FeatureCorpus train, int featureCount, FeatureCorpus dev, IReadOnlyList<LabeledSentence> devSentences, TextWriter log, out int bestEpoch, out double bestF1)
    {
        var w = new ChainWeights(featureCount);
        var u = new ChainWeights(featureCount);
        ChainWeights? best = null;
        bestEpoch = 0;
        bestF1 = -1;
        long c = 1;
        int[] order = Enumerable.Range(0, train.Count).ToArray();
        float[] scores = new float[256 * T];
        float[] scratch = new float[256 * T];
        int[] back = new int[256 * T];
        for (int epoch = 1; epoch <= Epochs; epoch++)
        {
            var watch = Stopwatch.StartNew();
            var random = new Random(Seed + epoch);
            random.Shuffle(order);
            int mistakes = 0;
            foreach (int s in order)
            {
                int[] features = train.Features[s];
                int[] ends = train.TokenEnds[s];
                int[] gold = train.Tags[s];
                int n = gold.Length;
                if (scores.Length < n * T)
                {
                    scores = new float[n * T];
                    scratch = new float[n * T];
                    back = new int[n * T];
                }

                Span<float> sentenceScores = scores.AsSpan(0, n * T);
                w.Score(features, ends, sentenceScores);
                if (Margin > 0)
                {
                    for (int i = 0; i < n; i++)
                    {
                        for (int y = 0; y < T; y++)
                        {
                            if (y != gold[i])
                            {
                                sentenceScores[(i * T) + y] += Margin;
                            }
                        }
                    }
                }

                int[] predicted = new int[n];
                NerDecoder.Viterbi(sentenceScores, w.Transitions, w.Start, w.End, predicted, scratch, back);
                if (predicted.AsSpan().SequenceEqual(gold))
                {
                    c++;
                    continue;
                }

                mistakes++;
                float cf = c;
                int begin = 0;
                for (int i = 0; i < n; i++)
                {
                    int end = ends[i];
                    if (predicted[i] != gold[i])
                    {
                        for (int j = begin; j < end; j++)
                        {
                            long offset = (long)features[j] * T;
                            w.Emissions[offset + gold[i]] += 1;
                            w.Emissions[offset + predicted[i]] -= 1;
                            u.Emissions[offset + gold[i]] += cf;
                            u.Emissions[offset + predicted[i]] -= cf;
                        }
                    }

                    if (i == 0)
                    {
                        if (predicted[0] != gold[0])
                        {
                            Update(w.Start, u.Start, gold[0], predicted[0], cf);
                        }
                    }
                    else if (predicted[i] != gold[i] || predicted[i - 1] != gold[i - 1])
                    {
                        Update(w.Transitions, u.Transitions, (gold[i - 1] * T) + gold[i], (predicted[i - 1] * T) + predicted[i], cf);
                    }

                    begin = end;
                }

                if (predicted[n - 1] != gold[n - 1])
                {
                    Update(w.End, u.End, gold[n - 1], predicted[n - 1], cf);
                }

                c++;
            }

            ChainWeights averaged = Average(w, u, c);
            double f1 = Evaluate(averaged, dev, devSentences);
            log.WriteLine($"perceptron epoch {epoch}: {mistakes} sentences with mistakes, dev F1 {f1:F4} ({watch.Elapsed.TotalSeconds:F1} s)");
            if (f1 > bestF1)
            {
                bestF1 = f1;
                bestEpoch = epoch;
                best = averaged;
            }
            else if (epoch - bestEpoch >= Patience)
            {
                log.WriteLine($"perceptron: no dev gain for {Patience} epochs, stopping");
                break;
            }
        }

        return best!;
    }

    public static double Evaluate(ChainWeights weights, FeatureCorpus corpus, IReadOnlyList<LabeledSentence> sentences)
    {
        var scorer = new SpanScorer(NerTags.Labels);
        var results = new int[corpus.Count][];
        Parallel.For(0, corpus.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, s => results[s] = weights.Decode(corpus.Features[s], corpus.TokenEnds[s]));
        for (int s = 0; s < corpus.Count; s++)
        {
            scorer.Add(sentences[s].Tags.Select(t => NerTags.TagNames[t]).ToArray(), results[s].Select(t => NerTags.TagNames[t]).ToArray());
        }

        return scorer.Overall.F1;
    }

    /// <summary>
    /// Shifts the bias weight of the O tag to trade precision for recall, picking the shift with the
    /// best dev F1 (the perceptron tends to be conservative on rare labels). Leaves the best shift applied.
    /// </summary>
    public static float TuneOutsideBias(ChainWeights weights, FeatureSpace space, FeatureCorpus dev, IReadOnlyList<LabeledSentence> devSentences, TextWriter log, out double bestF1)
    {
        int bias = space.Get(NerFeatureExtractor.BiasKey);
        long index = ((long)bias * T) + NerTags.Outside;
        float original = weights.Emissions[index];
        float best = 0;
        bestF1 = -1;
        foreach (float shift in new[] { 0f, -0.5f, -1f, -1.5f, -2f, -2.5f, -3f, -4f })
        {
            weights.Emissions[index] = original + shift;
            double f1 = Evaluate(weights, dev, devSentences);
            log.WriteLine($"O bias shift {shift}: dev F1 {f1:F4}");
            if (f1 > bestF1 + 1e-9)
            {
                bestF1 = f1;
                best = shift;
            }
        }

        weights.Emissions[index] = original + best;
        return best;
    }

    private static void Update(float[] w, float[] u, int good, int bad, float c)
    {
        w[good] += 1;
        w[bad] -= 1;
        u[good] += c;
        u[bad] -= c;
    }

    private static ChainWeights Average(ChainWeights w, ChainWeights u, long c)
    {
        var result = new ChainWeights(w.FeatureCount);
        float inverse = 1f / c;
        Average(w.Emissions, u.Emissions, result.Emissions, inverse);
        Average(w.Transitions, u.Transitions, result.Transitions, inverse);
        Average(w.Start, u.Start, result.Start, inverse);
        Average(w.End, u.End, result.End, inverse);
        return result;
    }

    private static void Average(float[] w, float[] u, float[] target, float inverse)
    {
        for (long i = 0; i < w.LongLength; i++)
        {
            target[i] = w[i] - (u[i] * inverse);
        }
    }
}
