using CsCheck;
using Extraction.Morphology;

namespace Extraction.Tests.Morphology;

public class RobustnessTests
{
    [Fact]
    public void Process_ArbitraryTokens_EveryTokenGetsTagsAndLemma()
    {
        Gen<string> token = Gen.String[Gen.Char, 1, 150];
        Gen.Select(token.Array[1, 40], token.Array[1, 5]).Sample((first, second) =>
        {
            Document document = Document.FromTokens([first, second]);
            MorphologyComponent.CreateDefault().Process(document, CancellationToken.None);
            foreach (Token t in document.Tokens)
            {
                t.Pos.Should().NotBeNull();
                t.Tag.Should().NotBeNull();
                t.Lemma.Should().NotBeNullOrEmpty();
            }
        }, iter: 200);
    }

    [Fact]
    public void Process_SameTextTwice_SameAnnotations()
    {
        string[] sentence = "Die Abgeordneten stimmten gestern mit großer Mehrheit für das neue Gesetz .".Split(' ');
        Document a = Document.FromTokens([sentence]);
        Document b = Document.FromTokens([sentence]);
        MorphologyComponent.CreateDefault().Process(a, CancellationToken.None);
        MorphologyComponent.CreateDefault().Process(b, CancellationToken.None);

        a.Tokens.Select(t => (t.Pos, t.Tag, t.Lemma, t.Morph)).Should().Equal(b.Tokens.Select(t => (t.Pos, t.Tag, t.Lemma, t.Morph)));
    }
}
