using Extraction.Ner;

namespace Extraction.Tests.Ner;

public class NerDecoderTests
{
    private const int T = NerTags.TagCount;

    [Fact]
    public void Viterbi_RandomScores_OnlyProducesValidBio()
    {
        var random = new Random(42);
        for (int trial = 0; trial < 500; trial++)
        {
            int n = random.Next(1, 30);
            float[] emissions = Random(random, n * T, 10);
            float[] transitions = Random(random, T * T, 5);
            float[] start = Random(random, T, 5);
            float[] end = Random(random, T, 5);

            // Make invalid moves attractive: inside tags score high everywhere.
            for (int i = 0; i < n; i++)
            {
                for (int label = 0; label < NerTags.LabelCount; label++)
                {
                    emissions[(i * T) + NerTags.Inside(label)] += 8;
                }
            }

            var tags = new int[n];
            NerDecoder.Viterbi(emissions, transitions, start, end, tags, new float[n * T], new int[n * T]);

            NerDecoder.IsValid(tags).Should().BeTrue($"trial {trial} gave {string.Join(' ', tags.Select(t => NerTags.TagNames[t]))}");
        }
    }

    [Fact]
    public void Viterbi_SmallProblem_MatchesExhaustiveSearch()
    {
        var random = new Random(7);
        for (int trial = 0; trial < 30; trial++)
        {
            const int n = 3;
            float[] emissions = Random(random, n * T, 3);
            float[] transitions = Random(random, T * T, 3);
            float[] start = Random(random, T, 3);
            float[] end = Random(random, T, 3);
            var tags = new int[n];

            NerDecoder.Viterbi(emissions, transitions, start, end, tags, new float[n * T], new int[n * T]);

            float best = float.NegativeInfinity;
            for (int a = 0; a < T; a++)
            {
                for (int b = 0; b < T; b++)
                {
                    for (int c = 0; c < T; c++)
                    {
                        int[] candidate = [a, b, c];
                        if (NerDecoder.IsValid(candidate))
                        {
                            best = Math.Max(best, Score(candidate, emissions, transitions, start, end));
                        }
                    }
                }
            }

            Score(tags, emissions, transitions, start, end).Should().BeApproximately(best, 1e-3f);
        }
    }

    [Fact]
    public void Marginals_AnyTags_AreProbabilities()
    {
        var random = new Random(3);
        const int n = 12;
        float[] emissions = Random(random, n * T, 10);
        float[] transitions = Random(random, T * T, 3);
        var tags = new int[n];
        NerDecoder.Viterbi(emissions, transitions, new float[T], new float[T], tags, new float[n * T], new int[n * T]);
        var marginals = new double[n];

        NerDecoder.Marginals(emissions, transitions, new float[T], new float[T], 1f, tags, marginals, new double[3 * n * T]);

        marginals.Should().OnlyContain(m => m > 0 && m <= 1);
    }

    [Fact]
    public void IsAllowed_InsideAfterOutside_IsFalse()
    {
        NerTags.IsAllowed(NerTags.Outside, NerTags.Inside(0)).Should().BeFalse();
        NerTags.IsAllowed(-1, NerTags.Inside(3)).Should().BeFalse();
        NerTags.IsAllowed(NerTags.Begin(3), NerTags.Inside(3)).Should().BeTrue();
        NerTags.IsAllowed(NerTags.Begin(3), NerTags.Inside(4)).Should().BeFalse();
        NerTags.TagNames.Should().HaveCount(25).And.OnlyHaveUniqueItems();
    }

    private static float Score(int[] tags, float[] emissions, float[] transitions, float[] start, float[] end)
    {
        float score = start[tags[0]] + end[tags[^1]];
        for (int i = 0; i < tags.Length; i++)
        {
            score += emissions[(i * T) + tags[i]];
            if (i > 0)
            {
                score += transitions[(tags[i - 1] * T) + tags[i]];
            }
        }

        return score;
    }

    private static float[] Random(Random random, int count, float range)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = (float)((random.NextDouble() * 2) - 1) * range;
        }

        return values;
    }
}
