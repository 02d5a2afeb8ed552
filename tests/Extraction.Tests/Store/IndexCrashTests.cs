using System.Diagnostics;
using Extraction.Store;
using Extraction.Tests.Packaging;

namespace Extraction.Tests.Store;

public class IndexCrashTests : StoreTestBase
{
    private static readonly string[] Persons = ["Karin Berger", "Paul Novak", "Stefan Huber", "Maria Lindner", "Jonas Wagner", "Eva Fischer", "Lukas Brandt", "Sophie Keller"];
    private static readonly string[] Places = ["Wien", "Berlin", "Paris", "Rom", "Madrid", "Prag", "Warschau", "Brüssel"];

    private static string Article(int i) =>
        $"Die Ministerin {Persons[i % 8]} traf am Montag in {Places[i % 7]} den Abgeordneten {Persons[(i + 3) % 8]}. " +
        $"{Persons[i % 8].Split(' ')[1]} sagte, man habe über das Budget {2000 + i} gesprochen.";

    [Fact]
    public void Index_KilledMidRunAndRerun_StoresEveryDocumentExactlyOnce()
    {
        const int count = 4000;
        string input = Path.Combine(Folder, "dump.jsonl");
        File.WriteAllLines(input, Enumerable.Range(0, count).Select(i => StoreCliTests.Line($"d{i:D5}", Article(i), $"2024-{1 + i % 12:D2}-{1 + i % 28:D2}")));
        string cli = Path.Combine(AppContext.BaseDirectory, "Extraction.Cli.dll");
        File.Exists(cli).Should().BeTrue("the CLI is built into the test output folder");

        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string argument in new[] { cli, "index", input, "--db", DbPath(), "--batch-size", "8" })
        {
            info.ArgumentList.Add(argument);
        }

        int before;
        using (Process process = Process.Start(info)!)
        {
            process.BeginErrorReadLine();
            process.BeginOutputReadLine();
            var clock = Stopwatch.StartNew();
            before = 0;
            while (!process.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                before = CountDocuments();
                if (before > 0)
                {
                    break;
                }

                Thread.Sleep(5);
            }

            process.HasExited.Should().BeFalse("the indexer is killed mid-run");
            process.Kill(); // SIGKILL: no cleanup, an open transaction is left in the WAL
            process.WaitForExit();
        }

        int afterKill = CountDocuments();
        afterKill.Should().BeInRange(1, count - 1, "some but not all documents were committed before the kill");

        (int code, string output) = ProcessRunner.Run("dotnet", [cli, "index", input, "--db", DbPath()], Folder, timeoutSeconds: 120);

        code.Should().Be(0, output);
        output.Should().Contain($"{count - afterKill} added, 0 replaced, {afterKill} unchanged");
        using NewsStore store = NewsStore.Open(DbPath(), NewsStoreOptions.ReadOnly);
        store.CountDocuments().Should().Be(count);
        IReadOnlyList<StoredFact> facts = store.QueryFacts();
        facts.GroupBy(f => (f.DocumentId, f.Start, f.Type)).Should().OnlyContain(g => g.Count() == 1, "no fact is stored twice");
        facts.Select(f => f.DocumentId).Distinct().Should().HaveCount(count, "every article's meeting and statement is stored");
        foreach (int i in new[] { 0, afterKill - 1, afterKill, afterKill + 1, count - 1 }.Where(i => i >= 0 && i < count).Distinct())
        {
            int expected = StoreCliTests.Extractor.Extract(Article(i)).Relations.Count;
            facts.Count(f => f.DocumentId == $"d{i:D5}").Should().Be(expected, $"document {i} has all its facts once");
        }
    }

    [Fact]
    public void Query_ReaderProcessesWhileIndexerProcessWrites_SeeEachDocumentWholeOrNotAtAll()
    {
        const int count = 1500;
        string input = Path.Combine(Folder, "dump.jsonl");
        File.WriteAllLines(input, Enumerable.Range(0, count).Select(i => StoreCliTests.Line($"d{i:D5}", Article(i), "2024-05-01")));
        string cli = Path.Combine(AppContext.BaseDirectory, "Extraction.Cli.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string argument in new[] { cli, "index", input, "--db", DbPath(), "--batch-size", "8" })
        {
            info.ArgumentList.Add(argument);
        }

        // Snapshots taken by separate reader processes (the CLI's query, read-only) while the indexer commits batches.
        var snapshots = new List<Dictionary<string, int>>();
        using (Process indexer = Process.Start(info)!)
        {
            indexer.BeginErrorReadLine();
            indexer.BeginOutputReadLine();
            var clock = Stopwatch.StartNew();
            while (!indexer.HasExited && clock.Elapsed < TimeSpan.FromSeconds(120))
            {
                if (CountDocuments() == 0)
                {
                    Thread.Sleep(5);
                    continue;
                }

                (int code, string output) = ProcessRunner.Run("dotnet", [cli, "query", "--db", DbPath(), "--format", "jsonl", "--limit", "1000000"], Folder, timeoutSeconds: 60);
                code.Should().Be(0, output);
                snapshots.Add(output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                    .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("document").GetString()!)
                    .GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count()));
            }

            indexer.WaitForExit(120_000).Should().BeTrue("the indexer finishes");
            indexer.ExitCode.Should().Be(0);
        }

        using NewsStore store = NewsStore.Open(DbPath(), NewsStoreOptions.ReadOnly);
        var final = store.QueryFacts(new FactQuery { Limit = 1_000_000 }).GroupBy(f => f.DocumentId).ToDictionary(g => g.Key, g => g.Count());
        final.Should().HaveCount(count);
        snapshots.Should().Contain(s => s.Count > 0 && s.Count < count, "at least one reader ran while the indexer was writing");
        foreach (Dictionary<string, int> snapshot in snapshots)
        {
            snapshot.Should().OnlyContain(pair => pair.Value == final[pair.Key], "a reader sees a document with all its facts or not at all");
        }
    }

    private int CountDocuments()
    {
        if (!File.Exists(DbPath()))
        {
            return 0;
        }

        try
        {
            using NewsStore store = NewsStore.Open(DbPath(), NewsStoreOptions.ReadOnly);
            return store.CountDocuments();
        }
        catch (NewsStoreException)
        {
            return 0; // the schema is not yet committed
        }
    }
}
