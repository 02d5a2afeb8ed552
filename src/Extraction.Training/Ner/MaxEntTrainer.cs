using System.Diagnostics;
using System.Globalization;
using Extraction.Ner;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Extraction.Training.Ner;

/// <summary>
/// The second learner: an ML.NET maximum-entropy (multinomial logistic regression, L-BFGS) token
/// classifier on the same hashed features, capped to the most frequent ones. Its per-class linear
/// scores (log-probabilities up to a per-token constant) become the emission weights of the same
/// chain model; transitions are λ × log P(tag | previous tag) counted on train (add-0.5 smoothing),
/// with λ picked on dev, and decoding is the same constrained Viterbi.
/// </summary>
internal static class MaxEntTrainer
{
    private const int T = NerTags.TagCount;

    private sealed class TokenRow
    {
        public string Label { get; set; } = string.Empty;

        public VBuffer<float> Features { get; set; }
    }

    public static NerModel Train(FeatureCorpus train, FeatureSpace space, FeatureCorpus dev, IReadOnlyList<LabeledSentence> devSentences, NerTrainingOptions options, NerLexicon lexicon, IReadOnlyDictionary<string, string> metadata, TextWriter log, out string details)
    {
        var watch = Stopwatch.StartNew();

        // Keep the most frequent features (the bias feature always survives).
        int[] byFrequency = Enumerable.Range(0, space.Count).OrderByDescending(i => space.Counts[i]).ThenBy(i => i).Take(options.MaxEntFeatures).ToArray();
        var column = new int[space.Count];
        Array.Fill(column, -1);
        for (int c = 0; c < byFrequency.Length; c++)
        {
            column[byFrequency[c]] = c;
        }

        int dimension = byFrequency.Length;
        int minCount = space.Counts[byFrequency[^1]];
        var rows = new List<TokenRow>(train.Features.Sum(f => f.Length) / 40);
        var indices = new List<int>(128);
        for (int s = 0; s < train.Count; s++)
        {
            int begin = 0;
            for (int i = 0; i < train.TokenEnds[s].Length; i++)
            {
                indices.Clear();
                for (int j = begin; j < train.TokenEnds[s][i]; j++)
                {
                    int c = column[train.Features[s][j]];
                    if (c >= 0)
                    {
                        indices.Add(c);
                    }
                }

                begin = train.TokenEnds[s][i];
                indices.Sort();
                int[] unique = [.. indices.Distinct()];
                float[] values = new float[unique.Length];
                Array.Fill(values, 1f);
                rows.Add(new TokenRow { Label = NerTags.TagNames[train.Tags[s][i]], Features = new VBuffer<float>(dimension, unique.Length, values, unique) });
            }
        }

        log.WriteLine($"maxent: {rows.Count} tokens, {dimension} features (count >= {minCount})");
        var ml = new MLContext(seed: options.Seed);
        SchemaDefinition schema = SchemaDefinition.Create(typeof(TokenRow));
        schema["Features"].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimension);
        IDataView raw = ml.Data.LoadFromEnumerable(rows, schema);
        IDataView data = ml.Data.Cache(ml.Transforms.Conversion.MapValueToKey("Label").Fit(raw).Transform(raw));

