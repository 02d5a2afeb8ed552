using Extraction.Morphology;

namespace Extraction.Training.Morphology;

/// <summary>A trainable averaged perceptron over hashed features (Collins 2002, with lazy averaging).</summary>
internal sealed class AveragedPerceptron
{
    private readonly string[] _labels;
    private readonly Dictionary<ulong, int> _index = [];
    private readonly List<float[]> _weights = [];
    private readonly List<float[]> _totals = [];
    private readonly List<int[]> _stamps = [];
    private int _instances;

    public AveragedPerceptron(string[] labels) => _labels = labels;

    public int Predict(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        scores = scores[.._labels.Length];
        scores.Clear();
        foreach (ulong f in features)
        {
            if (_index.TryGetValue(f, out int row))
            {
                float[] w = _weights[row];
                for (int l = 0; l < w.Length; l++)
                {
                    scores[l] += w[l];
                }
            }
        }

        int best = 0;
        for (int l = 1; l < scores.Length; l++)
        {
            if (scores[l] > scores[best])
            {
                best = l;
            }
        }

        return best;
    }

    public void Update(ReadOnlySpan<ulong> features, int truth, int guess)
    {
        _instances++;
        if (truth == guess)
        {
            return;
        }

        foreach (ulong f in features)
        {
            if (!_index.TryGetValue(f, out int row))
            {
                row = _weights.Count;
                _index[f] = row;
                _weights.Add(new float[_labels.Length]);
                _totals.Add(new float[_labels.Length]);
                _stamps.Add(new int[_labels.Length]);
            }

            Touch(row, truth, 1);
            Touch(row, guess, -1);
        }
    }

    private void Touch(int row, int label, float delta)
    {
        float[] w = _weights[row];
        _totals[row][label] += (_instances - _stamps[row][label]) * w[label];
        _stamps[row][label] = _instances;
        w[label] += delta;
    }

    /// <summary>The averaged weights as an inference model, without all-zero rows.</summary>
    public PerceptronModel ToModel(float minWeight = 1e-3f)
    {
        var features = new List<ulong>();
        var weights = new List<float>();
        int n = _labels.Length;
        var row = new float[n];
        foreach ((ulong feature, int r) in _index)
        {
            bool any = false;
            for (int l = 0; l < n; l++)
            {
                float total = _totals[r][l] + ((_instances - _stamps[r][l]) * _weights[r][l]);
                row[l] = _instances == 0 ? 0 : total / _instances;
                if (Math.Abs(row[l]) < minWeight)
                {
                    row[l] = 0;
                }

                any |= row[l] != 0;
            }

            if (any)
            {
                features.Add(feature);
                weights.AddRange(row);
            }
        }

        return new PerceptronModel(_labels, features, [.. weights]);
    }
}
