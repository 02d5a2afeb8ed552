using Extraction.Morphology;

namespace Extraction.Tests.Morphology;

public class MorphologyComponentTests
{
    private static Document Annotate(params string[] sentences)
    {
        Document document = Document.FromTokens(sentences.Select(s => (IReadOnlyList<string>)s.Split(' ')));
        MorphologyComponent.CreateDefault().Process(document, CancellationToken.None);
        return document;
    }

    private static Token Find(Document document, string text) => document.Tokens.First(t => t.Text == text);

    [Fact]
    public void Process_StrongVerbInPastTense_LemmaIsInfinitive()
    {
        Document document = Annotate("Der Minister traf am Montag seinen Amtskollegen in Paris .");

        Find(document, "traf").Lemma.Should().Be("treffen");
        Find(document, "traf").Pos.Should().Be("VERB");
    }

    [Fact]
    public void Process_SeparatedParticleAb_ReattachedToVerbLemma()
    {
        Document document = Annotate("Die Regierung lehnt den Vorschlag der Opposition ab .");

        Find(document, "lehnt").Lemma.Should().Be("ablehnen");
        Find(document, "ab").Tag.Should().Be("PTKVZ");
    }

    [Fact]
    public void Process_SeparatedParticleFort_ReattachedToVerbLemma()
    {
        Document document = Annotate("Die Kommission setzt ihre Ermittlungen im Januar fort .");

        Find(document, "setzt").Lemma.Should().Be("fortsetzen");
    }

    [Fact]
    public void Process_UnknownCompoundInGenitive_LemmaIsCompoundOfHeadLemma()
    {
        Document document = Annotate("Ein Sprecher des Verteidigungsministers wollte sich nicht äußern .");

        Token token = Find(document, "Verteidigungsministers");
        token.Lemma.Should().Be("Verteidigungsminister");
        token.Pos.Should().Be("NOUN");
    }

    [Fact]
    public void Process_NameWithAdjectiveInGenitive_NominativeLemmasAndGenitiveCase()
    {
        Document document = Annotate("Die Richter des Internationalen Strafgerichtshofs erließen einen Haftbefehl .");

        Token adjective = Find(document, "Internationalen");
        Token noun = Find(document, "Strafgerichtshofs");
        adjective.Lemma.Should().Be("Internationaler");
        noun.Lemma.Should().Be("Strafgerichtshof");
        noun.Morph.Should().Be("Case=Gen|Gender=Masc|Number=Sing");
        adjective.Morph.Should().Be("Case=Gen|Gender=Masc|Number=Sing");
    }

    [Fact]
    public void Process_ObviousTokens_GetExpectedUniversalTags()
    {
        Document document = Annotate("Die Bürgermeisterin und der Landrat sprachen in Hamburg über die Finanzen .");

        Find(document, "Die").Pos.Should().Be("DET");
        Find(document, "und").Pos.Should().Be("CCONJ");
        Find(document, "in").Pos.Should().Be("ADP");
        Find(document, "Landrat").Pos.Should().Be("NOUN");
        Find(document, "sprachen").Pos.Should().Be("VERB");
        Find(document, ".").Pos.Should().Be("PUNCT");
        Find(document, "Die").Lemma.Should().Be("der");
        Find(document, "sprachen").Lemma.Should().Be("sprechen");
    }

    [Fact]
    public void Process_ObviousTokens_GetExpectedSttsTags()
    {
        Document document = Annotate("Die Bürgermeisterin und der Landrat sprachen in Hamburg über die Finanzen .");

        Find(document, "Die").Tag.Should().Be("ART");
        Find(document, "Landrat").Tag.Should().Be("NN");
        Find(document, "sprachen").Tag.Should().Be("VVFIN");
        Find(document, "in").Tag.Should().Be("APPR");
    }

    [Fact]
    public void Token_BeforeMorphologyRuns_AnnotationsAreNull()
    {
        Document document = Document.FromTokens([["Hallo", "Welt"]]);

        document.GetToken(0).Pos.Should().BeNull();
        document.GetToken(0).Lemma.Should().BeNull();
        document.GetToken(0).Morph.Should().BeNull();
    }

    [Fact]
    public void Process_SeveralSentences_ParticleDoesNotCrossSentence()
    {
        Document document = Annotate("Er lehnt sich zurück .", "Die Partei setzt auf Wachstum .");

        Find(document, "setzt").Lemma.Should().Be("setzen");
    }

    [Fact]
    public void Process_ConventionsUniversalDependencies_ParticleStaysOff()
    {
        Document document = Document.FromTokens([["Die", "Regierung", "lehnt", "den", "Vorschlag", "ab", "."]]);
        new MorphologyComponent(EmbeddedMorphology.Annotator, LemmaConventions.UniversalDependencies).Process(document, CancellationToken.None);

        document.GetToken(2).Lemma.Should().Be("lehnen");
    }
}

public class ExtractorMorphologyTests
{
    [Fact]
    public void Extract_DefaultPipeline_TokensCarryMorphology()
    {
        Extractor extractor = Extractor.CreateGerman();

        ExtractionResult result = extractor.Extract("Die Ministerin traf gestern den Botschafter .");

        extractor.ComponentNames.Should().StartWith("morphology");
        Token traf = result.Document.Tokens.First(t => t.Text == "traf");
        traf.Lemma.Should().Be("treffen");
        traf.Pos.Should().Be("VERB");
    }
}
