namespace Extraction.Tests;

public class DocumentTests
{
    [Fact]
    public void FromTokens_TwoSentences_KeepsTokensAndOffsets()
    {
        Document document = Document.FromTokens([["Angela", "Merkel", "sprach", "."], ["Gut", "."]]);

        document.TokenCount.Should().Be(6);
        document.SentenceCount.Should().Be(2);
        foreach (Token token in document.Tokens)
        {
            document.Text.Substring(token.Start, token.Length).Should().Be(token.Text);
        }

        document.GetSentence(1).Text.Should().Be("Gut .");
    }
}
