using System.IO.Compression;
using System.Text;
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
    private static string FindChromium()
    {
        foreach (string candidate in new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" })
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("Chromium is not installed (apt-get install chromium); ./test.sh installs it when run as root.");
    }

    private static readonly string[] HeadlessFlags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--hide-scrollbars",
    ];

    [Fact]
    public void ResultHtml_InHeadlessChromium_RendersMarkedEntities()
    {
        string chromium = FindChromium();
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
            (int code, string output) = ProcessRunner.Run(chromium, [.. HeadlessFlags, "--user-data-dir=" + profile, "--window-size=1200,900", "--screenshot=" + screenshot, "file://" + page], artifacts, timeoutSeconds: 120);
            code.Should().Be(0, output);
            (int domCode, string dom) = ProcessRunner.Run(chromium, [.. HeadlessFlags, "--user-data-dir=" + profile, "--dump-dom", "file://" + page], artifacts, timeoutSeconds: 120);
            domCode.Should().Be(0, dom);

            dom.Should().Contain("<mark class=\"PER\"").And.Contain("<mark class=\"LOC\"");
            dom.Should().Contain("<title>extraction</title>", "the script in the input was shown as text, not run");
            File.Exists(screenshot).Should().BeTrue();
            DistinctPixelBytes(File.ReadAllBytes(screenshot)).Should().BeGreaterThan(20, "a blank page has one or two byte values");
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }

    // Decompresses the PNG's image data and counts distinct byte values: text and highlights give many.
    private static int DistinctPixelBytes(byte[] png)
    {
        Encoding.ASCII.GetString(png, 1, 3).Should().Be("PNG");
        using var idat = new MemoryStream();
        int at = 8;
        while (at + 8 <= png.Length)
        {
            int length = (png[at] << 24) | (png[at + 1] << 16) | (png[at + 2] << 8) | png[at + 3];
            string type = Encoding.ASCII.GetString(png, at + 4, 4);
            if (type == "IDAT")
            {
                idat.Write(png, at + 8, length);
            }

            at += 12 + length;
        }

        idat.Position = 0;
        using var inflater = new ZLibStream(idat, CompressionMode.Decompress);
        var seen = new bool[256];
        var buffer = new byte[1 << 16];
        int read;
        while ((read = inflater.Read(buffer, 0, buffer.Length)) > 0)
        {
            for (int i = 0; i < read; i++)
            {
                seen[buffer[i]] = true;
            }
        }

        return seen.Count(s => s);
    }
}
