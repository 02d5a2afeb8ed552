using System.Numerics;
using Extraction.Morphology;

namespace Extraction.Training.Morphology;

/// <summary>
/// Distributional word classes from unannotated text: each word that occurs often enough is described by
/// the words to its left and right (log counts over the most frequent words, normalised), and k-means
/// groups these descriptions. Words of one cluster tend to share a part of speech, which helps with words
/// the small annotated corpus does not contain.
/// </summary>
internal static class WordClusters
{
    public static FormClassTable Compute(IEnumerable<string[]> sentences, int clusters, int minCount, int contextWords, int iterations, TextWriter log)
    {
        List<string[]> text = sentences.Select(s => s.Select(w => w.ToLowerInvariant()).ToArray()).ToList();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string[] sentence in text)
        {
            foreach (string word in sentence)
            {
                counts[word] = counts.GetValueOrDefault(word) + 1;
            }
        }

        string[] vocabulary = counts.Where(p => p.Value >= minCount).OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key).ToArray();
        var wordIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < vocabulary.Length; i++)
        {
            wordIndex[vocabulary[i]] = i;
        }

        int context = Math.Min(contextWords, vocabulary.Length);
        int dims = (2 * (context + 1) + Vector<float>.Count - 1) / Vector<float>.Count * Vector<float>.Count;
        var vectors = new float[vocabulary.Length * dims];
        foreach (string[] sentence in text)
        {
            for (int k = 0; k < sentence.Length; k++)
            {
                if (!wordIndex.TryGetValue(sentence[k], out int w))
                {
                    continue;
                }

                int left = k > 0 && wordIndex.TryGetValue(sentence[k - 1], out int l) && l < context ? l : context;
                int right = k + 1 < sentence.Length && wordIndex.TryGetValue(sentence[k + 1], out int r) && r < context ? r : context;
                vectors[(w * dims) + left]++;
                vectors[(w * dims) + context + 1 + right]++;
            }
        }

        for (int w = 0; w < vocabulary.Length; w++)
        {
            Span<float> v = vectors.AsSpan(w * dims, dims);
            float norm = 0;
            for (int d = 0; d < dims; d++)
            {
                v[d] = MathF.Log(1 + v[d]);
                norm += v[d] * v[d];
            }

            norm = MathF.Sqrt(norm);
            for (int d = 0; d < dims && norm > 0; d++)
            {
                v[d] /= norm;
            }
        }

        int k2 = Math.Min(clusters, vocabulary.Length);
        var centroids = new float[k2 * dims];
        var random = new Random(17);
        for (int c = 0; c < k2; c++)
        {
            Array.Copy(vectors, random.Next(vocabulary.Length) * dims, centroids, c * dims, dims);
        }

        var assignment = new int[vocabulary.Length];
        for (int iteration = 0; iteration < iterations; iteration++)
        {
            int changed = 0;
            for (int w = 0; w < vocabulary.Length; w++)
            {
                ReadOnlySpan<float> v = vectors.AsSpan(w * dims, dims);
                int best = 0;
                float bestScore = float.MinValue;
                for (int c = 0; c < k2; c++)
                {
                    float score = Dot(v, centroids.AsSpan(c * dims, dims));
                    if (score > bestScore)
                    {
                        bestScore = score;
                        best = c;
                    }
                }

                if (assignment[w] != best || iteration == 0)
                {
                    changed++;
                }

                assignment[w] = best;
            }

            Array.Clear(centroids);
            for (int w = 0; w < vocabulary.Length; w++)
            {
                Span<float> target = centroids.AsSpan(assignment[w] * dims, dims);
                ReadOnlySpan<float> v = vectors.AsSpan(w * dims, dims);
                for (int d = 0; d < dims; d++)
                {
                    target[d] += v[d];
                }
            }

            for (int c = 0; c < k2; c++)
            {
                Span<float> centroid = centroids.AsSpan(c * dims, dims);
                float norm = MathF.Sqrt(Dot(centroid, centroid));
                for (int d = 0; d < dims && norm > 0; d++)
                {
                    centroid[d] /= norm;
                }
            }

            log.WriteLine($"word clusters: iteration {iteration + 1}, {changed} words moved");
        }

        return new FormClassTable(
            [.. vocabulary.Select(w => Hashing.Hash(w, lower: true))],
            [.. assignment.Select(a => (byte)(a + 1))]);
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        int i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            sum += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        }

        float total = Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            total += a[i] * b[i];
        }

        return total;
    }

    /// <summary>The token sentences of a GermEval 2014 file (soft hyphens removed).</summary>
    public static IEnumerable<string[]> ReadGermEval(string path)
    {
        var sentence = new List<string>();
        foreach (string line in File.ReadLines(path).Append(string.Empty))
        {
            if (line.Length == 0)
            {
                if (sentence.Count > 0)
                {
                    yield return [.. sentence];
                    sentence.Clear();
                }

                continue;
            }

            if (line[0] == '#')
            {
                continue;
            }

            string[] cols = line.Split('\t');
            if (cols.Length >= 2)
            {
                string form = cols[1].Replace("\u00AD", string.Empty, StringComparison.Ordinal);
                if (form.Length > 0)
                {
                    sentence.Add(form);
                }
            }
        }
    }
}
