using Extraction.Ner;

namespace Extraction.Tests.Ner;

public class NerComponentTests
{
    [Fact]
    public void Process_EmbeddedModel_FindsPersonAndLocation()
    {
        Document document = Document.FromTokens([["Gestern", "traf", "Angela", "Merkel", "in", "Paris", "den", "Präsidenten", "."]]);
        var component = NerComponent.CreateDefault();

        component.Process(document, CancellationToken.None);

        document.EntityList.Should().Contain(e => e.Label == EntityLabel.Person && e.Text == "Angela Merkel");
        document.EntityList.Should().Contain(e => e.Label == EntityLabel.Location && e.Text == "Paris");
        document.EntityList.Should().OnlyContain(e => e.Score > 0 && e.Score <= 1);
        document.EntityList.Select(e => e.Id).Should().Equal(document.EntityList.Select((_, i) => $"e{i + 1}"));
        document.GetNerTag(2).Should().Be("B-PER");
    }

    [Fact]
    public void Extract_GermanText_ReturnsEntitiesWithScores()
    {
        Extractor extractor = Extractor.CreateGerman();

        ExtractionResult result = extractor.Extract("Der Besuch von Olaf Scholz in Warschau wurde verschoben .");

        result.Entities.Should().Contain(e => e.Label == EntityLabel.Person && e.Text == "Olaf Scholz");
        result.Entities.Should().Contain(e => e.Label == EntityLabel.Location && e.Text == "Warschau");
    }

    [Fact]
    public void Process_DerivAndPartTags_AreTokenTagsNotEntities()
    {
        Document document = Document.FromTokens([["Die", "deutsche", "Regierung", "schickt", "NATO-Truppen", "."]]);
        byte[] tags = [0, (byte)NerTags.Begin(4), 0, 0, (byte)NerTags.Begin(8), 0];

        NerComponent.AddEntities(document, tags, Enumerable.Repeat(0.9, 6).ToArray());

        document.EntityList.Should().BeEmpty();
    }

    [Fact]
    public void DefaultModel_Loads_WithMetadataAndWithinBudget()
    {
        NerModel model = NerComponent.DefaultModel;

        model.Metadata.Should().ContainKey("training-data");
        model.FeatureCount.Should().BeGreaterThan(1000);
        typeof(NerComponent).Assembly.GetManifestResourceInfo(NerComponent.ResourceName).Should().NotBeNull();
    }
}

public class NerTaggerConcurrencyTests
{
    [Fact]
    public void TagDocument_ManyThreads_GiveTheSameTags()
    {
        Document document = Document.FromTokens(
        [
            ["Der", "Vorstandschef", "der", "Deutschen", "Bank", ",", "Christian", "Sewing", ",", "sprach", "in", "Frankfurt", "."],
            ["Die", "NATO-Truppen", "bleiben", "in", "Litauen", "."],
        ]);
        var tagger = new NerTagger(NerComponent.DefaultModel);
        byte[] expected = tagger.TagDocument(document, null, CancellationToken.None);

        byte[][] results = new byte[16][];
        Parallel.For(0, results.Length, i => results[i] = tagger.TagDocument(document, new double[document.TokenCount], CancellationToken.None));

        results.Should().AllSatisfy(r => r.Should().Equal(expected));
    }
}
