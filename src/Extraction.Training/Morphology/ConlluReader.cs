namespace Extraction.Training.Morphology;

/// <summary>
/// One syntactic word of a CoNLL-U sentence. <see cref="Head"/> is the 0-based index of the head word (-1 for the
/// root, -2 where the file gives none); <see cref="SpaceAfter"/> is false where MISC says <c>SpaceAfter=No</c>.
/// </summary>
internal sealed record ConlluWord(string Form, string Lemma, string Upos, string Xpos, string Feats, int Head = -2, string DepRel = "", bool SpaceAfter = true);

/// <summary>A multiword token (such as "im" for "in dem"): its surface form and the word range it covers (0-based, inclusive).</summary>
internal sealed record ConlluMultiword(int First, int Last, string Form);

/// <summary>A CoNLL-U sentence: its words, multiword tokens, id and raw text (the <c># text</c> line; empty when missing).</summary>
internal sealed record ConlluSentence(string Id, IReadOnlyList<ConlluWord> Words, IReadOnlyList<ConlluMultiword> Multiwords, string Text = "");

/// <summary>Reads CoNLL-U files (Universal Dependencies).</summary>
internal static class ConlluReader
{
    public static List<ConlluSentence> Read(string path)
    {
        var sentences = new List<ConlluSentence>();
        var words = new List<ConlluWord>();
        var multiwords = new List<ConlluMultiword>();
        string id = string.Empty;
        string text = string.Empty;
        foreach (string line in File.ReadLines(path))
        {
            if (line.Length == 0)
            {
                if (words.Count > 0)
                {
                    sentences.Add(new ConlluSentence(id, [.. words], [.. multiwords], text));
                }

                words.Clear();
                multiwords.Clear();
                id = string.Empty;
                text = string.Empty;
                continue;
            }

            if (line[0] == '#')
            {
                if (line.StartsWith("# sent_id = ", StringComparison.Ordinal))
                {
                    id = line["# sent_id = ".Length..];
                }
                else if (line.StartsWith("# text = ", StringComparison.Ordinal))
                {
                    text = line["# text = ".Length..];
                }

                continue;
            }

            string[] cols = line.Split('\t');
            if (cols.Length < 6)
            {
                throw new InvalidDataException($"{path}: a line has {cols.Length} columns, not 10: '{line}'.");
            }

            if (cols[0].Contains('.', StringComparison.Ordinal))
            {
                continue; // empty node
            }

            int dash = cols[0].IndexOf('-', StringComparison.Ordinal);
            if (dash > 0)
            {
                int first = int.Parse(cols[0].AsSpan(0, dash), System.Globalization.CultureInfo.InvariantCulture) - 1;
                int last = int.Parse(cols[0].AsSpan(dash + 1), System.Globalization.CultureInfo.InvariantCulture) - 1;
                multiwords.Add(new ConlluMultiword(first, last, cols[1]));
                continue;
            }

            int head = cols.Length > 6 && int.TryParse(cols[6], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int h) ? h - 1 : -2;
            string deprel = cols.Length > 7 ? cols[7] : string.Empty;
            bool spaceAfter = cols.Length <= 9 || !cols[9].Split('|').Contains("SpaceAfter=No");
            words.Add(new ConlluWord(cols[1], cols[2], cols[3], cols[4], cols[5], head, deprel, spaceAfter));
        }

        if (words.Count > 0)
        {
            sentences.Add(new ConlluSentence(id, [.. words], [.. multiwords], text));
        }

        return sentences;
    }
}
