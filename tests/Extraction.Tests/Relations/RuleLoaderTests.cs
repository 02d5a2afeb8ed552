using Extraction.Relations;

namespace Extraction.Tests.Relations;

[Collection(RelationCollection.Name)]
public sealed class RuleLoaderTests(ExtractorFixture fixture) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("extraction-rules-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string content)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void LoadBuiltIn_EmbeddedRules_LoadAndCoverEveryEventType()
    {
        List<RelationRule> rules = RuleLoader.LoadBuiltIn();

        rules.Select(r => r.Type).Distinct().Should().Contain(["Meeting", "Statement", "Demand", "Rejection", "Support", "Aid", "Attack", "Sanction", "Criticism", "Travel", "Dispatch"]);
        rules.Select(r => r.Id).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void CreateGerman_MalformedJson_ThrowsWithFileLineAndReason()
    {
        string path = Write("broken.json", "{\n  \"rules\": [\n    { \"id\": \"x\", \"type\": \"Meeting\" \n    \"pattern\": [] }\n  ]\n}\n");

        Action create = () => Extractor.CreateGerman(new ExtractorOptions { RuleFiles = [path] });

        RuleFormatException error = create.Should().Throw<RuleFormatException>().Which;
        error.FileName.Should().Be(path);
        error.Line.Should().Be(4);
        error.Reason.Should().StartWith("malformed JSON");
        error.Message.Should().StartWith(path + "(4): ");
    }

    [Theory]
    [InlineData("{\"rules\": [{\"id\": \"a\", \"type\": \"Meeting\",\n \"pattern\": [{\"lemmas\": \"treffen\"}]}]}", 2, "unknown field 'lemmas'")]
    [InlineData("{\"rules\": [\n{\"id\": \"a\",\n \"type\": \"Gathering\", \"pattern\": [{\"lemma\": \"treffen\"}]}]}", 3, "unknown relation type 'Gathering'")]
    [InlineData("{\"rules\": [{\"id\": \"a\", \"type\": \"Meeting\", \"pattern\": [{\"lemma\": \"treffen\"}],\n\"arguments\": {\n \"attendees\": [\"subject\"]}}]}", 3, "unknown argument 'attendees'")]
    [InlineData("{\"rules\": [{\"id\": \"a\", \"type\": \"Meeting\", \"pattern\": [{\"lemma\": \"treffen\"}],\n\"arguments\": {\"participants\": [\"subjekt\"]}}]}", 2, "unknown strategy 'subjekt'")]
    [InlineData("{\"rules\": [{\"id\": \"a\", \"type\": \"Meeting\",\n \"pattern\": [{\"lemma\": \"treffen\", \"op\": \"?\"}]}]}", 2, "can match zero tokens")]
    [InlineData("{\"rules\": [{\"id\": \"a\", \"type\": \"Meeting\", \"pattern\": [\n{\"lemma\": \"treffen\", \"op\": \"{2}\"}]}]}", 2, "unknown op '{2}'")]
    [InlineData("{\"rules\": [{\"id\": \"a\", \"type\": \"Meeting\", \"pattern\": [\n{\"entity\": \"PERSON\"}]}]}", 2, "unknown entity label 'PERSON'")]
    [InlineData("{\"rules\": [{\"id\": \"a\", \"type\": \"Meeting\", \"pattern\": [\n{\"capture\": \"speaker\"}]}]}", 2, "capture 'speaker' is not an argument")]
    [InlineData("{\"rules\": [{\"id\": \"a\", \"type\": \"Meeting\", \"pattern\": []}]}", 1, "non-empty array")]
    [InlineData("{\"regeln\": []}", 1, "unknown field 'regeln'")]
    public void Parse_InvalidRule_ThrowsWithLineAndReason(string json, int line, string reason)
    {
        Action parse = () => RuleLoader.Parse(System.Text.Encoding.UTF8.GetBytes(json), "user.json");

        RuleFormatException error = parse.Should().Throw<RuleFormatException>().Which;
        error.FileName.Should().Be("user.json");
        error.Line.Should().Be(line);
        error.Reason.Should().Contain(reason);
    }

    [Fact]
    public void CreateGerman_UserRuleFile_AddsRelation()
    {
        const string text = "Emmanuel Macron lobte am Montag Olaf Scholz.";
        fixture.Extractor.Extract(text).Relations.Should().NotContain(r => r.Type == "Support");
        string path = Write("praise.json", """
            {
              "version": 1,
              "rules": [
                {
                  "id": "user.praise",
                  "type": "Support",
                  "code": "051",
                  "score": 0.9,
                  "pattern": [
                    { "entity": "PER", "unit": "entity", "capture": "giver" },
                    { "lemma": "loben", "trigger": true },
                    { "entity": "NONE", "op": "*" },
                    { "entity": "PER", "unit": "entity", "capture": "receiver" }
                  ]
                }
              ]
            }
            """);

        Extractor extractor = Extractor.CreateGerman(new ExtractorOptions { RuleFiles = [path] });
        ExtractionResult result = extractor.Extract(text);

        Relation support = result.Relations.Should().ContainSingle(r => r.Type == "Support").Subject;
        support.Rule.Should().Be("user.praise");
        support.Code.Should().Be("051");
        support.Arguments["giver"].Values.Should().Equal(["Emmanuel Macron"]);
        support.Arguments["receiver"].Values.Should().Equal(["Olaf Scholz"]);
        result.Text[support.Trigger.Start..support.Trigger.End].Should().Be("lobte");
    }

    [Fact]
    public void CreateGerman_DisabledType_ExtractsNoneOfIt()
    {
        const string text = "Angela Merkel sagte, die Lage sei ernst. Danach reiste sie nach Paris.";
        fixture.Extractor.Extract(text).Relations.Should().Contain(r => r.Type == "Statement");

        Extractor extractor = Extractor.CreateGerman(new ExtractorOptions { DisabledRelationTypes = ["Statement"] });
        ExtractionResult result = extractor.Extract(text);

        result.Relations.Should().NotContain(r => r.Type == "Statement");
        result.Relations.Should().Contain(r => r.Type == "Travel");
    }

    [Fact]
    public void CreateGerman_MissingRuleFile_ThrowsFileNotFound()
    {
        Action create = () => Extractor.CreateGerman(new ExtractorOptions { RuleFiles = [Path.Combine(_folder, "none.json")] });

        create.Should().Throw<FileNotFoundException>();
    }
}
