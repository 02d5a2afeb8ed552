using System.Text;
using Extraction.Ner;

namespace Extraction.Training.Ner;

/// <summary>A sentence of GermEval data: tokens and gold outer tags (indexes into <see cref="NerTags.TagNames"/>).</summary>
internal sealed record LabeledSentence(string[] Tokens, int[] Tags, string[] Indexes);

/// <summary>
/// Reads GermEval 2014 TSV: <c>index TAB token TAB outer TAB inner</c>, blank lines between sentences,
/// <c>#</c> comment lines skipped. Tokens are normalised: soft hyphens (U+00AD) removed, the C1
/// controls U+0096 and U+0092 mapped to an en dash and an apostrophe. Files without tag columns (for
/// tagging) give all-<c>O</c> tags.
/// </summary>
internal static class GermEvalReader
{
    public static List<LabeledSentence> ReadFile(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        return Read(reader, path);
    }

    public static List<LabeledSentence> Read(TextReader reader, string source)
    {
        var sentences = new List<LabeledSentence>();
        var tokens = new List<string>();
        var tags = new List<int>();
        var indexes = new List<string>();
        string? line;
        int lineNumber = 0;
        while ((line = reader.ReadLine()) != null)
        {
            lineNumber++;
            if (line.Length == 0 || string.IsNullOrWhiteSpace(line))
            {
                Flush();
                continue;
            }

            if (line[0] == '#')
            {
                continue;
            }

            string[] columns = line.Split('\t');
            if (columns.Length < 2)
            {
                throw new FormatException($"{source}:{lineNumber}: expected 'index<TAB>token[...]'.");
            }

            string token = Normalize(columns[1]);
            if (token.Length == 0)
            {
                token = "-";
            }

            int tag = NerTags.Outside;
            if (columns.Length >= 3 && columns[2].Length > 0)
            {
                tag = NerTags.Parse(columns[2]);
                if (tag < 0)
                {
                    throw new FormatException($"{source}:{lineNumber}: unknown tag '{columns[2]}'.");
                }
            }

            indexes.Add(columns[0]);
            tokens.Add(token);
            tags.Add(tag);
        }

        Flush();
        return sentences;

        void Flush()
        {
            if (tokens.Count > 0)
            {
                sentences.Add(new LabeledSentence([.. tokens], [.. tags], [.. indexes]));
                tokens.Clear();
                tags.Clear();
                indexes.Clear();
            }
        }
    }

    public static string Normalize(string token)
    {
        if (token.AsSpan().IndexOfAny('\u00AD', '\u0096', '\u0092') < 0)
        {
            return token;
        }

        var builder = new StringBuilder(token.Length);
        foreach (char c in token)
        {
            switch (c)
            {
                case '\u00AD':
                    break;
                case '\u0096':
                    builder.Append('\u2013');
                    break;
                case '\u0092':
                    builder.Append('\'');
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Builds a document (one sentence per GermEval sentence) for tagging.</summary>
    public static Document ToDocument(IReadOnlyList<LabeledSentence> sentences) => Document.FromTokens(sentences.Select(s => (IReadOnlyList<string>)s.Tokens));
}
