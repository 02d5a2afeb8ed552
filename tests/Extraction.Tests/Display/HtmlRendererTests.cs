using Microsoft.DotNet.Interactive.Formatting;

namespace Extraction.Tests.Display;

public class HtmlRendererTests
{
    internal static ExtractionResult ResultWithEntities(string text, params (string Mention, EntityLabel Label)[] mentions)
    {
        Document document = Extraction.Tokenization.GermanTokenizer.Tokenize(text, CancellationToken.None);
        int id = 1;
        foreach ((string mention, EntityLabel label) in mentions)
        {
            int start = text.IndexOf(mention, StringComparison.Ordinal);
            document.EntityList.Add(new Entity(mention, label, start, start + mention.Length, mention, "e" + id++, 0.9));
        }

        return new ExtractionResult(document);
    }

    [Fact]
    public void ToHtml_Entities_AreMarkedWithTheirLabels()
    {
        ExtractionResult result = ResultWithEntities("Merz reiste nach Paris.", ("Merz", EntityLabel.Person), ("Paris", EntityLabel.Location));

        string html = result.ToHtml();

        html.Should().Contain("<mark class=\"PER\" title=\"Merz\">Merz<span>PER</span></mark>");
        html.Should().Contain("<mark class=\"LOC\" title=\"Paris\">Paris<span>LOC</span></mark>");
        html.Should().Contain("<style>");
    }

    [Fact]
    public void ToHtml_ScriptInInput_IsEncodedNotExecutable()
    {
        ExtractionResult result = ResultWithEntities("Hallo <script>alert('x')</script> & Tschüss \"Merz\"", ("Merz", EntityLabel.Person));

        string html = result.ToHtml();

        html.Should().NotContain("<script>");
        html.Should().Contain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Tschüss &quot;");
    }

    [Fact]
    public void NotebookFormatter_FindsTheConventionBasedFormatter()
    {
        ExtractionResult result = ResultWithEntities("Merz reiste nach Paris.", ("Merz", EntityLabel.Person));

        // The real .NET Interactive formatter discovers the library's attribute by its name.
        string html = result.ToDisplayString("text/html");

        html.Should().Contain("<mark class=\"PER\"");
        html.Should().Be(result.ToHtml());
    }
}
