using Extraction.Morphology;

namespace Extraction.Tests.Morphology;

public class NameAndCompoundLemmaTests
{
    private static Document Annotate(string sentence)
    {
        Document document = Document.FromTokens([sentence.Split(' ')]);
        MorphologyComponent.CreateDefault().Process(document, CancellationToken.None);
        return document;
    }

    [Theory]
    [InlineData("Die Kommission der Europäischen Union legte einen Entwurf vor .", "Europäischen", "Europäische")]
    [InlineData("Ein Sprecher des Auswärtigen Amtes bestätigte den Bericht .", "Auswärtigen", "Auswärtiges")]
    [InlineData("Die Generalversammlung der Vereinten Nationen tagt in New York .", "Vereinten", "Vereinte")]
    public void Process_AdjectiveInName_NominativeOfTheName(string sentence, string token, string lemma)
    {
        Annotate(sentence).Tokens.First(t => t.Text == token).Lemma.Should().Be(lemma);
    }

    [Theory]
    [InlineData("Die Rede der Bundesverteidigungsministerin wurde verschoben .", "Bundesverteidigungsministerin", "Bundesverteidigungsministerin")]
    [InlineData("Die Zahl der Asylbewerberinnen und Asylbewerber stieg .", "Asylbewerber", "Asylbewerber")]
    [InlineData("Die Vorschläge der Gesundheitsministers wurden abgelehnt .", "Vorschläge", "Vorschlag")]
    [InlineData("Die Kosten der Sicherheitskonferenzen steigen .", "Sicherheitskonferenzen", "Sicherheitskonferenz")]
    public void Process_Noun_LemmaIsNominativeSingular(string sentence, string token, string lemma)
    {
        Annotate(sentence).Tokens.First(t => t.Text == token).Lemma.Should().Be(lemma);
    }

    [Fact]
    public void Process_PrepositionWithDative_NounPhraseIsDative()
    {
        Document document = Annotate("Sie sprach mit dem neuen Minister .");

        document.Tokens.First(t => t.Text == "Minister").Morph.Should().Be("Case=Dat|Gender=Masc|Number=Sing");
        document.Tokens.First(t => t.Text == "neuen").Morph.Should().Be("Case=Dat|Gender=Masc|Number=Sing");
    }
}