        // Class index -> tag, read from the key's values (the order ML.NET assigned).
        VBuffer<ReadOnlyMemory<char>> keyValues = default;
        data.Schema["Label"].GetKeyValues(ref keyValues);
        int[] classTag = keyValues.DenseValues().Select(v => NerTags.Parse(v.ToString())).ToArray();
        var trainerOptions = new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = "Label",
            FeatureColumnName = "Features",
            L1Regularization = 0.5f,
            L2Regularization = 0.5f,
            MaximumNumberOfIterations = options.MaxEntIterations,
            HistorySize = 10,
            NumberOfThreads = 2,
            OptimizationTolerance = 1e-6f,
        };
        MulticlassPredictionTransformer<MaximumEntropyModelParameters> transformer = ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(trainerOptions).Fit(data);
        log.WriteLine($"maxent: L-BFGS done in {watch.Elapsed.TotalMinutes:F1} min");

        VBuffer<float>[] weights = [];
        transformer.Model.GetWeights(ref weights, out int classes);
        float[] biases = [.. transformer.Model.GetBiases()];
        if (classes != classTag.Length)
        {
            throw new InvalidOperationException($"ML.NET returned {classes} classes, expected {classTag.Length}.");
        }

        var chain = new ChainWeights(space.Count);
        var chainBias = new float[T];
        Array.Fill(chainBias, -100f);
        for (int k = 0; k < classes; k++)
        {
            chainBias[classTag[k]] = biases[k];
        }

        for (int cls = 0; cls < classes; cls++)
        {
            int y = classTag[cls];
            VBuffer<float> w = weights[cls];
            ReadOnlySpan<float> values = w.GetValues();
            ReadOnlySpan<int> idx = w.IsDense ? default : w.GetIndices();
            for (int k = 0; k < values.Length; k++)
            {
                int c = w.IsDense ? k : idx[k];
                if (values[k] != 0)
                {
                    chain.Emissions[((long)byFrequency[c] * T) + y] = values[k];
                }
            }
        }

        // Check the conversion: our scores must pick the same class as ML.NET on training rows.
        IDataView sample = transformer.Transform(ml.Data.TakeRows(data, 2000));
        float[][] mlScores = sample.GetColumn<float[]>("Score").ToArray();
        int agree = 0;
        for (int r = 0; r < mlScores.Length; r++)
        {
            var ours = new float[classes];
            ReadOnlySpan<int> idx = rows[r].Features.GetIndices();
            for (int y = 0; y < classes; y++)
            {
                VBuffer<float> w = weights[y];
                float sum = biases[y];
                foreach (int c in idx)
                {
                    sum += w.GetItemOrDefault(c);
                }

                ours[y] = sum;
            }

            if (Array.IndexOf(ours, ours.Max()) == Array.IndexOf(mlScores[r], mlScores[r].Max()))
            {
                agree++;
            }
        }

        log.WriteLine($"maxent: converted weights agree with ML.NET's prediction on {agree} of {mlScores.Length} training tokens; ML.NET argmax tags of the first 20: {string.Join(' ', mlScores.Take(20).Select(s => Array.IndexOf(s, s.Max())))}; gold {string.Join(' ', rows.Take(20).Select(r => r.Label))}; classes {string.Join(' ', classTag.Select(t => NerTags.TagNames[t]))}");

        int bias = space.Get(NerFeatureExtractor.BiasKey);
        for (int y = 0; y < T; y++)
        {
            chain.Emissions[((long)bias * T) + y] += chainBias[y];
        }

        // Transition log-probabilities from train counts, scaled by λ chosen on dev.
        var counts = new double[T * T];
        var startCounts = new double[T];
        foreach (int[] tags in train.Tags)
        {
            startCounts[tags[0]]++;
            for (int i = 1; i < tags.Length; i++)
            {
                counts[(tags[i - 1] * T) + tags[i]]++;
            }
        }

        double bestF1 = -1;
        float bestLambda = 0;
        foreach (float lambda in new[] { 0f, 0.25f, 0.5f, 1f })
        {
            SetTransitions(chain, counts, startCounts, lambda);
            double f1 = PerceptronTrainer.Evaluate(chain, dev, devSentences);
            log.WriteLine($"maxent: transition weight {lambda}: dev F1 {f1:F4}");
            if (f1 > bestF1)
            {
                bestF1 = f1;
                bestLambda = lambda;
            }
        }

        SetTransitions(chain, counts, startCounts, bestLambda);
        details = string.Create(CultureInfo.InvariantCulture, $"ML.NET LbfgsMaximumEntropy (L1 {trainerOptions.L1Regularization}, L2 {trainerOptions.L2Regularization}, {trainerOptions.MaximumNumberOfIterations} iterations max) on the {dimension} most frequent features (seen ≥ {minCount} times in train, a cap to keep training time in bounds), transitions {bestLambda} × log P(tag | previous) from train counts, dev F1 before pruning {bestF1:F4}");
        var meta = new Dictionary<string, string>(metadata) { ["learner"] = "ML.NET LbfgsMaximumEntropy + Viterbi" };
        return chain.ToModel(space, options.MaxFeatures, options.MinWeight * 0.1f, lexicon, options.Features, meta, 1f);
    }

    private static void SetTransitions(ChainWeights chain, double[] counts, double[] startCounts, float lambda)
    {
        for (int p = 0; p < T; p++)
        {
            double rowTotal = 0;
            for (int y = 0; y < T; y++)
            {
                rowTotal += counts[(p * T) + y] + 0.5;
            }

            for (int y = 0; y < T; y++)
            {
                chain.Transitions[(p * T) + y] = lambda * (float)Math.Log((counts[(p * T) + y] + 0.5) / rowTotal);
            }
        }

        double startTotal = startCounts.Sum() + (0.5 * T);
        for (int y = 0; y < T; y++)
        {
            chain.Start[y] = lambda * (float)Math.Log((startCounts[y] + 0.5) / startTotal);
        }
    }
}
