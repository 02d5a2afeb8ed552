using Extraction.Pipeline;

namespace Extraction.Tests.Pipeline;

public class OrderedParallelTests
{
    [Fact]
    public void Map_ItemsOfUnevenCost_KeepsInputOrder()
    {
        int[] items = Enumerable.Range(0, 200).ToArray();

        List<int> results = OrderedParallel.Map(items, i =>
        {
            Thread.SpinWait((200 - i) * 200); // early items are the slow ones
            return i * 2;
        }, window: 8, CancellationToken.None).ToList();

        results.Should().Equal(items.Select(i => i * 2));
    }

    [Fact]
    public void Map_WorkThrows_RethrowsTheOriginalException()
    {
        Action run = () => OrderedParallel.Map(Enumerable.Range(0, 50), i => i == 17 ? throw new InvalidDataException("item 17") : i, window: 4, CancellationToken.None).ToList();

        run.Should().Throw<InvalidDataException>().WithMessage("item 17");
    }

    [Fact]
    public void Map_ConsumerStopsEarly_ReadsNoMoreThanTheWindowAhead()
    {
        int read = 0;
        IEnumerable<int> Source()
        {
            for (int i = 0; i < 1_000; i++)
            {
                Interlocked.Increment(ref read);
                yield return i;
            }
        }

        List<int> first = OrderedParallel.Map(Source(), i => i, window: 8, CancellationToken.None).Take(3).ToList();

        first.Should().Equal(0, 1, 2);
        read.Should().BeLessThanOrEqualTo(3 + 8);
    }
}
