using BenchmarkDotNet.Attributes;

namespace Extraction.Benchmarks;

/// <summary>Throughput of the full pipeline on the 80 sample articles: one core against all cores.</summary>
[MemoryDiagnoser]
[Config(typeof(BenchmarkConfig))]
public class BatchBenchmarks
{
    public const int DocumentCount = 1; // Tokens/s counts the "samples" input, which is all 80 articles
    private readonly Extractor _extractor = Extractor.CreateGerman();
    private string[] _documents = [];

    [Params("samples")]
    public string Size { get; set; } = "samples";

    [GlobalSetup]
    public void Setup() => _documents = BenchmarkTexts.SampleArticles();

    [Benchmark(Baseline = true, Description = "Batch, one core")]
    public int BatchSequential()
    {
        int entities = 0;
        foreach (string document in _documents)
        {
            entities += _extractor.Extract(document).Entities.Count;
        }

        return entities;
    }

    [Benchmark(Description = "Batch, all cores")]
    public int BatchParallel()
    {
        int entities = 0;
        Parallel.ForEach(_documents, document => Interlocked.Add(ref entities, _extractor.Extract(document).Entities.Count));
        return entities;
    }
}
