using BenchmarkDotNet.Configs;

namespace Extraction.Benchmarks;

/// <summary>Adds the tokens-per-second column to every benchmark class.</summary>
public sealed class BenchmarkConfig : ManualConfig
{
    public BenchmarkConfig() => AddColumn(new TokensPerSecondColumn());
}
