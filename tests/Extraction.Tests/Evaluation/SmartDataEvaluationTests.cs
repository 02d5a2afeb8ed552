using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Extraction.Pipeline;
using Extraction.Training.Evaluation;

namespace Extraction.Tests.Evaluation;

public sealed class SmartDataEvaluationTests : IDisposable
{
    // Invented text. The emoji (two UTF-16 units, one code point) comes before every mention, so offsets
    // read as code points would be off by one.
    private const string FirstText = "🚆 Bahnchef Anton Weber trat am Montag zurück.\nWeber bleibt Bahnchef bis März, sagte die Bahn.\n";
    private const string SecondText = "Stau auf der A7 bei\nKassel.\n";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "smartdata-tests-" + Guid.NewGuid().ToString("N"));

    public SmartDataEvaluationTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Read_GzippedStreamOfDocuments_ReadsTextMentionsAndRelations()
    {
        string path = WriteCorpus(Path.Combine(_folder, "test.json.gz"));

        IReadOnlyList<SmartDataDocument> documents = SmartDataEvaluation.Read(path);

        documents.Should().HaveCount(2);
        SmartDataDocument first = documents[0];
        first.Id.Should().Be("doc-1");
        first.Text.Should().Be(FirstText);
        first.Mentions.Select(m => (m.Type, m.Text)).Should().Equal(
            ("org-position", "chef"),
            ("organization-company", "Bahn"),
            ("person", "Anton Weber"),
            ("person", "Weber"),
            ("org-position", "Bahnchef"),
            ("organization-company", "Bahn"));
        first.Relations.Should().HaveCount(3);
        first.Relations[0].Name.Should().Be("OrganizationLeadership");
        first.Relations[0].Arguments.Select(a => (a.Role, a.Mention.Text)).Should().Equal(("person", "Anton Weber"), ("organization", "Bahn"), ("position", "chef"));
        first.Relations[2].Name.Should().Be("OrganizationLeadership");
        first.Relations[2].Arguments.Select(a => a.Role).Should().Equal("person", "organization", "trigger");

        SmartDataDocument second = documents[1];
        second.Text.Should().Be(SecondText);
        second.Mentions.Single().Text.Should().Be("Kassel");
        second.Relations.Should().BeEmpty();
    }

    [Fact]
    public void Read_SpanOutsideText_ThrowsInvalidData()
    {
        byte[] json = Encoding.UTF8.GetBytes("""{"id": "x", "text": {"string": "kurz"}, "conceptMentions": {"array": [{"id": "c/1", "type": "person", "span": {"start": 2, "end": 9}}]}, "relationMentions": null}""");

        Action read = () => SmartDataEvaluation.Read(new MemoryStream(json));

        read.Should().Throw<InvalidDataException>().WithMessage("*outside the text*");
    }

    [Fact]
    public void GoldFacts_FactRepeatedAtEachMention_CountsOnceWhenDistinct()
    {
        SmartDataDocument document = SmartDataEvaluation.Read(WriteCorpus(Path.Combine(_folder, "test.json.gz")))[0];

        IReadOnlyList<RoleFact> facts = SmartDataEvaluation.GoldFacts(document);
        IReadOnlyList<RoleFact> distinct = SmartDataEvaluation.Distinct(facts);

        // The third relation has no position argument and gives no fact.
        facts.Select(f => (f.Person, f.Position)).Should().Equal(("Anton Weber", "chef"), ("Weber", "Bahnchef"));
        distinct.Should().ContainSingle();
        distinct[0].Person.Should().Be("Anton Weber");
        distinct[0].Position.Should().Be("Bahnchef");
        distinct[0].Organizations.Should().Equal("Bahn");
    }

    [Fact]
    public void Distinct_DifferentPersonsSameOffice_KeepsBoth()
    {
        RoleFact[] facts = [new("Anna Keller", "Chefin", []), new("Jonas Brandt", "Chefin", []), new("anna keller", "Chefin", ["Stadtwerke"])];

        IReadOnlyList<RoleFact> distinct = SmartDataEvaluation.Distinct(facts);

        distinct.Select(f => f.Person).Should().Equal("Anna Keller", "Jonas Brandt");
        distinct[0].Organizations.Should().Equal("Stadtwerke");
    }

    [Fact]
    public void ScoreRoleMentions_GoldIsPartOfToken_CountsOverlap()
    {
        // "FIFA-Boss" predicted whole, gold only "Boss"; "Bahnchef" predicted, gold "chef".
        TextSpan[] gold = [new(5, 9), new(24, 28), new(40, 50)];
        TextSpan[] predicted = [new(0, 9), new(20, 28), new(60, 70)];

        PrecisionRecall score = SmartDataEvaluation.ScoreRoleMentions(gold, predicted);

        score.Should().Be(new PrecisionRecall(2, 1, 1));
    }

    [Fact]
    public void ScoreRoleMentions_OnePredictionOverlapsTwoGold_MatchesOnlyOne()
    {
        TextSpan[] gold = [new(0, 8), new(9, 18)];
        TextSpan[] predicted = [new(0, 18)];

        PrecisionRecall score = SmartDataEvaluation.ScoreRoleMentions(gold, predicted);

        score.Should().Be(new PrecisionRecall(1, 0, 1));
    }

    [Fact]
    public void ScoreRoleMentions_GreedyChoiceWouldBlock_FindsMaximumMatching()
    {
        // Gold 0 overlaps both predictions, gold 1 only the first: both gold can be matched.
        TextSpan[] gold = [new(0, 10), new(0, 3)];
        TextSpan[] predicted = [new(0, 3), new(5, 8)];

        PrecisionRecall score = SmartDataEvaluation.ScoreRoleMentions(gold, predicted);

        score.Should().Be(new PrecisionRecall(2, 0, 0));
    }

    [Fact]
    public void ScoreFacts_LenientNamesAndPositions_MatchAndScoreOrganization()
    {
        RoleFact[] gold =
        [
            new("Dr. Anton Weber", "chef", ["Bahn"]),
            new("Maria Lang", "Präsident", ["Bundesamtes"]),
            new("Jonas Brandt", "Vorsitzenden", []),
            new("Eva Roth", "Geschäftsführerin", ["Stadtwerke"]),
        ];
        RoleFact[] predicted =
        [
            new("Anton Weber", "Bahnchef", ["Deutsche Bahn"]),
            new("Maria Lang", "Vizepräsident", ["Bundesamt"]),
            new("Jonas Brandt", "Vorsitzender", ["Verein"]),
            new("Eva Roth", "Kanzlerin", ["Stadtwerke"]),
            new("Paul Ott", "Chef", []),
        ];

        FactScores score = SmartDataEvaluation.ScoreFacts(gold, predicted);

        score.Facts.Should().Be(new PrecisionRecall(3, 2, 1));
        score.OrganizationTotal.Should().Be(2);
        score.OrganizationCorrect.Should().Be(2);
    }

    [Fact]
    public void ScoreFacts_WrongOrganization_CountsAsIncorrectButFactMatches()
    {
        FactScores score = SmartDataEvaluation.ScoreFacts([new RoleFact("Anna Keller", "Chefin", ["Stadtwerke"])], [new RoleFact("Keller", "Chefin", ["Landesbank"])]);

        score.Facts.Should().Be(new PrecisionRecall(1, 0, 0));
        (score.OrganizationCorrect, score.OrganizationTotal).Should().Be((0, 1));
    }

    [Theory]
    [InlineData("Chef", "Bahnchef", true)]
    [InlineData("Präsident", "US-Präsident", true)]
    [InlineData("Boss", "FIFA-Boss", true)]
    [InlineData("Vorsitzenden", "Vorsitzender", true)]
    [InlineData("Präsidenten", "US-Präsident", true)]
    [InlineData("Geschäftsführers", "Geschäftsführer", true)]
    [InlineData("stv. Leiter", "stv.\nLeiter", true)]
    [InlineData("Präsident", "Kanzler", false)]
    [InlineData("Chef", "", false)]
    public void PositionsMatch_Pairs_ContainmentIgnoringCase(string gold, string predicted, bool expected) =>
        SmartDataEvaluation.PositionsMatch(gold, predicted).Should().Be(expected);

    [Theory]
    [InlineData("Bundeskriminalamtes", "Bundeskriminalamt", true)]
    [InlineData("Deutsche-Bank", "Deutsche Bank", true)]
    [InlineData("FIFA", "fifa", true)]
    [InlineData("Eintracht Frankfurt", "Frankfurt", true)]
    [InlineData("FIFA", "UEFA", false)]
    [InlineData("Bahn", "Bahnhof", false)]
    public void OrganizationsMatch_Pairs_LenientNames(string gold, string predicted, bool expected) =>
        SmartDataEvaluation.OrganizationsMatch(gold, predicted).Should().Be(expected);

    [Fact]
    public void PredictedFacts_Relations_ReadsHoldsRoleOnly()
    {
        Relation[] relations =
        [
            HoldsRole("Anton Weber", "Bahnchef", "Deutsche Bahn"),
            HoldsRole("Maria Lang", "Präsidentin", null),
            new Relation("Meeting", new Dictionary<string, RelationArgument> { ["participants"] = RelationArgument.List(["Anton Weber", "Maria Lang"]) }, 0, new TextSpan(0, 1), Modality.Asserted, 1, "meeting-test"),
        ];

        IReadOnlyList<RoleFact> facts = SmartDataEvaluation.PredictedFacts(relations);

        facts.Select(f => (f.Person, f.Position, string.Join(",", f.Organizations))).Should().Equal(
            ("Anton Weber", "Bahnchef", "Deutsche Bahn"),
            ("Maria Lang", "Präsidentin", string.Empty));
    }

    [Fact]
    public void Evaluate_NoExtractor_CountsGoldOnly()
    {
        IReadOnlyList<SmartDataDocument> documents = SmartDataEvaluation.Read(WriteCorpus(Path.Combine(_folder, "test.json.gz")));

        SmartDataScores scores = SmartDataEvaluation.Evaluate(null, documents);

        scores.Documents.Should().Be(2);
        scores.PositionMentions.Should().Be(2);
        scores.LeadershipRelations.Should().Be(3);
        scores.LeadershipRelationsWithoutPosition.Should().Be(1);
        scores.GoldFactsExact.Should().Be(2);
        scores.GoldFacts.Should().Be(1);
        scores.Roles.Should().Be(new PrecisionRecall(0, 0, 2));
        scores.HoldsRole.Should().Be(new PrecisionRecall(0, 0, 1));
    }

    [Fact]
    public void Rows_PipelineWithRoles_ScoresPredictions()
    {
        WriteCorpus(Path.Combine(_folder, "smartdata", "v1", "test.json.gz"));
        var extractor = new Extractor([new FakeRoles()]);

        List<AccuracyRow> rows = SmartDataEvaluation.Rows(new EvaluationPaths(_folder, _folder), extractor).ToList();

        // Predicted ROLE "Bahnchef" twice: the first overlaps gold "chef", the second gold "Bahnchef".
        Value(rows, "roles", "F1").Should().Be(1);
        Value(rows, "HoldsRole", "F1").Should().Be(1);
        rows.Single(r => r.Metric == "accuracy").Value.Should().Be(1);
        rows.Should().OnlyContain(r => r.Dataset == "SmartData v1 test");
    }

    [Fact]
    public void Rows_PipelineWithoutRoles_GivesNotAvailableWithGoldSupport()
    {
        WriteCorpus(Path.Combine(_folder, "smartdata", "v1", "test.json.gz"));
        var extractor = new Extractor([]);

        List<AccuracyRow> rows = SmartDataEvaluation.Rows(new EvaluationPaths(_folder, _folder), extractor).ToList();

        rows.Should().OnlyContain(r => r.Value == null);
        rows.Where(r => r.Component == "roles").Should().HaveCount(3).And.OnlyContain(r => r.Support == 2 && r.Note == "not built yet");
        rows.Where(r => r.Component == "HoldsRole" && r.Metric != "accuracy").Should().HaveCount(6).And.OnlyContain(r => r.Support == 1);
        AccuracyReport.Sections.Select(s => s.Name).Should().Contain("smartdata");
    }

    [Fact]
    public void Rows_DataMissing_SaysSo()
    {
        List<AccuracyRow> rows = SmartDataEvaluation.Rows(new EvaluationPaths(_folder, _folder), new Extractor([])).ToList();

        rows.Should().NotBeEmpty().And.OnlyContain(r => r.Value == null && r.Note == "data not found");
    }

    private static double? Value(List<AccuracyRow> rows, string component, string metric) =>
        rows.First(r => r.Component == component && r.Metric == metric).Value;

    private static Relation HoldsRole(string person, string role, string? organization)
    {
        var arguments = new Dictionary<string, RelationArgument> { ["person"] = RelationArgument.Single(person), ["role"] = RelationArgument.Single(role) };
        if (organization is not null)
        {
            arguments["organization"] = RelationArgument.Single(organization);
        }

        return new Relation("HoldsRole", arguments, 0, new TextSpan(0, 1), Modality.Asserted, 1, "holds-role-test");
    }

    // Writes two documents in the SmartData v1 layout: Avro JSON, pretty-printed, one after another, gzip'd.
    private static string WriteCorpus(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        int chef = FirstText.IndexOf("Bahnchef", StringComparison.Ordinal) + 4;
        int weber = FirstText.IndexOf("Anton Weber", StringComparison.Ordinal);
        int bahn = FirstText.IndexOf("Bahnchef", StringComparison.Ordinal);
        int weber2 = FirstText.IndexOf("\nWeber", StringComparison.Ordinal) + 1;
        int chef2 = FirstText.IndexOf("Bahnchef", weber2, StringComparison.Ordinal);
        int bahn2 = FirstText.LastIndexOf("Bahn.", StringComparison.Ordinal);
        var mentions = new List<(string Id, string Type, int Start, int End)>
        {
            ("c/1", "org-position", chef, chef + 4),
            ("c/2", "organization-company", bahn, bahn + 4),
            ("c/3", "person", weber, weber + 11),
            ("c/4", "person", weber2, weber2 + 5),
            ("c/5", "org-position", chef2, chef2 + 8),
            ("c/6", "organization-company", bahn2, bahn2 + 4),
        };
        (string Role, string Mention)[][] relations =
        [
            [("person", "c/3"), ("organization", "c/2"), ("position", "c/1")],
            [("person", "c/4"), ("organization", "c/6"), ("position", "c/5")],
            [("person", "c/4"), ("organization", "c/6"), ("trigger", "c/5")],
        ];

        using FileStream file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        WriteDocument(gzip, "doc-1", FirstText, mentions, relations);
        gzip.Write("\n"u8);
        int kassel = SecondText.IndexOf("Kassel", StringComparison.Ordinal);
        WriteDocument(gzip, "doc-2", SecondText, [("c/7", "location-city", kassel, kassel + 6)], null);
        return path;
    }

    private static void WriteDocument(Stream stream, string id, string text, List<(string Id, string Type, int Start, int End)> mentions, (string Role, string Mention)[][]? relations)
    {
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteString("id", id);
        writer.WriteString("raw", "<Document><TEXT>" + text + "</TEXT></Document>");
        writer.WriteStartObject("text");
        writer.WriteString("string", text);
        writer.WriteEndObject();
        writer.WriteNull("tokens");
        writer.WriteStartObject("conceptMentions");
        writer.WriteStartArray("array");
        foreach ((string Id, string Type, int Start, int End) mention in mentions)
        {
            WriteMention(writer, mention, text);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        if (relations is null)
        {
            writer.WriteNull("relationMentions");
        }
        else
        {
            writer.WriteStartObject("relationMentions");
            writer.WriteStartArray("array");
            for (int i = 0; i < relations.Length; i++)
            {
                writer.WriteStartObject();
                writer.WriteString("id", "r/" + i);
                writer.WriteStartObject("span");
                writer.WriteNumber("start", 0);
                writer.WriteNumber("end", text.Length);
                writer.WriteNull("attributes");
                writer.WriteEndObject();
                writer.WriteString("name", "OrganizationLeadership");
                writer.WriteStartObject("args");
                writer.WriteStartArray("array");
                foreach ((string role, string mentionId) in relations[i])
                {
                    writer.WriteStartObject();
                    writer.WriteString("id", "r/a/" + i + role);
                    writer.WriteString("role", role);
                    writer.WritePropertyName("conceptMention");
                    WriteMention(writer, mentions.Single(m => m.Id == mentionId), text);
                    writer.WriteNull("attributes");
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
                writer.WriteStartObject("attributes");
                writer.WriteStartObject("map");
                writer.WriteString("status", "factual");
                writer.WriteEndObject();
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteNull("title");
        writer.WriteEndObject();
    }

    private static void WriteMention(Utf8JsonWriter writer, (string Id, string Type, int Start, int End) mention, string text)
    {
        writer.WriteStartObject();
        writer.WriteString("id", mention.Id);
        writer.WriteStartObject("span");
        writer.WriteNumber("start", mention.Start);
        writer.WriteNumber("end", mention.End);
        writer.WriteNull("attributes");
        writer.WriteEndObject();
        writer.WriteString("type", mention.Type);
        writer.WriteStartObject("normalizedValue");
        writer.WriteString("string", text[mention.Start..mention.End].Replace('\n', ' '));
        writer.WriteEndObject();
        writer.WriteNull("refids");
        writer.WriteEndObject();
    }

    // Tags every "Bahnchef" as ROLE and says that Anton Weber holds it at the Deutsche Bahn.
    private sealed class FakeRoles : IPipelineComponent
    {
        public string Name => "fake-roles";

        public Annotation Requires => Annotation.None;

        public Annotation Produces => Annotation.Entities | Annotation.Roles | Annotation.Relations;

        public void Process(Document document, CancellationToken cancellationToken)
        {
            for (int at = document.Text.IndexOf("Bahnchef", StringComparison.Ordinal); at >= 0; at = document.Text.IndexOf("Bahnchef", at + 1, StringComparison.Ordinal))
            {
                document.EntityList.Add(new Entity("Bahnchef", EntityLabel.Role, at, at + 8, "Bahnchef", "e" + at, 1));
                document.RelationList.Add(HoldsRole("Anton Weber", "Bahnchef", "Deutsche Bahn"));
            }
        }
    }
}
