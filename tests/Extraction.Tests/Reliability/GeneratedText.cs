using CsCheck;

namespace Extraction.Tests.Reliability;

/// <summary>Generators for property tests: arbitrary Unicode and realistic German news text.</summary>
internal static class GeneratedText
{
    private static readonly char[] Awkward =
    [
        '\0', '\u0001', '\u001F', '\u007F', '\u0085', '\u00A0', '\u00AD', '\u200B', '\u200C', '\u200D', '\u200E', '\u200F',
        '\u2028', '\u2029', '\u202E', '\uFEFF', '\uFFFD', '\uFFFF', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\u0301', '\u0308',
        '\u05D0', '\u0627', '„', '“', '”', '‚', '‘', '’', '»', '«', '–', '—', '…', '.', ',', '!', '?', ':', ';', '-', '\'', '"',
        '(', ')', '[', ']', '{', '}', '/', '\\', '@', '#', '*', '_', '&', '+', '%', '€', '§', '®', '™', '©', '\r', '\n', '\t', ' ',
    ];

    private static readonly string[] Words =
    [
        "Die", "Der", "das", "Bundeskanzler", "Friedrich", "Merz", "traf", "am", "Montag", "in", "Berlin", "den",
        "französischen", "Präsidenten", "Emmanuel", "Macron", "US-Außenminister", "Marco", "Rubio", "sagte", "z. B.", "Dr.",
        "3.", "Oktober", "1.000", "3,5", "Prozent", "NATO-Truppen", "Militär-", "und", "Geheimdiensthilfen", "„Wir", "kommen“",
        "lehnte", "ab", "Kiew", "Moskau", "Kreml", "Ukraine", "EU-Kommission", "Sondergesandter", "(dpa)", "–", "www.example.de",
        "info@example.de", "#Frieden", "@regierung", "Kund:innen", "geht's", "usw.", "J.", "R.", "Tolkien", "12.04.2016", "15:47",
    ];

    private static readonly string[] Separators = [" ", " ", " ", " ", ", ", ". ", "! ", "? ", ": ", "\n", "\n\n", " – "];

    /// <summary>Strings of any UTF-16 code units, with awkward characters (surrogates, controls, marks, RTL) made frequent.</summary>
    public static readonly Gen<string> AnyUnicode =
        Gen.Frequency((3, Gen.Char), (4, Gen.Int[0, Awkward.Length - 1].Select(i => Awkward[i])), (3, Gen.Char['a', 'z']))
            .Array[0, 300]
            .Select(chars => new string(chars));

    /// <summary>German-news-like text: words, names, abbreviations and punctuation in random order.</summary>
    public static readonly Gen<string> GermanLike =
        Gen.Select(Gen.Int[0, Words.Length - 1], Gen.Int[0, Separators.Length - 1])
            .Array[1, 80]
            .Select(parts => string.Concat(parts.Select(p => Words[p.Item1] + Separators[p.Item2])));

    /// <summary>Deterministic German-news-like documents for tests that need a fixed corpus.</summary>
    public static string[] GermanLikeDocuments(int count, int seed)
    {
        var random = new Random(seed);
        var documents = new string[count];
        for (int i = 0; i < count; i++)
        {
            var builder = new System.Text.StringBuilder();
            int parts = random.Next(1, 60);
            for (int p = 0; p < parts; p++)
            {
                builder.Append(Words[random.Next(Words.Length)]).Append(Separators[random.Next(Separators.Length)]);
            }

            documents[i] = builder.ToString();
        }

        return documents;
    }
}
