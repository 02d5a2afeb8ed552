namespace Extraction.Ner;

/// <summary>
/// Exact decoding for a first-order linear chain over the 25 BIO tags: Viterbi for the best tag
/// sequence and forward-backward for per-token marginals. Invalid BIO transitions (an <c>I-X</c> not
/// after <c>B-X</c> or <c>I-X</c>, or at the start) are excluded, so the output is always a valid
/// BIO sequence. Stateless and thread-safe; callers pass the scratch buffers.
/// </summary>
internal static class NerDecoder
{
    private const int T = NerTags.TagCount;

    private static readonly bool[] Allowed = CreateAllowed();

    private static readonly bool[] AllowedAtStart = CreateAllowedAtStart();

    // For each tag, the tags that may precede it: all for O and B-X, only B-X and I-X for I-X.
    private static readonly int[][] Predecessors = CreatePredecessors();

    /// <summary>The scratch size <see cref="Viterbi"/> needs for <paramref name="n"/> tokens.</summary>
    public static int ViterbiScratchSize(int n) => n * T;

    /// <summary>Finds the best valid tag sequence.</summary>
    /// <param name="emissions">n × TagCount emission scores.</param>
    /// <param name="transitions">TagCount × TagCount transition scores.</param>
    /// <param name="start">Start scores.</param>
    /// <param name="end">End scores.</param>
    /// <param name="tags">The n output tags.</param>
    /// <param name="scratch">At least <see cref="ViterbiScratchSize"/> floats for scores and n × TagCount ints for back pointers.</param>
    /// <param name="backPointers">At least n × TagCount ints.</param>
    public static void Viterbi(ReadOnlySpan<float> emissions, ReadOnlySpan<float> transitions, ReadOnlySpan<float> start, ReadOnlySpan<float> end, Span<int> tags, Span<float> scratch, Span<int> backPointers)
    {
        int n = tags.Length;
        if (n == 0)
        {
            return;
        }

        Span<float> delta = scratch[..(n * T)];
        for (int y = 0; y < T; y++)
        {
            delta[y] = AllowedAtStart[y] ? start[y] + emissions[y] : float.NegativeInfinity;
        }

        for (int i = 1; i < n; i++)
        {
            ReadOnlySpan<float> previous = delta.Slice((i - 1) * T, T);
            Span<float> current = delta.Slice(i * T, T);
            Span<int> back = backPointers.Slice(i * T, T);
            for (int y = 0; y < T; y++)
            {
                float best = float.NegativeInfinity;
                int arg = 0;
                foreach (int p in Predecessors[y])
                {
                    float s = previous[p] + transitions[(p * T) + y];
                    if (s > best)
                    {
                        best = s;
                        arg = p;
                    }
                }

                current[y] = best + emissions[(i * T) + y];
                back[y] = arg;
            }
        }

        ReadOnlySpan<float> last = delta.Slice((n - 1) * T, T);
        float bestFinal = float.NegativeInfinity;
        int bestTag = 0;
        for (int y = 0; y < T; y++)
        {
            float s = last[y] + end[y];
            if (s > bestFinal)
            {
                bestFinal = s;
                bestTag = y;
            }
        }

        tags[n - 1] = bestTag;
        for (int i = n - 1; i > 0; i--)
        {
            tags[i - 1] = backPointers[(i * T) + tags[i]];
        }
    }

    /// <summary>
    /// Computes the marginal probability of <paramref name="tags"/>[i] at each token i, treating
    /// <c>scale</c> × score as log-potentials of a linear-chain CRF restricted to valid BIO sequences.
    /// </summary>
    /// <param name="emissions">n × TagCount emission scores.</param>
    /// <param name="transitions">Transition scores.</param>
    /// <param name="start">Start scores.</param>
    /// <param name="end">End scores.</param>
    /// <param name="scale">The temperature factor.</param>
    /// <param name="tags">The tags whose marginals are wanted.</param>
    /// <param name="marginals">n output probabilities.</param>
    /// <param name="scratch">At least 3 × n × TagCount doubles.</param>
    public static void Marginals(ReadOnlySpan<float> emissions, ReadOnlySpan<float> transitions, ReadOnlySpan<float> start, ReadOnlySpan<float> end, float scale, ReadOnlySpan<int> tags, Span<double> marginals, Span<double> scratch)
    {
        int n = tags.Length;
        if (n == 0)
        {
            return;
        }

        Span<double> trans = stackalloc double[T * T];
        Span<double> startP = stackalloc double[T];
        Span<double> endP = stackalloc double[T];
        ComputePotentials(transitions, start, end, scale, trans, startP, endP);
        MarginalsCore(emissions, trans, startP, endP, scale, tags, marginals, scratch);
    }

