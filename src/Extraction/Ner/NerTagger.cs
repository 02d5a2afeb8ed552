using System.Buffers;

namespace Extraction.Ner;

/// <summary>
/// Tags sentences with a <see cref="NerModel"/>: features, emission scores, Viterbi, and optionally
/// forward-backward marginals of the chosen tags. Scratch buffers are rented per call, so one
/// instance serves any number of threads. Immutable and thread-safe.
/// </summary>
internal sealed class NerTagger
{
    private const int T = NerTags.TagCount;

    public NerTagger(NerModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
    }

    public NerModel Model { get; }

    /// <summary>Tags the tokens <c>[first, first + tags.Length)</c> of a document as one sentence.</summary>
    /// <param name="document">The document.</param>
    /// <param name="first">The first token.</param>
    /// <param name="tags">Receives the tags.</param>
    /// <param name="marginals">Receives the marginal probability of each chosen tag; empty to skip.</param>
    public void TagSentence(Document document, int first, Span<int> tags, Span<double> marginals)
    {
        int n = tags.Length;
        if (n == 0)
        {
            return;
        }

        ulong[] features = ArrayPool<ulong>.Shared.Rent(n * NerFeatureExtractor.MaxFeaturesPerToken);
        int[] counts = ArrayPool<int>.Shared.Rent(n);
        float[] emissions = ArrayPool<float>.Shared.Rent(n * T * 2);
        int[] back = ArrayPool<int>.Shared.Rent(n * T);
        try
        {
            Model.Extractor.Extract(
                document.Text,
                document.TokenStarts.AsSpan(first, n),
                document.TokenLengths.AsSpan(first, n),
                document.TokenKinds.AsSpan(first, n),
                features,
                counts);
            Span<float> scores = emissions.AsSpan(0, n * T);
            scores.Clear();
            for (int i = 0; i < n; i++)
            {
                Model.AddScores(features.AsSpan(i * NerFeatureExtractor.MaxFeaturesPerToken, counts[i]), scores.Slice(i * T, T));
            }

            NerDecoder.Viterbi(scores, Model.Transitions, Model.Start, Model.End, tags, emissions.AsSpan(n * T, n * T), back);
            bool anyEntity = false;
            foreach (int tag in tags)
            {
                anyEntity |= tag != NerTags.Outside;
            }

            if (!marginals.IsEmpty && !anyEntity)
            {
                marginals[..n].Fill(1.0);
            }
            else if (!marginals.IsEmpty)
            {
                double[] scratch = ArrayPool<double>.Shared.Rent(3 * n * T);
                try
                {
                    NerDecoder.MarginalsCore(scores, Model.TransitionPotentials, Model.StartPotentials, Model.EndPotentials, Model.ConfidenceScale, tags, marginals[..n], scratch);
                }
                finally
                {
                    ArrayPool<double>.Shared.Return(scratch);
                }
            }
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(features);
            ArrayPool<int>.Shared.Return(counts);
            ArrayPool<float>.Shared.Return(emissions);
            ArrayPool<int>.Shared.Return(back);
        }
    }

    /// <summary>Tags every sentence of a document; returns one tag per token.</summary>
    public byte[] TagDocument(Document document, double[]? marginals, CancellationToken cancellationToken)
    {
        var result = new byte[document.TokenCount];
        int maxLength = 0;
        for (int s = 0; s < document.SentenceCount; s++)
        {
            maxLength = Math.Max(maxLength, document.SentenceFirstTokens[s + 1] - document.SentenceFirstTokens[s]);
        }

        int[] tags = ArrayPool<int>.Shared.Rent(Math.Max(1, maxLength));
        try
        {
            for (int s = 0; s < document.SentenceCount; s++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int first = document.SentenceFirstTokens[s];
                int n = document.SentenceFirstTokens[s + 1] - first;
                Span<int> sentenceTags = tags.AsSpan(0, n);
                TagSentence(document, first, sentenceTags, marginals is null ? default : marginals.AsSpan(first, n));
                for (int i = 0; i < n; i++)
                {
                    result[first + i] = (byte)sentenceTags[i];
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(tags);
        }

        return result;
    }
}
