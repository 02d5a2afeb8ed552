using Extraction.Morphology;

namespace Extraction.Tests.Morphology;

public class SeparableVerbTests
{
    [Theory]
    [InlineData("Der Kanzler kündigte am Dienstag neue Hilfen an .", "kündigte", "ankündigen")]
    [InlineData("Die Ministerin trat nach nur drei Monaten zurück .", "trat", "zurücktreten")]
    [InlineData("Mehr als hundert Delegierte nahmen an der Sitzung teil .", "nahmen", "teilnehmen")]
    [InlineData("Der Vorstand stellte gestern seine Pläne vor .", "stellte", "vorstellen")]
    [InlineData("Die Polizei nahm zwei Verdächtige fest .", "nahm", "festnehmen")]
    [InlineData("Der Botschafter traf sich mit Vertretern der Opposition .", "traf", "treffen")]
    [InlineData("Die Gewerkschaft lehnt das Angebot der Arbeitgeber weiterhin ab .", "lehnt", "ablehnen")]
    public void Process_NewsSentence_VerbLemmaIncludesParticle(string sentence, string verb, string lemma)
    {
        Document document = Document.FromTokens([sentence.Split(' ')]);
        MorphologyComponent.CreateDefault().Process(document, CancellationToken.None);

        document.Tokens.First(t => t.Text == verb).Lemma.Should().Be(lemma);
    }
}
