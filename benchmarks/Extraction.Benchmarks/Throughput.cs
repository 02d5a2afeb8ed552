using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Extraction.Benchmarks;

/// <summary>
/// In-process library throughput over a JSON Lines file (<c>{"id", "text"}</c> per line), the figure that the
/// whole-process CLI batch run is compared with (benchmarks/process/measure.sh). Usage:
/// <c>dotnet run -c Release --project benchmarks/Extraction.Benchmarks -- throughput FILE [--passes N]</c>.
/// Prints, for one core (sequential) and all cores (the library's batch API), documents, words, our tokens,
/// seconds and words/s and tokens/s of the last pass (the first passes warm the JIT up: steady state).
/// </summary>
internal static class Throughput
{
    public static int Run(string[] args)
    {
        string path = args[1];
        int passes = args.Length > 3 && args[2] == "--passes" ? int.Parse(args[3], CultureInfo.InvariantCulture) : 3;
        var texts = new List<string>();
        foreach (string line in File.ReadLines(path))
        {
            if (line.Length > 0)
            {
                using JsonDocument json = JsonDocument.Parse(line);
                texts.Add(json.RootElement.GetProperty("text").GetString()!);
            }
        }

        Extractor extractor = Extractor.CreateGerman();
        long words = texts.Sum(t => (long)t.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length);
        Console.WriteLine($"input: {texts.Count} documents, {words} words; {Environment.ProcessorCount} cores; {passes} passes, last one reported");
        Report("one core", passes, () =>
        {
            long tokens = 0;
            foreach (string text in texts)
            {
                tokens += extractor.Extract(text).Document.TokenCount;
            }

            return tokens;
        }, words);
        Report("all cores", passes, () =>
        {
            long tokens = 0;
            foreach (ExtractionResult result in extractor.Extract(texts))
            {
                tokens += result.Document.TokenCount;
            }

            return tokens;
        }, words);
        return 0;
    }

    private static void Report(string name, int passes, Func<long> pass, long words)
    {
        long tokens = 0;
        TimeSpan elapsed = default;
        for (int i = 0; i < passes; i++)
        {
            var watch = Stopwatch.StartNew();
            tokens = pass();
            elapsed = watch.Elapsed;
        }

        double seconds = elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"library, {name}: {seconds:F2} s, {words / seconds:F0} words/s, {tokens / seconds:F0} tokens/s ({tokens} tokens)"));
    }
}
