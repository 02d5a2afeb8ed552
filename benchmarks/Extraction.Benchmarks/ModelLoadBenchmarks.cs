using BenchmarkDotNet.Attributes;
using Extraction.Morphology;
using Extraction.Ner;

namespace Extraction.Benchmarks;

/// <summary>Reading the embedded models from the assembly (what the first <c>CreateGerman()</c> pays once per process).</summary>
[MemoryDiagnoser]
public class ModelLoadBenchmarks
{
    private static Stream Open(string name) => typeof(Extractor).Assembly.GetManifestResourceStream(name)!;

    [Benchmark(Description = "NER model (ner-de.bin)")]
    public object LoadNer()
    {
        using Stream stream = Open(NerComponent.ResourceName);
        return NerModelFormat.Read(stream, NerComponent.ResourceName);
    }

    [Benchmark(Description = "POS model (pos-de.bin)")]
    public object LoadPos()
    {
        using Stream stream = Open(EmbeddedMorphology.ModelResource);
        return MorphModel.Read(stream, EmbeddedMorphology.ModelResource);
    }

    [Benchmark(Description = "Lexicon (lexicon-de.bin)")]
    public object LoadLexicon()
    {
        using Stream stream = Open(EmbeddedMorphology.LexiconResource);
        return MorphLexicon.Read(stream, EmbeddedMorphology.LexiconResource);
    }

    [Benchmark(Description = "Language data (roles, countries, organizations)")]
    public object LoadLanguageData() => Roles.GermanLexicons.Load(typeof(Extractor).Assembly);
}
