using System.Text;
using System.Text.Json;

namespace Extraction.Tests.Cli;

public sealed class ExtractCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("extraction-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string WriteFile(string name, byte[] content)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    [Fact]
    public void Extract_ModelsFolder_UsesItsModelsAndReportsCorruptOnes()
    {
        string text = WriteFile("b.txt", Encoding.UTF8.GetBytes("Bürgermeisterin Eva Lang traf in Graz den Landeshauptmann."));
        string models = Directory.CreateDirectory(Path.Combine(_folder, "models")).FullName;
        using (Stream embedded = typeof(Extractor).Assembly.GetManifestResourceStream("Extraction.Models.ner-de.bin")!)
        using (FileStream copy = File.Create(Path.Combine(models, "ner-de.bin")))
        {
            embedded.CopyTo(copy);
        }

        (int code, string output, _) = CliRunner.Run("extract", text, "--models", models);
        (int defaultCode, string defaultOutput, _) = CliRunner.Run("extract", text);
        File.WriteAllBytes(Path.Combine(models, "ner-de.bin"), Encoding.ASCII.GetBytes("not a model"));
        (int corruptCode, _, string corruptError) = CliRunner.Run("extract", text, "--models", models);
        (int missingCode, _, string missingError) = CliRunner.Run("extract", text, "--models", Path.Combine(_folder, "nowhere"));

        code.Should().Be(0);
        defaultCode.Should().Be(0);
        output.Should().Be(defaultOutput, "a copy of the embedded model gives the same result");
        corruptCode.Should().Be(3);
        corruptError.Should().Contain("ner-de.bin");
        missingCode.Should().Be(2);
        missingError.Should().Contain("nowhere");
    }

    [Fact]
    public void Extract_File_PrintsJsonContract()
    {
        string path = WriteFile("a.txt", Encoding.UTF8.GetBytes("Die Kanzlerin reiste nach Paris. Dort sprach sie."));

        (int code, string output, _) = CliRunner.Run("extract", path);

        code.Should().Be(0);
        using JsonDocument json = JsonDocument.Parse(output);
        JsonElement root = json.RootElement;
        root.GetProperty("text").GetString().Should().Be("Die Kanzlerin reiste nach Paris. Dort sprach sie.");
        root.GetProperty("sentences").GetArrayLength().Should().Be(2);
        root.GetProperty("sentences")[1].GetProperty("start").GetInt32().Should().Be(33);
        root.TryGetProperty("tokens", out _).Should().BeFalse();
        root.GetProperty("entities").ValueKind.Should().Be(JsonValueKind.Array);
        root.GetProperty("relations").ValueKind.Should().Be(JsonValueKind.Array);
    }

    [Fact]
    public void Extract_StdinWithTokens_WritesTokensWithOffsets()
    {
        (int code, string output, _) = CliRunner.Run(Encoding.UTF8.GetBytes("Guten Tag."), "extract", "-", "--tokens");

        code.Should().Be(0);
        using JsonDocument json = JsonDocument.Parse(output);
        JsonElement tokens = json.RootElement.GetProperty("tokens");
        tokens.GetArrayLength().Should().Be(3);
        tokens[1].GetProperty("start").GetInt32().Should().Be(6);
        tokens[1].GetProperty("end").GetInt32().Should().Be(9);
        tokens[1].GetProperty("text").GetString().Should().Be("Tag");
    }

    [Fact]
    public void Extract_EmptyInput_GivesValidEmptyResult()
    {
        (int code, string output, _) = CliRunner.Run([], "extract");

        code.Should().Be(0);
        using JsonDocument json = JsonDocument.Parse(output);
        json.RootElement.GetProperty("sentences").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public void Extract_Utf8ByteOrderMark_IsDropped()
    {
        (int code, string output, _) = CliRunner.Run([0xEF, 0xBB, 0xBF, (byte)'J', (byte)'a'], "extract");

        code.Should().Be(0);
        JsonDocument.Parse(output).RootElement.GetProperty("text").GetString().Should().Be("Ja");
    }

    [Fact]
    public void Extract_MissingFile_ExitsWithInputError()
    {
        (int code, string output, string error) = CliRunner.Run("extract", Path.Combine(_folder, "missing.txt"));

        code.Should().Be(2);
        output.Should().BeEmpty();
        error.Should().Contain("file not found").And.Contain("missing.txt");
    }

    [Fact]
    public void Extract_Directory_ExitsWithInputError()
    {
        (int code, _, string error) = CliRunner.Run("extract", _folder);

        code.Should().Be(2);
        error.Should().Contain("is a directory");
    }

    [Fact]
    public void Extract_InvalidUtf8_NamesTheByteOffset()
    {
        string path = WriteFile("bad.txt", [(byte)'a', (byte)'b', 0xC3, 0x28, (byte)'c']);

        (int code, _, string error) = CliRunner.Run("extract", path);

        code.Should().Be(2);
        error.Should().Contain("not valid UTF-8").And.Contain("byte offset 2");
    }

    [Fact]
    public void Extract_BinaryInput_IsRejected()
    {
        string path = WriteFile("bin.dat", [0x7F, (byte)'E', (byte)'L', (byte)'F', 0, 0, 1]);

        (int code, _, string error) = CliRunner.Run("extract", path);

        code.Should().Be(2);
        error.Should().Contain("binary").And.Contain("byte offset 4");
    }

    [Fact]
    public void Extract_UnreadableFile_ExitsWithInputErrorUnlessRoot()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        string locked = WriteFile("locked.txt", "Text."u8.ToArray());
        File.SetUnixFileMode(locked, UnixFileMode.None);
        bool canStillRead;
        try
        {
            using FileStream probe = File.OpenRead(locked);
            canStillRead = true; // root ignores file modes
        }
        catch (UnauthorizedAccessException)
        {
            canStillRead = false;
        }

        (int code, _, string error) = CliRunner.Run("extract", locked);

        if (canStillRead)
        {
            code.Should().Be(0);
        }
        else
        {
            code.Should().Be(2);
            error.Should().Contain("permission denied");
        }
    }

    [Fact]
    public void ExtractBatch_MixedLines_ReportsEachBadLineAndKeepsOrder()
    {
        byte[] input = Encoding.UTF8.GetBytes(
            "{\"id\": \"a\", \"text\": \"Erster Text.\"}\n" +
            "kein json\n" +
            "{\"id\": 7}\n" +
            "\n" +
            "{\"text\": \"Ohne Kennung.\"}\r\n" +
            "[1, 2]\n");
        byte[] withBadUtf8 = [.. input, .. "{\"id\": \"u\", \"text\": \"a"u8.ToArray(), 0xFF, .. "\"}"u8.ToArray()];

        (int code, string output, _) = CliRunner.Run(withBadUtf8, "extract", "--batch", "-");

        code.Should().Be(4);
        string[] lines = output.TrimEnd('\n').Split('\n');
        lines.Should().HaveCount(6);
        JsonElement[] results = lines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        results[0].GetProperty("id").GetString().Should().Be("a");
        results[0].GetProperty("sentences").GetArrayLength().Should().Be(1);
        results[1].GetProperty("line").GetInt32().Should().Be(2);
        results[1].GetProperty("error").GetString().Should().Contain("invalid JSON");
        results[2].GetProperty("id").GetString().Should().Be("7");
        results[2].GetProperty("error").GetString().Should().Contain("text");
        results[3].GetProperty("id").GetString().Should().Be("5");
        results[3].GetProperty("text").GetString().Should().Be("Ohne Kennung.");
        results[4].GetProperty("line").GetInt32().Should().Be(6);
        results[5].GetProperty("line").GetInt32().Should().Be(7);
        results[5].GetProperty("error").GetString().Should().Contain("not valid UTF-8");
    }

    [Fact]
    public void ExtractBatch_ManyLines_PreservesInputOrder()
    {
        var builder = new StringBuilder();
        for (int i = 0; i < 300; i++)
        {
            builder.Append("{\"id\": \"d").Append(i).Append("\", \"text\": \"Satz Nummer ").Append(i).Append(".\"}\n");
        }

        (int code, string output, _) = CliRunner.Run(Encoding.UTF8.GetBytes(builder.ToString()), "extract", "--batch", "--tokens");

        code.Should().Be(0);
        string[] lines = output.TrimEnd('\n').Split('\n');
        lines.Should().HaveCount(300);
        for (int i = 0; i < 300; i++)
        {
            JsonElement root = JsonDocument.Parse(lines[i]).RootElement;
            root.GetProperty("id").GetString().Should().Be("d" + i);
            root.GetProperty("tokens").GetArrayLength().Should().Be(4);
        }
    }

    [Fact]
    public void ExtractBatch_MissingFile_ExitsWithInputError()
    {
        (int code, _, string error) = CliRunner.Run("extract", "--batch", Path.Combine(_folder, "none.jsonl"));

        code.Should().Be(2);
        error.Should().Contain("file not found");
    }

    [Fact]
    public void Help_EveryCommand_PrintsUsage()
    {
        foreach (string[] args in new[] { new[] { "--help" }, new[] { "extract", "--help" }, new[] { "evaluate", "--help" }, new[] { "info", "--help" } })
        {
            (int code, string output, _) = CliRunner.Run(args);
            code.Should().Be(0);
            output.Should().Contain("Usage");
        }
    }

    [Fact]
    public void Info_PrintsVersionAndLabels()
    {
        (int code, string output, _) = CliRunner.Run("info");

        code.Should().Be(0);
        output.Should().Contain("Extraction").And.Contain("PER, ROLE, LOC, ORG, MISC");
    }
}
