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
        string chromium = HeadlessChromium.Find();
        string root = ProcessRunner.RepositoryRoot();
        ExtractionResult result = Extractor.CreateGerman().Extract(File.ReadAllText(Path.Combine(root, "samples", "article-de.txt")) + "\n<script>document.title='pwned'</script>");
        string artifacts = Path.Combine(root, "tests", "Extraction.Tests", "TestResults", "browser");
        Directory.CreateDirectory(artifacts);
        string page = Path.Combine(artifacts, "article.html");
        File.WriteAllText(page, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>extraction</title></head><body>" + result.ToHtml() + "</body></html>");
        string profile = Directory.CreateTempSubdirectory("chromium-profile-").FullName;
        string screenshot = Path.Combine(artifacts, "article.png");
        File.Delete(screenshot);

        try
        {
            (int code, string output) = ProcessRunner.Run(chromium, [.. HeadlessChromium.Flags, "--user-data-dir=" + profile, "--window-size=1200,900", "--screenshot=" + screenshot, "file://" + page], artifacts, timeoutSeconds: 120);
            code.Should().Be(0, output);
            (int domCode, string dom) = ProcessRunner.Run(chromium, [.. HeadlessChromium.Flags, "--user-data-dir=" + profile, "--dump-dom", "file://" + page], artifacts, timeoutSeconds: 120);
            domCode.Should().Be(0, dom);

            dom.Should().Contain("<mark class=\"PER\"").And.Contain("<mark class=\"LOC\"");
            dom.Should().Contain("<title>extraction</title>", "the script in the input was shown as text, not run");
            File.Exists(screenshot).Should().BeTrue();
            HeadlessChromium.DistinctPixelBytes(File.ReadAllBytes(screenshot)).Should().BeGreaterThan(20, "a blank page has one or two byte values");
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }
}
