using Extraction.Ner;
using Extraction.Training.Evaluation;

namespace Extraction.Training.Ner;

/// <summary>Tags GermEval sentences with a model through the library's own tagging path and scores them.</summary>
internal static class NerEvaluator
{
    /// <summary>Predicted tags per sentence.</summary>
    public static int[][] Predict(NerModel model, IReadOnlyList<LabeledSentence> sentences)
    {
        var tagger = new NerTagger(model);
        var results = new int[sentences.Count][];
        Parallel.For(0, sentences.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, s =>
        {
            Document document = Document.FromTokens([sentences[s].Tokens]);
            var tags = new int[document.TokenCount];
            tagger.TagSentence(document, 0, tags, default);
            results[s] = tags;
        });
        return results;
    }

    public static SpanScorer Score(NerModel model, IReadOnlyList<LabeledSentence> sentences)
    {
        int[][] predicted = Predict(model, sentences);
        var scorer = new SpanScorer(NerTags.Labels);
        for (int s = 0; s < sentences.Count; s++)
        {
            scorer.Add(sentences[s].Tags.Select(t => NerTags.TagNames[t]).ToArray(), predicted[s].Select(t => NerTags.TagNames[t]).ToArray());
        }

        return scorer;
    }

    /// <summary>
    /// Picks the temperature for the forward-backward confidences that minimises the negative log
    /// marginal likelihood of the gold tags on <paramref name="sentences"/> (dev).
    /// </summary>
    public static float CalibrateConfidence(NerModel model, IReadOnlyList<LabeledSentence> sentences, TextWriter log)
    {
        const int T = NerTags.TagCount;
        float[] candidates = [0.02f, 0.05f, 0.1f, 0.2f, 0.35f, 0.5f, 0.75f, 1f, 1.5f, 2f, 3f];
        var emissionsPerSentence = new float[sentences.Count][];
        for (int s = 0; s < sentences.Count; s++)
        {
            Document document = Document.FromTokens([sentences[s].Tokens]);
            int n = document.TokenCount;
            var features = new ulong[n * NerFeatureExtractor.MaxFeaturesPerToken];
            var counts = new int[n];
            model.Extractor.Extract(document.Text, document.TokenStarts.AsSpan(0, n), document.TokenLengths.AsSpan(0, n), document.TokenKinds.AsSpan(0, n), features, counts);
            var scores = new float[n * T];
            for (int i = 0; i < n; i++)
            {
                model.AddScores(features.AsSpan(i * NerFeatureExtractor.MaxFeaturesPerToken, counts[i]), scores.AsSpan(i * T, T));
            }

            emissionsPerSentence[s] = scores;
        }

        float best = 1f;
        double bestLoss = double.MaxValue;
        foreach (float scale in candidates)
        {
            double loss = 0;
            for (int s = 0; s < sentences.Count; s++)
            {
                int[] gold = sentences[s].Tags;
                if (!NerDecoder.IsValid(gold))
                {
                    continue;
                }

                var marginals = new double[gold.Length];
                NerDecoder.Marginals(emissionsPerSentence[s], model.Transitions, model.Start, model.End, scale, gold, marginals, new double[3 * gold.Length * T]);
                foreach (double m in marginals)
                {
                    loss -= Math.Log(Math.Max(m, 1e-9));
                }
            }

            log.WriteLine($"confidence scale {scale}: dev token NLL {loss:F1}");
            if (loss < bestLoss)
            {
                bestLoss = loss;
                best = scale;
            }
        }

        return best;
    }
}