    /// <summary>The exponentiated, BIO-masked transition, start and end potentials (computed once per model).</summary>
    public static void ComputePotentials(ReadOnlySpan<float> transitions, ReadOnlySpan<float> start, ReadOnlySpan<float> end, float scale, Span<double> trans, Span<double> startP, Span<double> endP)
    {
        for (int p = 0; p < T; p++)
        {
            for (int y = 0; y < T; y++)
            {
                trans[(p * T) + y] = Allowed[(p * T) + y] ? Math.Exp(scale * Math.Clamp(transitions[(p * T) + y], -50f, 50f)) : 0.0;
            }

            startP[p] = AllowedAtStart[p] ? Math.Exp(scale * Math.Clamp(start[p], -50f, 50f)) : 0.0;
            endP[p] = Math.Exp(scale * Math.Clamp(end[p], -50f, 50f));
        }
    }

    /// <summary>Forward-backward with precomputed potentials (see <see cref="ComputePotentials"/>).</summary>
    public static void MarginalsCore(ReadOnlySpan<float> emissions, ReadOnlySpan<double> trans, ReadOnlySpan<double> startP, ReadOnlySpan<double> endP, float scale, ReadOnlySpan<int> tags, Span<double> marginals, Span<double> scratch)
    {
        int n = tags.Length;
        if (n == 0)
        {
            return;
        }

        Span<double> potential = scratch[..(n * T)];
        Span<double> alpha = scratch.Slice(n * T, n * T);
        Span<double> beta = scratch.Slice(2 * n * T, n * T);

        // Emission potentials, shifted per token by the maximum (the shift cancels in the normalisation).
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<float> e = emissions.Slice(i * T, T);
            float max = float.NegativeInfinity;
            for (int y = 0; y < T; y++)
            {
                max = Math.Max(max, e[y]);
            }

            for (int y = 0; y < T; y++)
            {
                potential[(i * T) + y] = Math.Exp(scale * (e[y] - max));
            }
        }

        // Forward, normalised per step.
        double sum = 0;
        for (int y = 0; y < T; y++)
        {
            alpha[y] = startP[y] * potential[y];
            sum += alpha[y];
        }

        Normalise(alpha[..T], sum);
        for (int i = 1; i < n; i++)
        {
            sum = 0;
            for (int y = 0; y < T; y++)
            {
                double a = 0;
                for (int p = 0; p < T; p++)
                {
                    a += alpha[((i - 1) * T) + p] * trans[(p * T) + y];
                }

                a *= potential[(i * T) + y];
                alpha[(i * T) + y] = a;
                sum += a;
            }

            Normalise(alpha.Slice(i * T, T), sum);
        }

        // Backward, normalised per step.
        sum = 0;
        for (int y = 0; y < T; y++)
        {
            beta[((n - 1) * T) + y] = endP[y];
            sum += endP[y];
        }

        Normalise(beta.Slice((n - 1) * T, T), sum);
        for (int i = n - 2; i >= 0; i--)
        {
            sum = 0;
            for (int p = 0; p < T; p++)
            {
                double b = 0;
                for (int y = 0; y < T; y++)
                {
                    b += trans[(p * T) + y] * potential[((i + 1) * T) + y] * beta[((i + 1) * T) + y];
                }

                beta[(i * T) + p] = b;
                sum += b;
            }

            Normalise(beta.Slice(i * T, T), sum);
        }

        for (int i = 0; i < n; i++)
        {
            double z = 0;
            for (int y = 0; y < T; y++)
            {
                z += alpha[(i * T) + y] * beta[(i * T) + y];
            }

            double m = z > 0 ? alpha[(i * T) + tags[i]] * beta[(i * T) + tags[i]] / z : 0;
            marginals[i] = Math.Clamp(m, 0.0, 1.0);
        }
    }

    /// <summary>Whether a tag sequence is valid BIO.</summary>
    public static bool IsValid(ReadOnlySpan<int> tags)
    {
        int previous = -1;
        foreach (int tag in tags)
        {
            if (!NerTags.IsAllowed(previous, tag))
            {
                return false;
            }

            previous = tag;
        }

        return true;
    }

    private static void Normalise(Span<double> values, double sum)
    {
        if (sum <= 0 || double.IsNaN(sum) || double.IsInfinity(sum))
        {
            return;
        }

        double inverse = 1.0 / sum;
        for (int i = 0; i < values.Length; i++)
        {
            values[i] *= inverse;
        }
    }

    private static bool[] CreateAllowed()
    {
        var allowed = new bool[T * T];
        for (int p = 0; p < T; p++)
        {
            for (int y = 0; y < T; y++)
            {
                allowed[(p * T) + y] = NerTags.IsAllowed(p, y);
            }
        }

        return allowed;
    }

    private static int[][] CreatePredecessors()
    {
        var result = new int[T][];
        for (int y = 0; y < T; y++)
        {
            var list = new List<int>();
            for (int p = 0; p < T; p++)
            {
                if (NerTags.IsAllowed(p, y))
                {
                    list.Add(p);
                }
            }

            result[y] = [.. list];
        }

        return result;
    }

    private static bool[] CreateAllowedAtStart()
    {
        var allowed = new bool[T];
        for (int y = 0; y < T; y++)
        {
            allowed[y] = NerTags.IsAllowed(-1, y);
        }

        return allowed;
    }
}
