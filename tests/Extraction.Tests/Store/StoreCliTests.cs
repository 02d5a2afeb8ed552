using System.Text;
using System.Text.Json;
using Extraction.Store;
using Extraction.Tests.Cli;

namespace Extraction.Tests.Store;

public class StoreCliTests : StoreTestBase
{
    internal static readonly Extractor Extractor = Extractor.CreateGerman();

    internal static string Line(string id, string text, string? date = null, string? source = null) =>
        JsonSerializer.Serialize(new Dictionary<string, string?> { ["id"] = id, ["text"] = text, ["date"] = date, ["source"] = source });

    private const string MeetingText = "BERLIN (dpa) – Bundeskanzlerin Angela Merkel hat am Montag in Paris den französischen Präsidenten Emmanuel Macron getroffen. Merkel und Macron sprachen über die Energiepolitik.";
    private const string SecondText = "Außenminister Heiko Maas traf am Mittwoch in Rom den italienischen Außenminister Luigi Di Maio. Maas sagte, die Gespräche seien gut gewesen.";

    private string WriteInput(string name, params string[] lines)
    {
        string path = Path.Combine(Folder, name);
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        return path;
    }

    [Fact]
    public void Index_BadLines_AreReportedOnStderrAndTheRestIsIndexed()
    {
        string input = Path.Combine(Folder, "dump.jsonl");
        var bytes = new List<byte>();
        bytes.AddRange(Encoding.UTF8.GetBytes(Line("a1", MeetingText, "2024-03-04", "dpa") + "\n"));
        bytes.AddRange(Encoding.UTF8.GetBytes("{\"id\": \"kaputt\", \"text\": \n"));
        bytes.AddRange(Encoding.UTF8.GetBytes("{\"id\": \"ohne-text\"}\n"));
        bytes.AddRange([(byte)'{', 0xC3, 0x28, (byte)'}', (byte)'\n']);
        bytes.AddRange(Encoding.UTF8.GetBytes("{\"id\": \"bin\", \"text\": \"a\0b\"}\n"));
        bytes.AddRange([(byte)'{', 0x00, (byte)'}', (byte)'\n']);
        bytes.AddRange(Encoding.UTF8.GetBytes(Line("a1", "Ein anderer Text mit derselben Kennung.") + "\n"));
        bytes.AddRange(Encoding.UTF8.GetBytes("\n" + Line("a2", SecondText, "2024-03-06T09:30:00+01:00") + "\n"));
        File.WriteAllBytes(input, bytes.ToArray());

        (int code, string output, string error) = CliRunner.Run("index", input, "--db", DbPath());

        code.Should().Be(4, error);
        output.Should().BeEmpty();
        error.Should().Contain("dump.jsonl:2: invalid JSON")
            .And.Contain("dump.jsonl:3: the object (id \"ohne-text\") has no string field \"text\"")
            .And.Contain("dump.jsonl:4: the line is not valid UTF-8")
            .And.Contain("dump.jsonl:5: the line looks binary (NUL byte at byte offset 24)")
            .And.Contain("dump.jsonl:6: the line looks binary")
            .And.Contain("dump.jsonl:7: duplicate id \"a1\" (first on line 1)")
            .And.Contain("2 added, 0 replaced, 0 unchanged")
            .And.NotContain("   at ");
        using NewsStore store = NewsStore.Open(DbPath(), NewsStoreOptions.ReadOnly);
        store.CountDocuments().Should().Be(2);
        store.QueryFacts(new FactQuery { Type = "Meeting" }).Select(f => f.Date).Should().Equal(new DateOnly(2024, 3, 4), new DateOnly(2024, 3, 6));
    }

    [Fact]
    public void Index_AgainAndWithAChangedText_SkipsUnchangedAndReplacesChanged()
    {
        string input = WriteInput("a.jsonl", Line("a1", MeetingText, "2024-03-04"), Line("a2", SecondText, "2024-03-06"));
        CliRunner.Run("index", input, "--db", DbPath()).ExitCode.Should().Be(0);

        (int again, _, string againError) = CliRunner.Run("index", input, "--db", DbPath());
        string changed = WriteInput("b.jsonl", Line("a2", "Heiko Maas traf am Freitag in Madrid den spanischen Außenminister José Albares.", "2024-03-08"));
        (int replace, _, string replaceError) = CliRunner.Run("index", changed, "--db", DbPath());

        again.Should().Be(0);
        againError.Should().Contain("0 added, 0 replaced, 2 unchanged");
        replace.Should().Be(0);
        replaceError.Should().Contain("0 added, 1 replaced, 0 unchanged");
        using NewsStore store = NewsStore.Open(DbPath(), NewsStoreOptions.ReadOnly);
        store.CountDocuments().Should().Be(2);
        store.QueryFacts(new FactQuery { Place = "Rom" }).Should().BeEmpty();
        store.QueryFacts(new FactQuery { Place = "Madrid" }).Should().ContainSingle().Which.DocumentId.Should().Be("a2");
    }

