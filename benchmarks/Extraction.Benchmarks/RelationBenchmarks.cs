using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Extraction.Morphology;
using Extraction.Ner;
using Extraction.Pipeline;
using Extraction.Relations;

namespace Extraction.Benchmarks;

/// <summary>
/// The cost of the relation layer: <see cref="Extractor.Extract(string)"/> over the team's 80 sample
/// articles (benchmarks/data/*.jsonl) with the tagging pipeline only (POS/lemma and NER, the baseline)
/// and with the relation component added. The Ratio column is the cost figure: the relation layer must
/// stay under 1.30. One thread.
/// </summary>
[MemoryDiagnoser]
public class RelationBenchmarks
{
    private Extractor _tagging = null!;
    private Extractor _withRelations = null!;
    private string[] _texts = [];

    [GlobalSetup]
    public void Setup()
    {
        _tagging = new Extractor([MorphologyComponent.CreateDefault(), NerComponent.CreateDefault()]);
        _withRelations = new Extractor([MorphologyComponent.CreateDefault(), NerComponent.CreateDefault(), RelationComponent.Create(ExtractorOptions.Default)]);
        _texts = LoadSampleTexts();
    }

    [Benchmark(Baseline = true, Description = "Tagging (POS/lemma + NER)")]
    public int Tagging() => Run(_tagging);

    [Benchmark(Description = "Tagging + relations")]
    public int TaggingAndRelations() => Run(_withRelations);

    private int Run(Extractor extractor)
    {
        int count = 0;
        foreach (string text in _texts)
        {
            count += extractor.Extract(text).Relations.Count;
        }

        return count;
    }

    /// <summary>The texts of the sample set, found by walking up from the working folder.</summary>
    internal static string[] LoadSampleTexts()
    {
        for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            string data = Path.Combine(folder.FullName, "benchmarks", "data");
            if (File.Exists(Path.Combine(data, "dev.jsonl")))
            {
                return new[] { "dev.jsonl", "test.jsonl" }.SelectMany(f => File.ReadLines(Path.Combine(data, f)))
                    .Where(l => l.Length > 0)
                    .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!)
                    .ToArray();
            }
        }

        throw new InvalidOperationException("benchmarks/data/dev.jsonl not found above " + AppContext.BaseDirectory);
    }
}
