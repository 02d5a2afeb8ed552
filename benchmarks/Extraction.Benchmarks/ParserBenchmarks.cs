using BenchmarkDotNet.Attributes;
using Extraction.Morphology;
using Extraction.Syntax;
using Extraction.Tokenization;

namespace Extraction.Benchmarks;

/// <summary>
/// The dependency parser alone on one thread, over text that is already tokenized and tagged (the team's
/// sample article, or all 80 sample articles). Tokens/s is the column that matters (target: 150,000).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchmarkConfig))]
public class ParserBenchmarks
{
    private readonly ParserComponent _parser = ParserComponent.CreateDefault();
    private Document _document = null!;

    [Params("article", "samples")]
    public string Size { get; set; } = "samples";

    [GlobalSetup]
    public void Setup()
    {
        _document = GermanTokenizer.Tokenize(BenchmarkTexts.Get(Size), CancellationToken.None);
        MorphologyComponent.CreateDefault().Process(_document, CancellationToken.None);
    }

    [Benchmark(Description = "Parse (tagged tokens)")]
    public void Parse() => _parser.Process(_document, CancellationToken.None);
}
