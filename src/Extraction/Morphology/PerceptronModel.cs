using System.Numerics;
using System.Runtime.InteropServices;

namespace Extraction.Morphology;

/// <summary>
/// The weights of an averaged perceptron: for each hashed feature a row of scores, one per label.
/// Rows are stored densely so that scoring is a handful of vector additions. Immutable and thread-safe.
/// </summary>
internal sealed class PerceptronModel
{
    private readonly HashIndex _index;
    private readonly float[] _padded;
    private readonly int _paddedStride;

    public PerceptronModel(string[] labels, IReadOnlyList<ulong> features, float[] weights)
    {
        Labels = labels;
        Stride = labels.Length;
        Features = features as ulong[] ?? [.. features];
        if (weights.Length != features.Count * Stride)
        {
            throw new ArgumentException("The weights do not match the features and labels.", nameof(weights));
        }

        _index = new HashIndex(Features);

        // In memory each row is padded to whole vectors, so scoring is vector additions only. Only the padded
        // copy is kept: the unpadded weights are not needed after loading.
        int vector = Vector<float>.Count;
        _paddedStride = (Stride + vector - 1) / vector * vector;
        _padded = new float[Features.Length * _paddedStride];
        for (int f = 0; f < Features.Length; f++)
        {
            Array.Copy(weights, f * Stride, _padded, f * _paddedStride, Stride);
        }
    }

    public string[] Labels { get; }

    public int Stride { get; }

    internal ulong[] Features { get; }

    /// <summary>The weights row by row without padding (a copy; for tests and writing).</summary>
    internal float[] Weights
    {
        get
        {
            var weights = new float[Features.Length * Stride];
            for (int f = 0; f < Features.Length; f++)
            {
                Array.Copy(_padded, f * _paddedStride, weights, f * Stride, Stride);
            }

            return weights;
        }
    }

    /// <summary>The length a score buffer needs.</summary>
    public int ScoreLength => _paddedStride;

    /// <summary>Adds the rows of the features to <paramref name="scores"/> and returns the best label.</summary>
    public int Predict(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        scores = scores[.._paddedStride];
        scores.Clear();
        Span<Vector<float>> target = MemoryMarshal.Cast<float, Vector<float>>(scores);
        ReadOnlySpan<Vector<float>> all = MemoryMarshal.Cast<float, Vector<float>>(_padded);
        int vectors = target.Length;
        foreach (ulong feature in features)
        {
            int row = _index.Find(feature);
            if (row < 0)
            {
                continue;
            }

            ReadOnlySpan<Vector<float>> source = all.Slice(row * vectors, vectors);
            for (int v = 0; v < vectors; v++)
            {
                target[v] += source[v];
            }
        }

        int best = 0;
        for (int i = 1; i < Stride; i++)
        {
            if (scores[i] > scores[best])
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>Writes the model sparsely: for each feature its non-zero weights as half floats.</summary>
    public void Write(PayloadWriter w)
    {
        w.WriteVarInt(Labels.Length);
        foreach (string label in Labels)
        {
            w.WriteString(label);
        }

        float[] weights = Weights;
        w.WriteVarInt(Features.Length);
        for (int f = 0; f < Features.Length; f++)
        {
            w.WriteUInt64(Features[f]);
            int nonZero = 0;
            for (int l = 0; l < Stride; l++)
            {
                if ((Half)weights[(f * Stride) + l] != Half.Zero)
                {
                    nonZero++;
                }
            }

            w.WriteVarInt(nonZero);
            for (int l = 0; l < Stride; l++)
            {
                Half value = (Half)weights[(f * Stride) + l];
                if (value != Half.Zero)
                {
                    w.WriteByte((byte)l);
                    w.WriteHalf(value);
                }
            }
        }
    }

    public static PerceptronModel Read(PayloadReader r)
    {
        int labelCount = r.ReadCount(255);
        var labels = new string[labelCount];
        for (int i = 0; i < labelCount; i++)
        {
            labels[i] = string.Intern(r.ReadString());
        }

        int featureCount = r.ReadCount(100_000_000);
        var features = new ulong[featureCount];
        var weights = new float[featureCount * labelCount];
        for (int f = 0; f < featureCount; f++)
        {
            features[f] = r.ReadUInt64();
            int nonZero = r.ReadCount(labelCount);
            for (int k = 0; k < nonZero; k++)
            {
                int label = r.ReadByte();
                if (label >= labelCount)
                {
                    throw r.Corrupt($"label {label} is out of range");
                }

                weights[(f * labelCount) + label] = (float)r.ReadHalf();
            }
        }

        ulong[] sorted = (ulong[])features.Clone();
        Array.Sort(sorted);
        for (int i = 1; i < sorted.Length; i++)
        {
            if (sorted[i] == sorted[i - 1])
            {
                throw r.Corrupt("a feature is listed twice");
            }
        }

        return new PerceptronModel(labels, features, weights);
    }
}
