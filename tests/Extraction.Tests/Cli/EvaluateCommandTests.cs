using System.Text.Json;

namespace Extraction.Tests.Cli;

public sealed class EvaluateCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("extraction-eval-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void EvaluateAll_SamplesSection_WritesTableAndJson()
    {
        string samples = Path.GetDirectoryName(Evaluation.SampleSetTests.DataFile("dev.jsonl"))!;

        (int code, string output, _) = CliRunner.Run("evaluate", "all", "--only", "samples", "--samples", samples, "--out", _folder);

        code.Should().Be(0);
        output.Should().Contain("| relations | samples test | Meeting |");
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder, "accuracy.json")));
        JsonElement[] rows = json.RootElement.GetProperty("rows").EnumerateArray().ToArray();
        rows.Should().Contain(r => r.GetProperty("component").GetString() == "entities" && r.GetProperty("dataset").GetString() == "samples dev");
        // Every component is built now: each row has a value, except those that say why they have none.
        bool[] explained = rows.Where(r => !Has(r, "value")).Select(r => Has(r, "note") || r.GetProperty("support").GetInt32() == 0).ToArray();
        explained.Should().NotContain(false);
        rows.Count(r => r.GetProperty("label").GetString() == "Meeting" && r.GetProperty("metric").GetString() == "F1" && Has(r, "value")).Should().Be(2);
    }

    private static bool Has(JsonElement row, string name) => row.TryGetProperty(name, out JsonElement _);
}
