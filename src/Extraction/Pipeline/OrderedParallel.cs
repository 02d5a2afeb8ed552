namespace Extraction.Pipeline;

/// <summary>
/// Runs a function over a sequence on the thread pool and yields the results in input order, with at most
/// <c>window</c> items in flight. Unlike blocks with a barrier, a core never waits for the slowest item of a
/// block, and reading the input and consuming the results overlap with the work.
/// </summary>
internal static class OrderedParallel
{
    /// <summary>A window that keeps every core busy while a long item finishes.</summary>
    public static int DefaultWindow => Math.Max(8, Environment.ProcessorCount * 8);

    public static IEnumerable<TResult> Map<TItem, TResult>(IEnumerable<TItem> items, Func<TItem, TResult> work, int window, CancellationToken cancellationToken)
    {
        var inFlight = new Queue<Task<TResult>>(window);
        using IEnumerator<TItem> source = items.GetEnumerator();
        try
        {
            while (true)
            {
                while (inFlight.Count < window && source.MoveNext())
                {
                    TItem item = source.Current;
                    inFlight.Enqueue(Task.Run(() => work(item), cancellationToken));
                }

                if (inFlight.Count == 0)
                {
                    yield break;
                }

                // GetResult rethrows the work's own exception (not an AggregateException).
                yield return inFlight.Dequeue().GetAwaiter().GetResult();
            }
        }
        finally
        {
            // Abandoned early (an exception or the consumer stopped): let running items finish before returning,
            // so no work outlives the enumeration.
            foreach (Task<TResult> task in inFlight)
            {
                try
                {
                    task.Wait(CancellationToken.None);
                }
                catch (AggregateException)
                {
                    // Their results are no longer wanted; the first failure was already thrown.
                }
            }
        }
    }
}