    [Fact]
    public void Index_TextFilesFolderAndStdin_UseFileNamesAndJsonIds()
    {
        string folder = Path.Combine(Folder, "articles");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "treffen.txt"), MeetingText);
        File.WriteAllText(Path.Combine(folder, "ignoriert.md"), "Keine Nachricht.");
        File.WriteAllBytes(Path.Combine(folder, "kaputt.txt"), [0x41, 0x00, 0x42]);
        byte[] stdin = Encoding.UTF8.GetBytes(Line("s1", SecondText) + "\n");

        (int code, _, string error) = CliRunner.Run(stdin, "index", folder, "-", "--db", DbPath());

        code.Should().Be(4, "one text file is binary");
        error.Should().Contain("kaputt.txt").And.Contain("binary");
        using NewsStore store = NewsStore.Open(DbPath(), NewsStoreOptions.ReadOnly);
        store.QueryFacts().Select(f => f.DocumentId).Distinct().Should().BeEquivalentTo(["treffen.txt", "s1"]);
    }

    [Fact]
    public void Query_Jsonl_CarriesProvenanceAndTheRelationContractFields()
    {
        string input = WriteInput("a.jsonl", Line("a1", MeetingText, "2024-03-04", "dpa"), Line("a2", SecondText, "2024-03-06"));
        CliRunner.Run("index", input, "--db", DbPath()).ExitCode.Should().Be(0);

        (int code, string output, string error) = CliRunner.Run("query", "--db", DbPath(), "--type", "Meeting", "--participant", "Macron", "--format", "jsonl");

        code.Should().Be(0, error);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().ContainSingle();
        using JsonDocument json = JsonDocument.Parse(lines[0]);
        JsonElement fact = json.RootElement;
        fact.EnumerateObject().Select(p => p.Name).Take(6).Should().Equal("document", "sentence", "start", "end", "type", "arguments");
        fact.GetProperty("document").GetString().Should().Be("a1");
        fact.GetProperty("date").GetString().Should().Be("2024-03-04");
        fact.GetProperty("source").GetString().Should().Be("dpa");
        fact.GetProperty("modality").GetString().Should().Be("asserted");
        fact.GetProperty("code").GetString().Should().Be("040");
        MeetingText[fact.GetProperty("start").GetInt32()..fact.GetProperty("end").GetInt32()].Should().Be("getroffen");
        fact.GetProperty("arguments").GetProperty("participants").EnumerateArray().Select(p => p.GetString()).Should().Contain("Emmanuel Macron");
        fact.GetProperty("sentenceText").GetString().Should().StartWith("BERLIN (dpa)");
        fact.GetProperty("entities").GetProperty("participants").EnumerateArray().Should().OnlyContain(e => e.GetString()!.StartsWith("per-", StringComparison.Ordinal));
    }

    [Fact]
    public void Query_TableCsvTopPairsAndTimeline_GiveReadyAnswers()
    {
        string input = WriteInput("a.jsonl", Line("a1", MeetingText, "2024-03-04"), Line("a2", SecondText, "2024-03-06"),
            Line("a3", "Angela Merkel traf am Freitag in Berlin erneut Emmanuel Macron.", "2024-04-12"));
        CliRunner.Run("index", input, "--db", DbPath()).ExitCode.Should().Be(0);

        (int pairsCode, string pairs, _) = CliRunner.Run("query", "--db", DbPath(), "--top-pairs", "--format", "csv");
        (int timelineCode, string timeline, _) = CliRunner.Run("query", "--db", DbPath(), "--timeline", "Angela Merkel", "--format", "jsonl");
        (int tableCode, string table, _) = CliRunner.Run("query", "--db", DbPath(), "--from", "2024-03-05", "--to", "2024-03-31");

        pairsCode.Should().Be(0);
        string[] rows = pairs.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        rows[0].Should().Be("first_id,first,second_id,second,meetings,documents");
        rows[1].Should().Contain("Angela Merkel").And.Contain("Emmanuel Macron").And.EndWith(",2,2");
        timelineCode.Should().Be(0);
        string[] dates = timeline.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("date").GetString()!).ToArray();
        dates.Should().NotBeEmpty().And.BeInAscendingOrder().And.Contain("2024-04-12");
        tableCode.Should().Be(0);
        table.Should().StartWith("date").And.Contain("Heiko Maas").And.NotContain("Emmanuel Macron");
    }

    [Fact]
    public void Query_CorruptOrMissingStore_FailsWithAClearErrorAndInputErrorCode()
    {
        File.WriteAllText(DbPath("text.db"), "Das ist eine Textdatei, keine Datenbank.");

        (int corrupt, string corruptOut, string corruptError) = CliRunner.Run("query", "--db", DbPath("text.db"));
        (int missing, _, string missingError) = CliRunner.Run("query", "--db", DbPath("fehlt.db"));
        (int indexing, _, string indexingError) = CliRunner.Run("index", WriteInput("a.jsonl", Line("a1", MeetingText)), "--db", DbPath("text.db"));
        (int badDate, _, _) = CliRunner.Run("query", "--db", DbPath("fehlt.db"), "--from", "März");

        corrupt.Should().Be(2);
        corruptOut.Should().BeEmpty();
        corruptError.Trim().Should().Be("error: '" + DbPath("text.db") + "' is not an SQLite database (file is not a database).");
        missing.Should().Be(2);
        missingError.Should().Contain("not found");
        File.Exists(DbPath("fehlt.db")).Should().BeFalse("query opens read-only and creates nothing");
        indexing.Should().Be(2);
        indexingError.Should().StartWith("error: ").And.NotContain("   at ");
        badDate.Should().Be(1);
    }
}
