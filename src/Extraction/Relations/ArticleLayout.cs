using System.Globalization;
using System.Text.RegularExpressions;

namespace Extraction.Relations;

/// <summary>
/// Finds the parts of a scraped article that are not running text: the dateline at the start
/// (<c>KIEW / LONDON (dpa) –</c>) and web boilerplate after the article (newsletter and shop links,
/// job ads, comment policy, "Mehr zum Thema").
/// </summary>
internal static partial class ArticleLayout
{
    // Upper-case place names separated by slashes, an optional source in brackets, then a dash.
    [GeneratedRegex(@"\A[\s\uFEFF]*(?<places>\p{Lu}[\p{Lu}\-\.]+(?:[ \t]+\p{Lu}[\p{Lu}\-\.]+)*(?:[ \t]*/[ \t]*\p{Lu}[\p{Lu}\-\.]+(?:[ \t]+\p{Lu}[\p{Lu}\-\.]+)*)*)[ \t]*(?:\((?<source>[^()\r\n]{1,40})\))?[ \t]*(?<dash>[–—-])[ \t]*", RegexOptions.CultureInvariant)]
    private static partial Regex DatelinePattern();

    // Phrases that open a boilerplate block (matched at the start of a line, case-insensitive).
    private static readonly string[] BlockStarts =
    [
        "du willst nichts verpassen", "sie wollen nichts verpassen", "willst du nichts verpassen", "mehr zum thema", "mehr zu diesem thema",
        "abonniere", "abonnieren sie", "jetzt abonnieren", "newsletter", "zum newsletter", "hier geht es zum", "hier geht's zum", "hier gehts zum",
        "zum shop", "im shop", "jetzt im shop", "shop:", "anzeige", "stellenangebot", "stellenanzeige", "jobs in", "jobbörse", "top-jobs", "jobs:",
        "kommentare", "kommentar schreiben", "zur kommentarfunktion", "die kommentarfunktion", "wir freuen uns über ihre kommentare", "diskutieren sie mit",
        "netiquette", "lesen sie auch", "auch interessant", "das könnte sie auch interessieren", "weitere artikel", "teilen:", "artikel teilen",
        "folgen sie uns", "folge uns", "© ", "copyright",
    ];

    // Words that mark a line as boilerplate anywhere in it.
    private static readonly string[] LineMarkers = ["(m/w/d)", "(w/m/d)", "(m/w/x)", "newsletter", "kommentarfunktion", "netiquette", "jetzt abonnieren", "im shop", "zum shop"];

    public static Dateline? FindDateline(string text)
    {
        Match match = DatelinePattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        Group placesGroup = match.Groups["places"];
        string[] parts = placesGroup.Value.Split('/', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

        // A dateline needs a source or at least one place name of two letters; a dash alone after a word is common text.
        bool hasSource = match.Groups["source"].Success;
        if (!hasSource && !(match.Groups["dash"].Value is "–" or "—"))
        {
            return null;
        }

        if (parts.Length == 0 || parts.Any(p => p.Length < 2 || p.Count(char.IsLetter) < 2))
        {
            return null;
        }

        string[] places = parts.Select(ToNameCase).ToArray();
        string? source = hasSource ? match.Groups["source"].Value.Trim() : null;
        int end = match.Groups["dash"].Index + match.Groups["dash"].Length;
        return new Dateline(new TextSpan(placesGroup.Index, end), places, source);
    }

    // KIEW gives Kiew, BAD HOMBURG gives Bad Homburg, FRANKFURT/MAIN-style hyphens keep both halves capitalised.
    internal static string ToNameCase(string upper)
    {
        char[] chars = upper.ToLowerInvariant().ToCharArray();
        bool start = true;
        for (int i = 0; i < chars.Length; i++)
        {
            if (start && char.IsLetter(chars[i]))
            {
                chars[i] = char.ToUpperInvariant(chars[i]);
            }

            start = chars[i] is ' ' or '-' or '.';
        }

        return new string(chars);
    }

    /// <summary>
    /// The offset where trailing boilerplate starts, or -1. Only lines after the first third of the text
    /// count, and only when every later line is short or boilerplate too.
    /// </summary>
    public static int FindBoilerplateStart(string text)
    {
        int minimum = text.Length / 3;
        int lineStart = 0;
        while (lineStart < text.Length)
        {
            int lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            if (lineStart >= minimum && IsBoilerplateLine(text.AsSpan(lineStart, lineEnd - lineStart)))
            {
                return lineStart + (text.Length - lineStart - text.AsSpan(lineStart).TrimStart().Length);
            }

            lineStart = lineEnd + 1;
        }

        return -1;
    }

    private static bool IsBoilerplateLine(ReadOnlySpan<char> line)
    {
        ReadOnlySpan<char> trimmed = line.Trim();
        if (trimmed.IsEmpty)
        {
            return false;
        }

        string lower = trimmed.ToString().ToLowerInvariant();
        foreach (string start in BlockStarts)
        {
            if (lower.StartsWith(start, StringComparison.Ordinal))
            {
                return true;
            }
        }

        foreach (string marker in LineMarkers)
        {
            if (lower.Contains(marker, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
