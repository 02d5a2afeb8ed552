using System.Text;
using Extraction.Pipeline;

namespace Extraction.Tests.Reliability;

/// <summary>
/// Pathological inputs must cost work linear in their length: each case runs at a quarter size and at full
/// size, and the work counted by <see cref="WorkMeter"/> (tokens read, tokens scanned by argument searches,
/// pattern automaton steps, fact comparisons) may grow at most 4.6 times for four times the input (linear is
/// four, quadratic sixteen). The count is deterministic, so the test does not depend on the machine's load;
/// wall-clock timings of the same inputs are in benchmarks/pathological/.
/// </summary>
public class PathologicalInputTests
{
    private static readonly Extractor SharedExtractor = Extractor.CreateGerman();

    public static TheoryData<string> Cases() =>
        ["no-spaces", "punctuation", "short-lines", "long-sentence", "nested-brackets", "dots", "many-entities-sentence", "repeated-names", "repeated-acronyms"];

    internal static string Build(string kind, int size) => kind switch
    {
        "no-spaces" => new string('a', size),
        "punctuation" => new string('!', size),
        "short-lines" => string.Concat(Enumerable.Repeat("Zeile\n", size / 6)),
        "long-sentence" => string.Concat(Enumerable.Repeat("wort und ", size / 9)),
        "nested-brackets" => new string('(', size / 4) + "„»‚Kern‘«“" + new string(')', size / 4) + string.Concat(Enumerable.Repeat("„(", size / 4)),
        "dots" => new string('.', size / 2) + string.Concat(Enumerable.Repeat("a.", size / 4)),
        // Unpunctuated text with an entity every other word and a trigger in every clause (transcripts, OCR).
        "many-entities-sentence" => string.Concat(Enumerable.Repeat("und Merz traf Macron in Paris ", size / 30)),
        // Thousands of sentences about the same few names: large entity clusters, one fact reported again and again.
        "repeated-names" => string.Concat(Enumerable.Repeat("Merz traf Macron in Paris. Scholz sagte, Merz habe Macron kritisiert. ", size / 70)),
        // A name with an acronym in brackets, again and again (acronym linking rewrites canonicals document-wide).
        "repeated-acronyms" => string.Concat(Enumerable.Repeat("Der Internationale Strafgerichtshof (IStGH) in Den Haag prüft den Fall. ", size / 72)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static long Work(string text)
    {
        WorkMeter.Reset();
        SharedExtractor.Extract(text);
        return WorkMeter.Steps;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Extract_PathologicalInput_WorkGrowsLinearly(string kind)
    {
        const int Full = 400_000; // characters
        string small = Build(kind, Full / 4);
        string large = Build(kind, Full);

        long smallWork = Work(small);
        long largeWork = Work(large);

        smallWork.Should().BePositive();
        ((double)largeWork / smallWork).Should().BeLessThan(4.6, $"{kind}: {smallWork} steps at {small.Length} chars, {largeWork} at {large.Length}");
    }

    [Fact]
    public void Extract_ManyEntitiesInOneLongSentence_FindsTheFactOnce()
    {
        ExtractionResult result = SharedExtractor.Extract(Build("many-entities-sentence", 60_000));

        result.Document.SentenceCount.Should().Be(1);
        result.Entities.Count(e => e.Canonical == "Macron").Should().Be(2_000);
        result.Relations.Where(r => r.Type == "Meeting").Should().ContainSingle()
            .Which.Arguments["participants"].Values.Should().BeEquivalentTo("Merz", "Macron");
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
