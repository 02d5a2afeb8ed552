using Extraction.Training.Evaluation;

namespace Extraction.Tests.Evaluation;

public sealed class NewsGoldSetTests : IDisposable
{
    // Invented article; the emoji (two UTF-16 units) comes first so code-point offsets would be off.
    private const string Text = "😀 Die Ministerin Lea Brand traf am Montag in Graz den Bürgermeister Tom Aigner. Es ging um Radwege.";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "news-gold-tests-" + Guid.NewGuid().ToString("N"));

    public NewsGoldSetTests() => Directory.CreateDirectory(Path.Combine(_folder, "news-de"));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Load_MatchingGold_ResolvesTextAndFreeTextSpans()
    {
        WriteCorpus();
        string gold = WriteGold(GoldLine(NewsGoldSet.Checksum(Text), entityText: "Lea Brand", topicCrc: NewsGoldSet.Checksum("Radwege")));
        var problems = new List<string>();

        IReadOnlyList<SampleArticle> articles = NewsGoldSet.Load(gold, NewsGoldSet.ReadCorpus(_folder), problems);

        problems.Should().BeEmpty();
        SampleArticle article = articles.Single();
        article.Text.Should().Be(Text);
        article.Domain.Should().Be("Inland");
        article.Entities.Select(e => Text[e.Start..e.End]).Should().Equal("Lea Brand", "Graz", "Tom Aigner");
        GoldRelation meeting = article.Relations.Single();
        meeting.Arguments["participants"].Should().Equal("Lea Brand", "Tom Aigner");
        meeting.Arguments["topic"].Should().Equal("Radwege");
        meeting.TriggerStart.Should().Be(Text.IndexOf("traf", StringComparison.Ordinal));
        SampleSetValidator.Validate(articles).Should().BeEmpty();
    }

    [Fact]
    public void Load_SurfaceFormDiffersFromOffsets_ReportsTheMismatch()
    {
        WriteCorpus();
        string gold = WriteGold(GoldLine(NewsGoldSet.Checksum(Text), entityText: "Lea Braun", topicCrc: NewsGoldSet.Checksum("Radwege")));
        var problems = new List<string>();

        IReadOnlyList<SampleArticle> articles = NewsGoldSet.Load(gold, NewsGoldSet.ReadCorpus(_folder), problems);

        articles.Should().BeEmpty();
        problems.Should().ContainSingle().Which.Should().Contain("entity 'Lea Braun' does not match the text");
        Action strict = () => NewsGoldSet.LoadOrThrow(gold, NewsGoldSet.ReadCorpus(_folder));
        strict.Should().Throw<InvalidDataException>().WithMessage("*Lea Braun*");
    }

    [Fact]
    public void Load_ChangedCorpusTextOrWrongSpanChecksum_ReportsEach()
    {
        WriteCorpus();
        string gold = WriteGold(
            GoldLine("00000000", entityText: "Lea Brand", topicCrc: NewsGoldSet.Checksum("Radwege")),
            GoldLine(NewsGoldSet.Checksum(Text), entityText: "Lea Brand", topicCrc: "12345678"),
            GoldLine(NewsGoldSet.Checksum(Text), entityText: "Lea Brand", topicCrc: NewsGoldSet.Checksum("Radwege")).Replace("gnad-7", "gnad-8", StringComparison.Ordinal));
        var problems = new List<string>();

        NewsGoldSet.Load(gold, NewsGoldSet.ReadCorpus(_folder), problems);

        problems.Should().HaveCount(3);
        problems[0].Should().Contain(":1:").And.Contain("CRC-32");
        problems[1].Should().Contain(":2:").And.Contain("Meeting.topic");
        problems[2].Should().Contain(":3:").And.Contain("no article with this id");
    }

    [Fact]
    public void ReadCorpus_MissingFile_SaysWhereTheDataBelongs()
    {
        Action read = () => NewsGoldSet.ReadCorpus(Path.Combine(_folder, "nowhere"));

        read.Should().Throw<FileNotFoundException>().WithMessage("*real-news corpus is missing*");
    }

    [Fact]
    public void Compare_IdenticalPasses_AgreeFully_AndOneMissingParticipantCostsPairs()
    {
        WriteCorpus();
        IReadOnlyDictionary<string, (string Category, string Text)> corpus = NewsGoldSet.ReadCorpus(_folder);
        string line = GoldLine(NewsGoldSet.Checksum(Text), entityText: "Lea Brand", topicCrc: NewsGoldSet.Checksum("Radwege"));
        IReadOnlyList<SampleArticle> first = NewsGoldSet.LoadOrThrow(WriteGold(line), corpus);
        IReadOnlyList<SampleArticle> second = NewsGoldSet.LoadOrThrow(WriteGold(line.Replace("\"Lea Brand\", \"Tom Aigner\"", "\"Lea Brand\"", StringComparison.Ordinal)), corpus);

        SampleScores same = SampleEvaluation.Compare(first, first);
        SampleScores differing = SampleEvaluation.Compare(first, second);

        same.Entities.F1.Should().Be(1);
        same.MeetingPairs.Should().Be(new PrecisionRecall(1, 0, 0));
        differing.MeetingPairs.Should().Be(new PrecisionRecall(0, 1, 1));
        differing.RelationsByType["Meeting"].Should().Be(new PrecisionRecall(0, 1, 1));
    }

    private void WriteCorpus() =>
        File.WriteAllText(Path.Combine(_folder, "news-de", "derstandard-10kgnad.jsonl"),
            "{\"id\": \"gnad-7\", \"category\": \"Inland\", \"text\": \"" + Text + "\"}\n");

    private string WriteGold(params string[] lines)
    {
        string path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".jsonl");
        File.WriteAllLines(path, lines);
        return path;
    }

    private static string GoldLine(string textCrc, string entityText, string topicCrc)
    {
        int person = Text.IndexOf("Lea Brand", StringComparison.Ordinal);
        int place = Text.IndexOf("Graz", StringComparison.Ordinal);
        int mayor = Text.IndexOf("Tom Aigner", StringComparison.Ordinal);
        int trigger = Text.IndexOf("traf", StringComparison.Ordinal);
        int topic = Text.IndexOf("Radwege", StringComparison.Ordinal);
        string line = """{"id": "gnad-7", "category": "Inland", "textCrc": "@0@", "entities": [{"start": @1@, "end": @2@, "label": "PER", "text": "@3@", "canonical": "Lea Brand"}, {"start": @4@, "end": @5@, "label": "LOC", "text": "Graz", "canonical": "Graz"}, {"start": @6@, "end": @7@, "label": "PER", "text": "Tom Aigner", "canonical": "Tom Aigner"}], "relations": [{"type": "Meeting", "arguments": {"participants": ["Lea Brand", "Tom Aigner"], "place": "Graz", "topic": {"start": @8@, "end": @9@, "crc": "@10@"}}, "trigger": {"start": @11@, "end": @12@, "text": "traf"}, "modality": "asserted"}]}""";
        object[] values = [textCrc, person, person + 9, entityText, place, place + 4, mayor, mayor + 10, topic, topic + 7, topicCrc, trigger, trigger + 4];
        for (int i = 0; i < values.Length; i++)
        {
            line = line.Replace("@" + i + "@", Convert.ToString(values[i], System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        return line;
    }
}
