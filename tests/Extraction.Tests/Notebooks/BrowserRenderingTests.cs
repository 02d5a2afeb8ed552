using Extraction.Tests.Packaging;

namespace Extraction.Tests.Notebooks;

/// <summary>
/// Renders a sample article's HTML in headless Chromium, as a notebook would show it, takes a screenshot
/// and checks that it is not blank and that the rendered page holds the entity markup. The screenshot is
/// kept as a test artifact under TestResults/, not committed. <c>test.sh</c> (the README's test command) installs Chromium.
/// </summary>
[Collection("Packaging")]
public sealed class BrowserRenderingTests
{
    [Fact]
    public void ResultHtml_InHeadlessChromium_RendersMarkedEntities()
    {
        string root = ProcessRunner.RepositoryRoot();
        ExtractionResult result = Extractor.CreateGerman().Extract(File.ReadAllText(Path.Combine(root, "samples", "article-de.txt")) + "\n<script>document.title='pwned'</script>");

        (string dom, byte[] screenshot) = HeadlessChromium.Render("article", "extraction", result.ToHtml(), "1200,900");

        dom.Should().Contain("<mark class=\"PER\"").And.Contain("<mark class=\"LOC\"");
        dom.Should().Contain("<title>extraction</title>", "the script in the input was shown as text, not run");
        HeadlessChromium.DistinctPixelBytes(screenshot).Should().BeGreaterThan(20, "a blank page has one or two byte values");
    }
}
