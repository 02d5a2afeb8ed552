namespace Extraction.Pipeline;

/// <summary>
/// Counts units of work on the current thread: tokens read, tokens scanned by the relation layer's argument
/// searches, pattern automaton steps and fact comparisons. The count is deterministic for a given input, so
/// tests can check that work grows linearly with input size without timing anything (timings belong in
/// benchmarks). It costs one thread-static addition per scan, not per token.
/// </summary>
internal static class WorkMeter
{
    [ThreadStatic]
    private static long t_steps;

    /// <summary>The work counted on this thread since the last <see cref="Reset"/>.</summary>
    public static long Steps => t_steps;

    public static void Reset() => t_steps = 0;

    public static void Add(long steps) => t_steps += steps;
}
