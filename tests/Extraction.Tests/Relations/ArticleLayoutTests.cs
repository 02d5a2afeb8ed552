namespace Extraction.Tests.Relations;

[Collection(RelationCollection.Name)]
public class ArticleLayoutTests(ExtractorFixture fixture)
{
    private const string Article =
        "KIEW / LONDON (dpa) – Der britische Premierminister Keir Starmer hat am Dienstag in London mit dem ukrainischen Präsidenten Wolodymyr Selenskyj über neue Waffenlieferungen beraten. "
        + "Starmer sagte, Großbritannien stehe fest an der Seite der Ukraine.\n\n"
        + "In Kiew wurde das Treffen begrüßt. Außenminister Andrij Sybiha sprach von einem wichtigen Signal.\n\n"
        + "Du willst nichts verpassen? Abonniere unseren Newsletter „Welt kompakt“ mit Nachrichten von Olaf Scholz bis Emmanuel Macron.\n"
        + "Mehr zum Thema: Olaf Scholz traf Emmanuel Macron in Paris\n"
        + "Redakteur Politik (m/w/d) bei der Berliner Zeitung\n"
        + "Kommentare sind geschlossen. Bitte beachten Sie unsere Netiquette.";

    private readonly Extractor _extractor = fixture.Extractor;

    [Fact]
    public void Extract_Dateline_GivesPlacesAndSource()
    {
        ExtractionResult result = _extractor.Extract(Article);

        result.Dateline.Should().NotBeNull();
        result.Dateline!.Places.Should().Equal(["Kiew", "London"]);
        result.Dateline.Source.Should().Be("dpa");
        result.Text[result.Dateline.Span.Start..result.Dateline.Span.End].Should().Be("KIEW / LONDON (dpa) –");
        result.Entities.Should().Contain(e => e.Start == 0 && e.Label == EntityLabel.Location && e.Canonical == "Kiew");
        result.Entities.Should().Contain(e => e.Text == "dpa" && e.Label == EntityLabel.Organization);
        result.ToJson().Should().Contain("\"dateline\":{\"start\":0,\"end\":21,\"places\":[\"Kiew\",\"London\"],\"source\":\"dpa\"}");
    }

    [Fact]
    public void Extract_NoDateline_GivesNull()
    {
        ExtractionResult result = _extractor.Extract("Olaf Scholz reiste am Montag nach Rom.");

        result.Dateline.Should().BeNull();
        result.ToJson().Should().NotContain("dateline");
    }

    [Fact]
    public void Extract_DatelinePlaces_AreNotMeetingPlaces()
    {
        ExtractionResult result = _extractor.Extract(Article);

        Relation meeting = result.Relations.Should().ContainSingle(r => r.Type == "Meeting").Subject;
        meeting.Arguments["participants"].Values.Should().BeEquivalentTo(["Keir Starmer", "Wolodymyr Selenskyj"]);
        meeting.Arguments["place"].Values.Should().Equal(["London"]);
    }

    [Fact]
    public void Extract_BoilerplateTail_YieldsNoRelationAndFlagsEntities()
    {
        ExtractionResult result = _extractor.Extract(Article);
        int tail = Article.IndexOf("Du willst", StringComparison.Ordinal);

        result.Relations.Should().OnlyContain(r => r.Trigger.Start < tail);
        result.Relations.Should().NotContain(r => r.Arguments.Values.Any(a => a.Values.Contains("Emmanuel Macron")));
        IEnumerable<Entity> tailEntities = result.Entities.Where(e => e.Start >= tail);
        tailEntities.Should().NotBeEmpty();
        tailEntities.Should().OnlyContain(e => e.Attributes.ContainsKey("boilerplate") && e.Attributes["boilerplate"] == "true");
        result.Entities.Where(e => e.Start < tail).Should().OnlyContain(e => !e.Attributes.ContainsKey("boilerplate"));
        result.ToJson().Should().Contain("\"boilerplate\":true");
    }

    [Fact]
    public void Extract_ArticleWithoutTail_FlagsNothing()
    {
        ExtractionResult result = _extractor.Extract("Olaf Scholz reiste am Montag nach Rom. Dort traf er Giorgia Meloni.");

        result.Entities.Should().OnlyContain(e => !e.Attributes.ContainsKey("boilerplate"));
    }
}
