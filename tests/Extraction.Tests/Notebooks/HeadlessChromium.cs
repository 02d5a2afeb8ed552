using System.IO.Compression;
using System.Text;

namespace Extraction.Tests.Notebooks;

/// <summary>
/// Headless Chromium for the rendering tests: where Debian installs it, the flags this closed network needs,
/// and a check that tells a blank screenshot from a drawn one.
/// </summary>
internal static class HeadlessChromium
{
    public static readonly string[] Flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--hide-scrollbars",
    ];

    public static string Find()
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

    /// <summary>
    /// Writes <paramref name="bodyHtml"/> as a page under TestResults/browser/ (kept as an artifact, not committed),
    /// renders it headless to a screenshot and to the DOM the browser built, and returns both. Asserts that
    /// Chromium ran and wrote the screenshot.
    /// </summary>
    public static (string Dom, byte[] Screenshot) Render(string name, string title, string bodyHtml, string windowSize)
    {
        string chromium = Find();
        string artifacts = Path.Combine(Packaging.ProcessRunner.RepositoryRoot(), "tests", "Extraction.Tests", "TestResults", "browser");
        Directory.CreateDirectory(artifacts);
        string page = Path.Combine(artifacts, name + ".html");
        File.WriteAllText(page, $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{title}</title></head><body>{bodyHtml}</body></html>");
        string screenshot = Path.Combine(artifacts, name + ".png");
        File.Delete(screenshot);
        string profile = Directory.CreateTempSubdirectory("chromium-profile-").FullName;
        try
        {
            (int code, string output) = Packaging.ProcessRunner.Run(chromium, [.. Flags, "--user-data-dir=" + profile, "--window-size=" + windowSize, "--screenshot=" + screenshot, "file://" + page], artifacts, timeoutSeconds: 120);
            code.Should().Be(0, output);
            (int domCode, string dom) = Packaging.ProcessRunner.Run(chromium, [.. Flags, "--user-data-dir=" + profile, "--dump-dom", "file://" + page], artifacts, timeoutSeconds: 120);
            domCode.Should().Be(0, dom);
            File.Exists(screenshot).Should().BeTrue();
            return (dom, File.ReadAllBytes(screenshot));
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }

    /// <summary>Decompresses the PNG's image data and counts distinct byte values: a blank page has one or two, text and drawings many.</summary>
    public static int DistinctPixelBytes(byte[] png)
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
