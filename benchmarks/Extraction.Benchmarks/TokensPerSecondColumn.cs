using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Extraction.Benchmarks;

/// <summary>Adds "Tokens/s" (tokens of the input divided by the mean time) to the summary.</summary>
public sealed class TokensPerSecondColumn : IColumn
{
    public string Id => nameof(TokensPerSecondColumn);

    public string ColumnName => "Tokens/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Input tokens processed per second on one thread (mean)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        BenchmarkReport? report = summary[benchmarkCase];
        object? size = benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "Size")?.Value;
        if (report?.ResultStatistics is null || size is not string sizeName)
        {
            return "n/a";
        }

        double seconds = report.ResultStatistics.Mean / 1e9;
        int batch = benchmarkCase.Descriptor.WorkloadMethod.Name.Contains("Batch", StringComparison.Ordinal) ? BatchBenchmarks.DocumentCount : 1;
        return (BenchmarkTexts.CountTokens(sizeName) * batch / seconds).ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
