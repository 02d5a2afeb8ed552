using System.Runtime.InteropServices;
using Extraction.Morphology;

namespace Extraction.Syntax;

/// <summary>
/// A perceptron's weights in a layout for speed: an open-addressing table whose slots hold the feature key
/// and then its scores as 16-bit fixed-point numbers, side by side in one array. A lookup touches one slot
/// (16 bytes for the three transitions, 80 for the relation labels) where the general
/// <see cref="PerceptronModel"/> reads its index and then a row of floats padded to whole vectors elsewhere.
/// Built from the model when it is loaded; the file keeps the general format. Immutable and thread-safe.
/// </summary>
internal sealed class ScoreTable
{
    private const int KeyWords = 4; // a ulong key is four shorts

    private readonly short[] _data;
    private readonly int _slotWords;
    private readonly int _mask;

    public ScoreTable(PerceptronModel model)
    {
        Labels = model.Stride;
        ulong[] features = model.Features;
        float[] weights = model.Weights;
        float max = 1e-6f;
        foreach (float w in weights)
        {
            max = Math.Max(max, Math.Abs(w));
        }

        Scale = short.MaxValue / max;
        _slotWords = (KeyWords + Labels + 3) / 4 * 4;
        int capacity = 16;
        while (capacity < (features.Length * 4 / 3) + 1)
        {
            capacity <<= 1;
        }

        _mask = capacity - 1;
        _data = new short[capacity * _slotWords];
        Span<ulong> keys = MemoryMarshal.Cast<short, ulong>(_data.AsSpan());
        for (int f = 0; f < features.Length; f++)
        {
            ulong key = features[f];
            if (key == 0)
            {
                continue; // 0 marks an empty slot; a feature hashing to 0 is dropped
            }

            int slot = (int)(key & (ulong)_mask);
            while (keys[slot * _slotWords / KeyWords] != 0)
            {
                slot = (slot + 1) & _mask;
            }

            keys[slot * _slotWords / KeyWords] = key;
            for (int l = 0; l < Labels; l++)
            {
                _data[(slot * _slotWords) + KeyWords + l] = (short)Math.Clamp(MathF.Round(weights[(f * Labels) + l] * Scale), -short.MaxValue, short.MaxValue);
            }
        }
    }

    /// <summary>The number of scores per feature.</summary>
    public int Labels { get; }

    /// <summary>The factor from weights to the stored fixed-point numbers.</summary>
    public float Scale { get; }

    /// <summary>Adds up the features' scores into <paramref name="scores"/> (fixed point) and returns the best label.</summary>
    public int Score(ReadOnlySpan<ulong> features, Span<int> scores)
    {
        int labels = Labels;
        scores = scores[..labels];
        scores.Clear();
        short[] data = _data;
        ReadOnlySpan<ulong> keys = MemoryMarshal.Cast<short, ulong>(data.AsSpan());
        int slotWords = _slotWords;
        int keyStride = slotWords / KeyWords;
        int mask = _mask;
        foreach (ulong key in features)
        {
            int slot = (int)(key & (ulong)mask);
            while (true)
            {
                ulong found = keys[slot * keyStride];
                if (found == key)
                {
                    ReadOnlySpan<short> row = data.AsSpan((slot * slotWords) + KeyWords, labels);
                    for (int l = 0; l < row.Length; l++)
                    {
                        scores[l] += row[l];
                    }

                    break;
                }

                if (found == 0)
                {
                    break;
                }

                slot = (slot + 1) & mask;
            }
        }

        int best = 0;
        for (int l = 1; l < labels; l++)
        {
            if (scores[l] > scores[best])
            {
                best = l;
            }
        }

        return best;
    }
}
