using BenchmarkDotNet.Attributes;
using Extraction.Tokenization;

namespace Extraction.Benchmarks;

/// <summary>Tokenization with sentence splitting: the reader alone and the document it builds.</summary>
[MemoryDiagnoser]
[Config(typeof(BenchmarkConfig))]
public class TokenizerBenchmarks
{
    private string _text = string.Empty;

    [Params("short", "article", "long")]
    public string Size { get; set; } = "article";

    [GlobalSetup]
    public void Setup() => _text = BenchmarkTexts.Get(Size);

    [Benchmark(Baseline = true, Description = "GermanTokenReader (no document)")]
    public int Reader()
    {
        var reader = new GermanTokenReader(_text);
        int sentences = 0;
        while (reader.Read())
        {
            sentences += (int)(reader.Flags & TokenFlags.SentenceStart);
        }

        return sentences;
    }

    [Benchmark(Description = "Tokenize to Document")]
    public Document Document() => GermanTokenizer.Tokenize(_text, CancellationToken.None);
}
