using BenchmarkDotNet.Attributes;

namespace Extraction.Benchmarks;

/// <summary>Throughput of the full pipeline on many documents: one core against all cores.</summary>
[MemoryDiagnoser]
[Config(typeof(BenchmarkConfig))]
public class BatchBenchmarks
{
    public const int DocumentCount = 64;
    private readonly Extractor _extractor = Extractor.CreateGerman();
    private string[] _documents = [];

    [Params("article")]
    public string Size { get; set; } = "article";

    [GlobalSetup]
    public void Setup() => _documents = Enumerable.Repeat(BenchmarkTexts.Get(Size), DocumentCount).ToArray();

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
