using System.Text.Json;

namespace Extraction.Tests.Cli;

public sealed class EvaluateCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("extraction-eval-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void EvaluateAll_SamplesSection_WritesTableAndJsonWithNotBuiltMarkedNa()
    {
        string samples = Path.GetDirectoryName(Evaluation.SampleSetTests.DataFile("dev.jsonl"))!;

        (int code, string output, _) = CliRunner.Run("evaluate", "all", "--only", "samples", "--samples", samples, "--out", _folder);

        code.Should().Be(0);
        output.Should().Contain("| relations | samples test | Meeting |");
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder, "accuracy.json")));
        JsonElement[] rows = json.RootElement.GetProperty("rows").EnumerateArray().ToArray();
        rows.Should().Contain(r => r.GetProperty("component").GetString() == "entities" && r.GetProperty("dataset").GetString() == "samples dev");
        JsonElement[] notBuilt = rows.Where(r => r.TryGetProperty("note", out JsonElement note) && note.GetString() == "not built yet").ToArray();
        notBuilt.Should().NotBeEmpty();
        notBuilt.Select(r => r.TryGetProperty("value", out JsonElement _)).Should().OnlyContain(hasValue => !hasValue);
    }
}
