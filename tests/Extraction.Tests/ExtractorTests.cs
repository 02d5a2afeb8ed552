using System.Text.Json;

namespace Extraction.Tests;

public class ExtractorTests
{
    private static readonly Extractor SharedExtractor = Extractor.CreateGerman();

    [Fact]
    public void Extract_Null_Throws()
    {
        Action act = () => SharedExtractor.Extract(null!);

        act.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Extract_Text_EveryTokenOffsetReproducesItsText()
    {
        const string text = "BERLIN (dpa) – Die Ministerin traf am Montag\r\nihren Amtskollegen.\u00A0Danach: Pause.";

        ExtractionResult result = SharedExtractor.Extract(text);

        result.Text.Should().BeSameAs(text);
        result.Document.TokenCount.Should().BeGreaterThan(10);
        foreach (Token token in result.Document.Tokens)
        {
            text.Substring(token.Start, token.Length).Should().Be(token.Text);
        }
    }

    [Fact]
    public void Extract_SentencesCoverAllTokensInOrder()
    {
        ExtractionResult result = SharedExtractor.Extract("Erster Satz. Zweiter Satz! Dritter?");

        Document document = result.Document;
        document.Sentences.Sum(s => s.TokenCount).Should().Be(document.TokenCount);
        document.Sentences.Select(s => s.Text).Should().Equal("Erster Satz.", "Zweiter Satz!", "Dritter?");
        document.GetSentenceIndexOfToken(3).Should().Be(1);
    }

    [Fact]
    public void Extract_CancelledToken_ThrowsAndReturnsNothing()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Action act = () => SharedExtractor.Extract("Ein Satz.", cancellation.Token);

        act.Should().Throw<OperationCanceledException>();
    }

    [Fact]
    public void ToJson_Result_IsValidJsonWithContractFields()
    {
        ExtractionResult result = SharedExtractor.Extract("„Zitat“ mit <script>alert(1)</script> und Umlauten: äöüß.");

        string json = result.ToJson(new JsonOutputOptions { IncludeTokens = true });

        using JsonDocument document = JsonDocument.Parse(json);
        document.RootElement.GetProperty("text").GetString().Should().Be(result.Text);
        document.RootElement.EnumerateObject().Select(p => p.Name).Should().Equal("text", "sentences", "tokens", "entities", "relations");
        json.Should().Contain("äöüß");
    }
}
