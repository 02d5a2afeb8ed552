namespace Extraction.Tests.Packaging;

/// <summary>The speed suite still runs: BenchmarkDotNet's dry job runs each benchmark once.</summary>
[Collection("Packaging")]
public sealed class BenchmarkSmokeTests
{
    [Fact]
    public void Benchmarks_DryJob_RunsEveryBenchmark()
    {
        string root = ProcessRunner.RepositoryRoot();
        string project = Path.Combine(root, "benchmarks", "Extraction.Benchmarks", "Extraction.Benchmarks.csproj");
        string artifacts = Directory.CreateTempSubdirectory("extraction-bdn-").FullName;
        try
        {
            (int code, string output) = ProcessRunner.Run(
                "dotnet",
                ["run", "--project", project, "-c", "Release", "--", "--filter", "*", "--job", "dry", "--artifacts", artifacts, "--inProcess"],
                root,
                timeoutSeconds: 900);

            code.Should().Be(0, output);
            output.Should().Contain("TokenizerBenchmarks").And.Contain("PipelineBenchmarks").And.Contain("ModelLoadBenchmarks");
            output.Should().NotContain("// * Benchmark errors *", output);
        }
        finally
        {
            Directory.Delete(artifacts, recursive: true);
        }
    }
}
