namespace Extraction.Training.Morphology;

/// <summary>One syntactic word of a CoNLL-U sentence.</summary>
internal sealed record ConlluWord(string Form, string Lemma, string Upos, string Xpos, string Feats);

/// <summary>A multiword token (such as "im" for "in dem"): its surface form and the word range it covers (0-based, inclusive).</summary>
internal sealed record ConlluMultiword(int First, int Last, string Form);

/// <summary>A CoNLL-U sentence: its words, multiword tokens and id.</summary>
internal sealed record ConlluSentence(string Id, IReadOnlyList<ConlluWord> Words, IReadOnlyList<ConlluMultiword> Multiwords);

/// <summary>Reads CoNLL-U files (Universal Dependencies).</summary>
internal static class ConlluReader
{
    public static List<ConlluSentence> Read(string path)
    {
        var sentences = new List<ConlluSentence>();
        var words = new List<ConlluWord>();
        var multiwords = new List<ConlluMultiword>();
        string id = string.Empty;
        foreach (string line in File.ReadLines(path))
        {
            if (line.Length == 0)
            {
                if (words.Count > 0)
                {
                    sentences.Add(new ConlluSentence(id, [.. words], [.. multiwords]));
                }

                words.Clear();
                multiwords.Clear();
                id = string.Empty;
                continue;
            }

            if (line[0] == '#')
            {
                if (line.StartsWith("# sent_id = ", StringComparison.Ordinal))
                {
                    id = line["# sent_id = ".Length..];
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

            words.Add(new ConlluWord(cols[1], cols[2], cols[3], cols[4], cols[5]));
        }

        if (words.Count > 0)
        {
            sentences.Add(new ConlluSentence(id, [.. words], [.. multiwords]));
        }

        return sentences;
    }
}
