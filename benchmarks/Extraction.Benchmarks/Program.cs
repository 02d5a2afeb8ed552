using BenchmarkDotNet.Running;

namespace Extraction.Benchmarks;

internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length >= 2 && args[0] == "throughput")
        {
            return Throughput.Run(args);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
