namespace Extraction.Tests.Reliability;

public class ConcurrencyTests
{
    [Fact]
    public void Extract_SharedByEightThreads_GivesTheSequentialResults()
    {
        Extractor extractor = Extractor.CreateGerman();
        string[] documents = GeneratedText.GermanLikeDocuments(1000, seed: 42);
        string[] sequential = documents.Select(d => extractor.Extract(d).ToJson(new JsonOutputOptions { IncludeTokens = true })).ToArray();

        var concurrent = new string[documents.Length];
        var threads = new Thread[8];
        for (int t = 0; t < threads.Length; t++)
        {
            int offset = t;
            threads[t] = new Thread(() =>
            {
                // Each thread walks all documents, starting at a different place, so the threads overlap.
                for (int k = 0; k < documents.Length; k++)
                {
                    int i = (k + (offset * 125)) % documents.Length;
                    string json = extractor.Extract(documents[i]).ToJson(new JsonOutputOptions { IncludeTokens = true });
                    if (json != sequential[i])
                    {
                        concurrent[i] = "MISMATCH";
                    }
                    else
                    {
                        Interlocked.CompareExchange(ref concurrent[i], json, null);
                    }
                }
            });
        }

        foreach (Thread thread in threads)
        {
            thread.Start();
        }

        foreach (Thread thread in threads)
        {
            thread.Join();
        }

        concurrent.Should().Equal(sequential);
    }

    [Fact]
    public void Extract_CancelledDuringLongInput_StopsWithinBoundedTime()
    {
        Extractor extractor = Extractor.CreateGerman();
        string text = string.Concat(Enumerable.Repeat("Der Minister traf am Montag in Berlin seine Amtskollegin. ", 200_000));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        var watch = System.Diagnostics.Stopwatch.StartNew();
        Action act = () => extractor.Extract(text, cancellation.Token);

        act.Should().Throw<OperationCanceledException>();
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5), "cancellation is checked every few thousand tokens");
    }
}
