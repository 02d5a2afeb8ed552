using Extraction.Training.Evaluation;

namespace Extraction.Tests.Evaluation;

public class SampleSetTests
{
    internal static string DataFile(string name)
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, "benchmarks", "data", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(name);
    }

    [Theory]
    [InlineData("dev.jsonl")]
    [InlineData("test.jsonl")]
    public void Validate_CommittedGold_HasNoProblems(string file)
    {
        var problems = new List<string>();
        IReadOnlyList<SampleArticle> articles = SampleSet.Load(DataFile(file), problems);

        problems.AddRange(SampleSetValidator.Validate(articles));

        problems.Should().BeEmpty();
        articles.Should().HaveCount(40);
    }

    [SharedDataFact(NewsGoldSet.CorpusFile)]
    public void Validate_CommittedNewsGold_MatchesTheCorpusAndMeetsTheSetsShape()
    {
        IReadOnlyDictionary<string, (string Category, string Text)> corpus = NewsGoldSet.ReadCorpus(SharedData.Require(NewsGoldSet.CorpusFile));
        var problems = new List<string>();
        var splits = NewsGoldSet.Splits.ToDictionary(s => s, s => NewsGoldSet.Load(DataFile(s + ".jsonl"), corpus, problems));
        IReadOnlyList<SampleArticle> passA = NewsGoldSet.Load(DataFile(Path.Combine("news", "pass-a.jsonl")), corpus, problems);
        IReadOnlyList<SampleArticle> passB = NewsGoldSet.Load(DataFile(Path.Combine("news", "pass-b.jsonl")), corpus, problems);
        List<SampleArticle> all = [.. splits["news-dev"], .. splits["news-test"]];

        problems.AddRange(SampleSetValidator.Validate(all));
        problems.AddRange(SampleSetValidator.Validate(passA).Select(p => "pass A: " + p));
        problems.AddRange(SampleSetValidator.Validate(passB).Select(p => "pass B: " + p));

        problems.Should().BeEmpty();
        all.Should().HaveCountGreaterThanOrEqualTo(100);
        all.Count(a => a.Domain is "International" or "Inland").Should().BeGreaterThanOrEqualTo(60);
        all.Count(a => a.Relations.Any(r => r.Type == "Meeting")).Should().BeGreaterThanOrEqualTo(50);
        ((double)splits["news-dev"].Count / all.Count).Should().BeApproximately(0.6, 0.02);
        passA.Select(a => a.Id).Should().BeEquivalentTo(all.Select(a => a.Id), "every gold article has pass A");
        passB.Select(a => a.Id).Should().BeEquivalentTo(all.Select(a => a.Id), "every gold article has pass B");
    }

    [Fact]
    public void Validate_BrokenArticle_ReportsEachProblem()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(path,
            [
                """{"id": "x-1", "domain": "local", "text": "Anna Berg kam.", "entities": [{"start": 0, "end": 4, "label": "PER", "text": "Anna Berg", "canonical": "Anna Berg"}, {"start": 2, "end": 9, "label": "PEOPLE", "text": "na Berg", "canonical": "x"}], "relations": [{"type": "Meeting", "arguments": {"participants": ["Otto"], "venue": "Rom"}, "modality": "certain"}, {"type": "Gossip", "arguments": {}}]}""",
                "not json",
            ]);
            var problems = new List<string>();

            IReadOnlyList<SampleArticle> articles = SampleSet.Load(path, problems);
            problems.AddRange(SampleSetValidator.Validate(articles));

            problems.Should().Contain(p => p.Contains(":2:", StringComparison.Ordinal));
            problems.Should().Contain(p => p.Contains("differs from the text", StringComparison.Ordinal));
            problems.Should().Contain(p => p.Contains("overlaps", StringComparison.Ordinal));
            problems.Should().Contain(p => p.Contains("unknown label 'PEOPLE'", StringComparison.Ordinal));
            problems.Should().Contain(p => p.Contains("'Otto' names no annotated entity", StringComparison.Ordinal));
            problems.Should().Contain(p => p.Contains("no argument 'venue'", StringComparison.Ordinal));
            problems.Should().Contain(p => p.Contains("unknown modality 'certain'", StringComparison.Ordinal));
            problems.Should().Contain(p => p.Contains("unknown relation type 'Gossip'", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
