namespace Extraction.Tests;

public class BatchExtractionTests
{
    private static readonly Extractor SharedExtractor = Extractor.CreateGerman();

    private static string[] Texts(int count) => Enumerable.Range(0, count).Select(i => $"Meldung {i}: Die Ministerin Anna Berg reiste am Montag nach Wien.").ToArray();

    [Fact]
    public void Extract_ManyTexts_ReturnsResultsInInputOrder()
    {
        string[] texts = Texts(150);

        ExtractionResult[] results = SharedExtractor.Extract(texts).ToArray();

        results.Select(r => r.Text).Should().Equal(texts);
        results[149].ToJson().Should().Be(SharedExtractor.Extract(texts[149]).ToJson());
    }

    [Fact]
    public async Task ExtractAsync_Stream_ReturnsResultsInInputOrder()
    {
        string[] texts = Texts(70);

        var results = new List<ExtractionResult>();
        await foreach (ExtractionResult result in SharedExtractor.ExtractAsync(texts.ToAsyncEnumerable()))
        {
            results.Add(result);
        }

        results.Select(r => r.Text).Should().Equal(texts);
    }

    [Fact]
    public async Task ExtractAsync_Cancelled_Throws()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Func<Task> act = async () =>
        {
            await foreach (ExtractionResult _ in SharedExtractor.ExtractAsync(Texts(10).ToAsyncEnumerable(), cancellation.Token))
            {
            }
        };

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public void Extract_NullItem_Throws()
    {
        Action act = () => SharedExtractor.Extract(["Ein Text.", null!]).ToArray();

        act.Should().Throw<ArgumentNullException>();
    }
}
