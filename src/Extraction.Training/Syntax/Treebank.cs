using Extraction.Tokenization;
using Extraction.Training.Morphology;

namespace Extraction.Training.Syntax;

/// <summary>A dependency tree over tokens: forms, heads (0-based, −1 for the root) and UD relation labels.</summary>
internal sealed record DependencyTree(string[] Forms, int[] Heads, string[] Labels);

/// <summary>
/// Reads UD German treebanks for the parser: relation labels mapped to GSD's conventions, and for each
/// sentence the tree over its UD words and, where our tokenizer joins words (contractions such as "im" for
/// "in dem", hyphenated compounds such as "Elberadweg-Tour" that UD splits at the hyphen), the tree over
/// our tokens as well.
/// </summary>
internal static class Treebank
{
    /// <summary>
    /// GSD's relation for a label of either treebank. PUD marks relative clauses <c>acl:relcl</c>, names
    /// <c>flat:name</c>, possessive genitives <c>nmod:poss</c> and temporal obliques <c>obl:tmod</c>, where GSD
    /// writes <c>acl</c>, <c>flat</c>, <c>nmod</c> and <c>obl</c>; PUD's single <c>iobj</c> is GSD's <c>obj</c>. Any other
    /// subtype GSD dev does not use falls back to its main type.
    /// </summary>
    public static string MapLabel(string label) => label switch
    {
        "acl:relcl" => "acl",
        "flat:name" => "flat",
        "nmod:poss" => "nmod",
        "obl:tmod" => "obl",
        "cc:preconj" => "cc",
        "iobj" => "obj",
        "nsubj:outer" => "nsubj",
        "orphan" => "dep",
        "csubj:pass" => "csubj",
        _ => label,
    };

    /// <summary>The tree over a sentence's UD words, labels mapped.</summary>
    public static DependencyTree Words(ConlluSentence sentence) => new(
        [.. sentence.Words.Select(w => w.Form)],
        [.. sentence.Words.Select(w => w.Head)],
        [.. sentence.Words.Select(w => MapLabel(w.DepRel))]);

    /// <summary>
    /// The start and end of every UD word in the sentence's raw text, and whether it lies inside a multiword
    /// token (then the span is the multiword token's); null when the words cannot be found in the text.
    /// </summary>
    public static (int Start, int End, bool InMultiword)[]? WordSpans(ConlluSentence sentence)
    {
        string text = sentence.Text;
        var spans = new (int, int, bool)[sentence.Words.Count];
        int cursor = 0;
        int w = 0;
        while (w < sentence.Words.Count)
        {
            ConlluMultiword? multiword = sentence.Multiwords.FirstOrDefault(m => m.First == w);
            string form = multiword?.Form ?? sentence.Words[w].Form;
            int at = text.IndexOf(form, cursor, StringComparison.Ordinal);
            if (at < 0 || text.AsSpan(cursor, at - cursor).Trim().Length > 0)
            {
                return null;
            }

            cursor = at + form.Length;
            int last = multiword?.Last ?? w;
            for (int k = w; k <= last && k < spans.Length; k++)
            {
                spans[k] = (at, cursor, multiword is not null);
            }

            w = last + 1;
        }

        return spans;
    }

    /// <summary>
    /// The tree over our tokenizer's tokens of the sentence's raw text, where they differ from the UD words;
    /// null when they do not differ or cannot be aligned. A token covering several words takes the head and
    /// label of its first word whose head lies outside the token ("im" takes "in"'s <c>case</c>).
    /// </summary>
    public static DependencyTree? Surface(ConlluSentence sentence, DependencyTree words)
    {
        if (WordSpans(sentence) is not { } spans)
        {
            return null;
        }

        Document document = GermanTokenizer.Tokenize(sentence.Text, CancellationToken.None);
        if (document.TokenCount == words.Forms.Length)
        {
            return null;
        }

        var tokenOf = new int[spans.Length];
        var used = new bool[document.TokenCount];
        for (int w = 0; w < spans.Length; w++)
        {
            int t = document.FindTokenAt(spans[w].Start);
            if (t < 0 || document.TokenStarts[t] > spans[w].Start || document.TokenStarts[t] + document.TokenLengths[t] < spans[w].End)
            {
                return null; // the tokenizer splits a word
            }

            tokenOf[w] = t;
            used[t] = true;
        }

        if (used.Contains(false))
        {
            return null;
        }

        int n = document.TokenCount;
        var heads = new int[n];
        var labels = new string[n];
        var set = new bool[n];
        for (int w = 0; w < spans.Length; w++)
        {
            int t = tokenOf[w];
            int head = words.Heads[w];
            if (set[t] || (head >= 0 && tokenOf[head] == t))
            {
                continue;
            }

            heads[t] = head < 0 ? -1 : tokenOf[head];
            labels[t] = words.Labels[w];
            set[t] = true;
        }

        var forms = new string[n];
        for (int t = 0; t < n; t++)
        {
            forms[t] = document.GetToken(t).Text;
        }

        var tree = new DependencyTree(forms, heads, labels);
        return set.All(x => x) && IsTree(tree.Heads) ? tree : null;
    }

    /// <summary>Whether heads form one tree: exactly one root, heads in range, no cycles.</summary>
    public static bool IsTree(int[] heads)
    {
        int roots = 0;
        for (int i = 0; i < heads.Length; i++)
        {
            if (heads[i] == -1)
            {
                roots++;
            }
            else if (heads[i] < 0 || heads[i] >= heads.Length || heads[i] == i)
            {
                return false;
            }

            int steps = 0;
            for (int h = heads[i]; h >= 0; h = heads[h])
            {
                if (++steps > heads.Length)
                {
                    return false;
                }
            }
        }

        return roots == 1;
    }

    /// <summary>
    /// Makes a tree projective by lifting (Nivre and Nilsson 2005): while some arc is non-projective, the shortest
    /// such arc is moved to the head's head. Labels are kept (no path encoding), so the parser's trees are
    /// projective. Returns the number of lifts.
    /// </summary>
    public static int Projectivize(int[] heads)
    {
        int lifts = 0;
        while (true)
        {
            int worst = -1;
            int worstLength = int.MaxValue;
            for (int d = 0; d < heads.Length; d++)
            {
                int h = heads[d];
                if (h < 0)
                {
                    continue;
                }

                int length = Math.Abs(h - d);
                if (length < worstLength && !IsProjective(heads, h, d))
                {
                    worst = d;
                    worstLength = length;
                }
            }

            if (worst < 0)
            {
                return lifts;
            }

            // Arcs from the root word are always projective (every token descends from it), so the head of a
            // non-projective arc has a head of its own.
            heads[worst] = heads[heads[worst]];
            lifts++;
        }
    }

    // An arc is projective when every token between head and dependent descends from the head.
    private static bool IsProjective(int[] heads, int head, int dependent)
    {
        int from = Math.Min(head, dependent) + 1;
        int to = Math.Max(head, dependent);
        for (int k = from; k < to; k++)
        {
            int a = k;
            while (a >= 0 && a != head)
            {
                a = heads[a];
            }

            if (a != head)
            {
                return false;
            }
        }

        return true;
    }
}
