using System.Diagnostics;
using System.Text;

namespace Extraction.Tests.Reliability;

/// <summary>
/// Pathological inputs must take time linear in their length: each case runs at a quarter size and at
/// full size, and the full size may take at most eight times as long (linear is four, quadratic sixteen).
/// </summary>
public class PathologicalInputTests
{
    private static readonly Extractor SharedExtractor = Extractor.CreateGerman();

    public static TheoryData<string> Cases() => ["no-spaces", "punctuation", "short-lines", "long-sentence", "nested-brackets", "dots"];

    private static string Build(string kind, int size) => kind switch
    {
        "no-spaces" => new string('a', size),
        "punctuation" => new string('!', size),
        "short-lines" => string.Concat(Enumerable.Repeat("Zeile\n", size / 6)),
        "long-sentence" => string.Concat(Enumerable.Repeat("wort und ", size / 9)),
        "nested-brackets" => new string('(', size / 4) + "„»‚Kern‘«“" + new string(')', size / 4) + string.Concat(Enumerable.Repeat("„(", size / 4)),
        "dots" => new string('.', size / 2) + string.Concat(Enumerable.Repeat("a.", size / 4)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static TimeSpan BestOfThree(string text)
    {
        TimeSpan best = TimeSpan.MaxValue;
        for (int i = 0; i < 3; i++)
        {
            var watch = Stopwatch.StartNew();
            SharedExtractor.Extract(text);
            watch.Stop();
            if (watch.Elapsed < best)
            {
                best = watch.Elapsed;
            }
        }

        return best;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Extract_PathologicalInput_TimeGrowsLinearly(string kind)
    {
        const int Full = 800_000; // characters
        string small = Build(kind, Full / 4);
        string large = Build(kind, Full);
        SharedExtractor.Extract(Build(kind, 1000)); // warm up

        TimeSpan smallTime = BestOfThree(small);
        TimeSpan largeTime = BestOfThree(large);

        // Below ten milliseconds timer and GC noise dominate; only larger times say anything about growth.
        double ratio = largeTime.TotalMilliseconds / Math.Max(smallTime.TotalMilliseconds, 10.0);
        ratio.Should().BeLessThan(10, $"{kind}: {smallTime.TotalMilliseconds:F1} ms at {small.Length} chars, {largeTime.TotalMilliseconds:F1} ms at {large.Length}");
    }

    [Fact]
    public void Extract_FiveMegabytesWithoutSpaces_Completes()
    {
        string text = new StringBuilder().Append('x', 5 * 1024 * 1024).ToString();

        ExtractionResult result = SharedExtractor.Extract(text);

        result.Document.TokenCount.Should().Be(1);
        result.Document.GetToken(0).Length.Should().Be(text.Length);
    }

    [Fact]
    public void Extract_TwoHundredThousandTokenSentence_IsOneSentence()
    {
        string text = string.Concat(Enumerable.Repeat("wort ", 200_000));

        ExtractionResult result = SharedExtractor.Extract(text);

        result.Document.TokenCount.Should().Be(200_000);
        result.Document.SentenceCount.Should().Be(1);
    }

    [Fact]
    public void Extract_HundredThousandShortLines_AreSentences()
    {
        string text = string.Concat(Enumerable.Repeat("Kurze Zeile\n", 100_000));

        ExtractionResult result = SharedExtractor.Extract(text);

        result.Document.SentenceCount.Should().Be(100_000);
    }
}
