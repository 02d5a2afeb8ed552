using BenchmarkDotNet.Attributes;

namespace Extraction.Benchmarks;

/// <summary>The full pipeline (<see cref="Extractor.Extract(string)"/>) on one thread, and model loading.</summary>
[MemoryDiagnoser]
[Config(typeof(BenchmarkConfig))]
public class PipelineBenchmarks
{
    private readonly Extractor _extractor = Extractor.CreateGerman();
    private string _text = string.Empty;

    [Params("short", "article", "long")]
    public string Size { get; set; } = "article";

    [GlobalSetup]
    public void Setup() => _text = BenchmarkTexts.Get(Size);

    [Benchmark(Description = "Extract (full pipeline)")]
    public ExtractionResult Extract() => _extractor.Extract(_text);
}
