namespace Extraction.Ner;

/// <summary>
/// A linear-chain NER model: sparse emission weights keyed by hashed features, a tag transition
/// matrix with start and end scores, the lexicons the features read, and metadata. Scores are
/// decoded with <see cref="NerDecoder"/>. Immutable and thread-safe.
/// </summary>
internal sealed class NerModel
{
    private readonly HashIndex _features;

    public NerModel(
        IReadOnlyDictionary<string, string> metadata,
        NerFeatureOptions options,
        float[] transitions,
        float[] start,
        float[] end,
        ulong[] featureKeys,
        int[] rowStarts,
        byte[] rowTags,
        float[] rowWeights,
        NerLexicon lexicon,
        float confidenceScale)
    {
        if (transitions.Length != NerTags.TagCount * NerTags.TagCount || start.Length != NerTags.TagCount || end.Length != NerTags.TagCount)
        {
            throw new ArgumentException("Transition arrays do not match the tag set.", nameof(transitions));
        }

        if (rowStarts.Length != featureKeys.Length + 1 || rowTags.Length != rowWeights.Length || rowStarts[^1] != rowTags.Length)
        {
            throw new ArgumentException("Feature rows are inconsistent.", nameof(rowStarts));
        }

        Metadata = metadata;
        Options = options;
        Transitions = transitions;
        Start = start;
        End = end;
        FeatureKeys = featureKeys;
        RowStarts = rowStarts;
        RowTags = rowTags;
        RowWeights = rowWeights;
        Lexicon = lexicon;
        ConfidenceScale = confidenceScale;
        var rows = new int[featureKeys.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            rows[i] = i;
        }

        _features = new HashIndex(featureKeys, rows);
        Extractor = new NerFeatureExtractor(lexicon, options);
    }

    public IReadOnlyDictionary<string, string> Metadata { get; }

    public NerFeatureOptions Options { get; }

    /// <summary>Transition scores, <c>[previous * TagCount + current]</c>; invalid BIO pairs are handled by the decoder.</summary>
    public float[] Transitions { get; }

    public float[] Start { get; }

    public float[] End { get; }

    public ulong[] FeatureKeys { get; }

    public int[] RowStarts { get; }

    public byte[] RowTags { get; }

    public float[] RowWeights { get; }

    public NerLexicon Lexicon { get; }

    /// <summary>Multiplies scores before the softmax of forward-backward (a temperature; calibrated on dev).</summary>
    public float ConfidenceScale { get; }

    public NerFeatureExtractor Extractor { get; }

    public int FeatureCount => FeatureKeys.Length;

    /// <summary>A copy with another confidence temperature.</summary>
    public NerModel WithConfidenceScale(float scale) => new(Metadata, Options, Transitions, Start, End, FeatureKeys, RowStarts, RowTags, RowWeights, Lexicon, scale);

    /// <summary>A copy with other metadata.</summary>
    public NerModel WithMetadata(IReadOnlyDictionary<string, string> metadata) => new(metadata, Options, Transitions, Start, End, FeatureKeys, RowStarts, RowTags, RowWeights, Lexicon, ConfidenceScale);

    /// <summary>Adds the emission scores of one token's features to <paramref name="scores"/> (TagCount entries).</summary>
    public void AddScores(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        int[] rowStarts = RowStarts;
        byte[] tags = RowTags;
        float[] weights = RowWeights;
        foreach (ulong feature in features)
        {
            if (_features.TryGetValue(feature, out int row))
            {
                int end = rowStarts[row + 1];
                for (int j = rowStarts[row]; j < end; j++)
                {
                    scores[tags[j]] += weights[j];
                }
            }
        }
    }
}
