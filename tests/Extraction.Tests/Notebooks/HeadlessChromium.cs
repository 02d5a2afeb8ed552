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
