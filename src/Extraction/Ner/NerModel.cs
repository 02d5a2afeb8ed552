namespace Extraction.Ner;

/// <summary>
/// A linear-chain NER model: sparse emission weights keyed by hashed features, a tag transition
/// matrix with start and end scores, the lexicons the features read, and metadata. Scores are
/// decoded with <see cref="NerDecoder"/>. Immutable and thread-safe.
/// </summary>
internal sealed class NerModel
{
    // Compact lookup built at load: open addressing over 64-bit slots (32-bit key fingerprint, then
    // row start << 5 | row length), rows as packed entries (tag << 16 | 16-bit quantised weight).
    // One cache line for the slot, one for the row: the emission lookup is memory-bound.
    private readonly ulong[] _slots;
    private readonly uint[] _entries;
    private readonly int _mask;
    private readonly float _entryScale;

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

        if (rowWeights.Length >= 1 << 26)
        {
            throw new ArgumentException("Too many weights for the compact table.", nameof(rowWeights));
        }

        Metadata = metadata;
        Options = options;
        Transitions = transitions;
        Start = start;
        End = end;
        FeatureKeys = featureKeys;
        RowStarts = rowStarts;
        Lexicon = lexicon;
        ConfidenceScale = confidenceScale;
        float maxAbs = 0;
        foreach (float w in rowWeights)
        {
            maxAbs = Math.Max(maxAbs, Math.Abs(w));
        }

        _entryScale = maxAbs > 0 ? maxAbs / short.MaxValue : 1f;
        _entries = new uint[rowWeights.Length];
        for (int j = 0; j < rowWeights.Length; j++)
        {
            short q = (short)Math.Clamp(MathF.Round(rowWeights[j] / _entryScale), -short.MaxValue, short.MaxValue);
            _entries[j] = ((uint)rowTags[j] << 16) | (ushort)q;
        }

        // Load factor between 0.375 and 0.75: small enough for short probe runs, dense enough to stay cache-friendly.
        int capacity = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(4, (featureKeys.Length * 4 / 3) + 1));
        _slots = new ulong[capacity];
        _mask = capacity - 1;
        for (int row = 0; row < featureKeys.Length; row++)
        {
            ulong key = featureKeys[row];
            ulong fingerprint = (key >> 32) | 1;
            int slot = (int)(key & (ulong)_mask);
            while (_slots[slot] != 0 && (_slots[slot] >> 32) != fingerprint)
            {
                slot = (slot + 1) & _mask;
            }

            int length = rowStarts[row + 1] - rowStarts[row];
            _slots[slot] = (fingerprint << 32) | (uint)((rowStarts[row] << 5) | length);
        }
        Extractor = new NerFeatureExtractor(lexicon, options);
        TransitionPotentials = new double[NerTags.TagCount * NerTags.TagCount];
        StartPotentials = new double[NerTags.TagCount];
        EndPotentials = new double[NerTags.TagCount];
        NerDecoder.ComputePotentials(transitions, start, end, confidenceScale, TransitionPotentials, StartPotentials, EndPotentials);
    }

    public IReadOnlyDictionary<string, string> Metadata { get; }

    public NerFeatureOptions Options { get; }

    /// <summary>Transition scores, <c>[previous * TagCount + current]</c>; invalid BIO pairs are handled by the decoder.</summary>
    public float[] Transitions { get; }

    public float[] Start { get; }

    public float[] End { get; }

    public ulong[] FeatureKeys { get; }

    public int[] RowStarts { get; }

    /// <summary>The tag of each weight, row by row: read back from the packed entries (only writing and tests need it).</summary>
    public byte[] RowTags
    {
        get
        {
            var tags = new byte[_entries.Length];
            for (int j = 0; j < tags.Length; j++)
            {
                tags[j] = (byte)(_entries[j] >> 16);
            }

            return tags;
        }
    }

    /// <summary>
    /// Each weight, row by row, as the packed 16-bit entries hold it. The unpacked weights are not kept after
    /// loading: the packed table is all that scoring reads, and keeping both doubled the model's memory.
    /// </summary>
    public float[] RowWeights
    {
        get
        {
            var weights = new float[_entries.Length];
            for (int j = 0; j < weights.Length; j++)
            {
                weights[j] = (short)(ushort)_entries[j] * _entryScale;
            }

            return weights;
        }
    }

    public NerLexicon Lexicon { get; }

    /// <summary>Multiplies scores before the softmax of forward-backward (a temperature; calibrated on dev).</summary>
    public float ConfidenceScale { get; }

    public NerFeatureExtractor Extractor { get; }

    /// <summary>exp(scale × transition), 0 where BIO forbids the move; for forward-backward.</summary>
    public double[] TransitionPotentials { get; }

    public double[] StartPotentials { get; }

    public double[] EndPotentials { get; }

    public int FeatureCount => FeatureKeys.Length;

    /// <summary>A copy with another confidence temperature.</summary>
    public NerModel WithConfidenceScale(float scale) => new(Metadata, Options, Transitions, Start, End, FeatureKeys, RowStarts, RowTags, RowWeights, Lexicon, scale);

    /// <summary>A copy with other metadata.</summary>
    public NerModel WithMetadata(IReadOnlyDictionary<string, string> metadata) => new(metadata, Options, Transitions, Start, End, FeatureKeys, RowStarts, RowTags, RowWeights, Lexicon, ConfidenceScale);

    /// <summary>Adds the emission scores of one token's features to <paramref name="scores"/> (TagCount entries).</summary>
    public void AddScores(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        ulong[] slots = _slots;
        uint[] entries = _entries;
        int mask = _mask;
        Span<int> sums = stackalloc int[NerTags.TagCount];
        sums.Clear();
        // Touch every first slot before probing: the loads are independent, so the CPU overlaps the
        // cache misses instead of paying them one after another.
        ulong touched = 0;
        foreach (ulong key in features)
        {
            touched |= Volatile.Read(ref slots[(int)(key & (ulong)mask)]);
        }

        _ = touched;

        foreach (ulong key in features)
        {
            ulong fingerprint = (key >> 32) | 1;
            int slot = (int)(key & (ulong)mask);
            while (true)
            {
                ulong value = slots[slot];
                if (value == 0)
                {
                    break;
                }

                if ((value >> 32) == fingerprint)
                {
                    int packed = (int)(uint)value;
                    int start = packed >> 5;
                    int end = start + (packed & 31);
                    for (int j = start; j < end; j++)
                    {
                        uint entry = entries[j];
                        sums[(int)(entry >> 16)] += (short)(ushort)entry;
                    }

                    break;
                }

                slot = (slot + 1) & mask;
            }
        }

        float scale = _entryScale;
        for (int y = 0; y < NerTags.TagCount; y++)
        {
            scores[y] += sums[y] * scale;
        }
    }
}
