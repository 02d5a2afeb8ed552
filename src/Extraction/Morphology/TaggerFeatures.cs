namespace Extraction.Morphology;

/// <summary>What the taggers know about one token before tagging: hashes of its text and lexicon classes.</summary>
internal struct TokenInfo
{
    public ulong Exact;
    public ulong Word;
    public ulong Suffix1;
    public ulong Suffix2;
    public ulong Suffix3;
    public ulong Suffix4;
    public ulong Prefix3;
    public int Shape;
    public LexClass Lex;
    public LexClass LexLower;
    public int Form;
    public int LowerForm;
    public int Name;
    public int Cluster;

    // For an unknown capitalised word whose end is a known noun ("Verteidigungsministers" ends in
    // "ministers"): where that head starts, and its lexicon form; 0 and -1 otherwise.
    public int HeadStart;
    public int HeadForm;
}

/// <summary>
/// The feature templates shared by training and inference. Features are 64-bit hashes of a template
/// number and values; nothing here allocates.
/// </summary>
internal static class TaggerFeatures
{
    public const int MaxFeatures = 64;

    // Hash of the boundary pseudo-token before the first and after the last token.
    private const ulong Boundary = 0x5EED5EED5EEDUL;

    /// <summary>Fills <paramref name="info"/> for a token.</summary>
    public static void Describe(ReadOnlySpan<char> token, MorphLexicon? lexicon, FormClassTable names, FormClassTable clusters, Span<char> scratch, ref TokenInfo info)
    {
        // One pass from the last character to the first gives the hashes of the form, of its lower-cased
        // form and of all suffixes; the head candidates of a compound are the suffixes with a capital.
        int length = token.Length;
        bool compound = lexicon is not null && length >= 7 && length <= 64 && char.IsUpper(token[0]);
        Span<ulong> heads = stackalloc ulong[compound ? length : 0];
        ulong exact = Hashing.Start;
        ulong lower = Hashing.Start;
        ulong loweredFirst = 0;
        info.Suffix1 = info.Suffix2 = info.Suffix3 = info.Suffix4 = 0;
        for (int p = length - 1; p >= 0; p--)
        {
            char c = token[p];
            char lc = Hashing.ToLower(c);
            if (compound && p > 0)
            {
                heads[p] = Hashing.Final(Hashing.Step(exact, token[p - 1] == '-' ? c : Hashing.ToUpper(c)));
            }

            if (p == 0)
            {
                loweredFirst = Hashing.Final(Hashing.Step(exact, lc));
            }

            exact = Hashing.Step(exact, c);
            lower = Hashing.Step(lower, lc);
            switch (length - p)
            {
                case 1: info.Suffix1 = Hashing.Final(lower); break;
                case 2: info.Suffix2 = Hashing.Final(lower); break;
                case 3: info.Suffix3 = Hashing.Final(lower); break;
                case 4: info.Suffix4 = Hashing.Final(lower); break;
            }
        }

        info.Exact = Hashing.Final(exact);
        info.Word = Hashing.Final(lower);
        if (length < 4)
        {
            info.Suffix4 = info.Word;
            info.Suffix3 = length < 3 ? info.Word : info.Suffix3;
            info.Suffix2 = length < 2 ? info.Word : info.Suffix2;
        }

        info.Name = names.Find(info.Exact);
        info.Cluster = clusters.Find(info.Word);
        info.Prefix3 = Hashing.Hash(token[..Math.Min(3, length)], lower: true);
        info.Shape = Shape(token);
        info.Form = -1;
        info.LowerForm = -1;
        info.Lex = LexClass.None;
        info.LexLower = LexClass.None;
        info.HeadStart = 0;
        info.HeadForm = -1;
        if (lexicon is null)
        {
            return;
        }

        info.Form = lexicon.Find(token, info.Exact);
        info.Lex = lexicon.ClassesOf(info.Form);
        if (compound && info.Form < 0)
        {
            FindHead(token, lexicon, heads, scratch, ref info);
        }

        if (length > 0 && char.IsUpper(token[0]) && length <= scratch.Length)
        {
            Span<char> lowered = scratch[..length];
            token.CopyTo(lowered);
            lowered[0] = char.ToLowerInvariant(lowered[0]);
            info.LowerForm = lexicon.Find(lowered, loweredFirst);
            info.LexLower = lexicon.ClassesOf(info.LowerForm);
        }
    }

    /// <summary>
    /// Finds the longest known noun at the end of a compound: at least 4 letters after at least 3
    /// ("Verteidigungsministers": "Ministers"), or whatever follows a hyphen ("NATO-Truppen": "Truppen").
    /// </summary>
    private static void FindHead(ReadOnlySpan<char> token, MorphLexicon lexicon, ReadOnlySpan<ulong> heads, Span<char> scratch, ref TokenInfo info)
    {
        for (int k = 1; k <= token.Length - 3; k++)
        {
            bool afterHyphen = token[k - 1] == '-';
            if (!afterHyphen && (k < 3 || token.Length - k < 4 || !char.IsLower(token[k])))
            {
                continue;
            }

            int candidate = lexicon.FindCandidate(heads[k]);
            if (candidate < 0)
            {
                continue;
            }

            ReadOnlySpan<char> rest = token[k..];
            Span<char> head = scratch[..rest.Length];
            rest.CopyTo(head);
            if (!afterHyphen)
            {
                head[0] = Hashing.ToUpper(head[0]);
            }

            if (head.SequenceEqual(lexicon.FormAt(candidate)) && lexicon.FindAnalysis(candidate, LexClass.Noun) >= 0)
            {
                info.HeadStart = k;
                info.HeadForm = candidate;
                return;
            }
        }
    }

    private static int Shape(ReadOnlySpan<char> token)
    {
        int shape = 0;
        bool allUpper = true;
        bool allDigit = true;
        bool anyLetterOrDigit = false;
        foreach (char c in token)
        {
            if (char.IsDigit(c))
            {
                shape |= 4;
                anyLetterOrDigit = true;
            }
            else
            {
                allDigit = false;
            }

            if (char.IsLetter(c))
            {
                anyLetterOrDigit = true;
                if (!char.IsUpper(c))
                {
                    allUpper = false;
                }
            }
            else
            {
                allUpper = false;
            }

            if (c is '-' or '\u2010' or '\u2011')
            {
                shape |= 16;
            }

            if (c == '.')
            {
                shape |= 128;
            }
        }

        if (token.Length > 0 && char.IsUpper(token[0]))
        {
            shape |= 1;
        }

        if (allUpper && token.Length > 1)
        {
            shape |= 2;
        }

        if (allDigit && token.Length > 0)
        {
            shape |= 8;
        }

        if (!anyLetterOrDigit)
        {
            shape |= 32;
        }

        if (token.Length <= 3)
        {
            shape |= 64;
        }

        return shape;
    }

    /// <summary>
    /// Writes the features of token <paramref name="i"/>. <paramref name="prev1"/> and <paramref name="prev2"/>
    /// are the labels this tagger gave the two tokens before (-1 at the start); <paramref name="upos"/>, when not
    /// empty, holds the UPOS labels of the sentence (for the STTS tagger).
    /// </summary>
    public static int Extract(ReadOnlySpan<TokenInfo> tokens, int i, int prev1, int prev2, ReadOnlySpan<int> upos, Span<ulong> output) =>
        Extract(tokens, i, prev1, prev2, upos, default, TargetDomain, output);

    /// <summary>
    /// The domain whose annotation conventions inference follows: UD German GSD. Training sentences from
    /// other treebanks (PUD tags "als" CCONJ, GSD ADP; adverbial adjectives ADV, GSD ADJ) get their own
    /// copies of the domain features, so that their conventions do not blur GSD's.
    /// </summary>
    public const int TargetDomain = 1;

    /// <summary>
    /// As above, for a sentence from treebank <paramref name="domain"/>; <paramref name="lookahead"/>, when not
    /// empty, holds a first pass's UPOS labels, whose right context the second pass sees.
    /// </summary>
    public static int Extract(ReadOnlySpan<TokenInfo> tokens, int i, int prev1, int prev2, ReadOnlySpan<int> upos, ReadOnlySpan<int> lookahead, int domain, Span<ulong> output)
    {
        ref readonly TokenInfo t = ref tokens[i];
        ulong prevWord = i > 0 ? tokens[i - 1].Word : Boundary;
        ulong prevWord2 = i > 1 ? tokens[i - 2].Word : Boundary;
        ulong nextWord = i + 1 < tokens.Length ? tokens[i + 1].Word : Boundary;
        ulong nextWord2 = i + 2 < tokens.Length ? tokens[i + 2].Word : Boundary;
        ulong prevSuffix = i > 0 ? tokens[i - 1].Suffix3 : Boundary;
        ulong nextSuffix = i + 1 < tokens.Length ? tokens[i + 1].Suffix3 : Boundary;
        ulong prevLex = i > 0 ? (ulong)tokens[i - 1].Lex | ((ulong)(uint)tokens[i - 1].Shape << 8) : Boundary;
        ulong nextLex = i + 1 < tokens.Length ? (ulong)tokens[i + 1].Lex | ((ulong)(uint)tokens[i + 1].Shape << 8) : Boundary;
        ulong lex = (ulong)t.Lex | ((ulong)t.LexLower << 8) | (t.HeadForm >= 0 ? 1UL << 16 : 0UL);
        ulong p1 = (ulong)(prev1 + 1);
        ulong p2 = (ulong)(prev2 + 1);
        int n = 0;
        output[n++] = Hashing.Feature(0, 0);
        output[n++] = Hashing.Feature(1, t.Word);
        output[n++] = Hashing.Feature(2, t.Suffix1);
        output[n++] = Hashing.Feature(3, t.Suffix2);
        output[n++] = Hashing.Feature(4, t.Suffix3);
        output[n++] = Hashing.Feature(5, t.Suffix4);
        output[n++] = Hashing.Feature(6, t.Prefix3);
        output[n++] = Hashing.Feature(7, (ulong)(uint)t.Shape);
        output[n++] = Hashing.Feature(8, lex);
        output[n++] = Hashing.Feature(9, lex, (ulong)(uint)t.Shape | (i == 0 ? 256UL : 0UL));
        output[n++] = Hashing.Feature(10, prevWord);
        output[n++] = Hashing.Feature(11, nextWord);
        // The STTS tagger sees the sentence's UPOS labels instead of the wider context features.
        bool wide = upos.IsEmpty;
        if (wide)
        {
            output[n++] = Hashing.Feature(12, prevWord2);
            output[n++] = Hashing.Feature(13, nextWord2);
            output[n++] = Hashing.Feature(14, prevSuffix);
            output[n++] = Hashing.Feature(15, nextSuffix);
            output[n++] = Hashing.Feature(16, prevLex);
            output[n++] = Hashing.Feature(17, nextLex);
        }

        output[n++] = Hashing.Feature(18, p1);
        output[n++] = Hashing.Feature(19, p1, p2);
        output[n++] = Hashing.Feature(20, p1, t.Word);
        output[n++] = Hashing.Feature(21, p1, t.Suffix3);
        output[n++] = Hashing.Feature(22, p1, lex);
        if (wide)
        {
            output[n++] = Hashing.Feature(23, t.Word, nextWord);
            output[n++] = Hashing.Feature(24, prevWord, t.Word);
            output[n++] = Hashing.Feature(25, lex, nextLex);
        }

        output[n++] = Hashing.Feature(26, t.Suffix3, (ulong)(uint)t.Shape);
        output[n++] = Hashing.Feature(27, (ulong)(uint)t.Name, (ulong)(uint)(t.Shape & 1) | (i == 0 ? 2UL : 0UL));
        output[n++] = Hashing.Feature(28, (ulong)(uint)t.Name, lex);
        output[n++] = Hashing.Feature(29, (ulong)(uint)t.Name, p1);
        if (upos.IsEmpty)
        {
            ulong d = (ulong)domain;
            output[n++] = Hashing.Feature(40, d);
            output[n++] = Hashing.Feature(41, d, t.Word);
            output[n++] = Hashing.Feature(42, d, t.Suffix3);
            output[n++] = Hashing.Feature(43, d, lex);
            output[n++] = Hashing.Feature(44, d, nextWord);
        }

        ulong prevName = i > 0 ? (ulong)(uint)tokens[i - 1].Name : 9;
        ulong nextName = i + 1 < tokens.Length ? (ulong)(uint)tokens[i + 1].Name : 9;
        if (wide)
        {
            output[n++] = Hashing.Feature(45, prevName, (ulong)(uint)t.Name);
            output[n++] = Hashing.Feature(46, (ulong)(uint)t.Name, nextName);
        }

        output[n++] = Hashing.Feature(47, t.Exact);
        if (wide && (t.Cluster != 0 || (i > 0 && tokens[i - 1].Cluster != 0) || (i + 1 < tokens.Length && tokens[i + 1].Cluster != 0)))
        {
            ulong c = (ulong)(uint)t.Cluster;
            ulong cPrev = i > 0 ? (ulong)(uint)tokens[i - 1].Cluster : 999;
            ulong cNext = i + 1 < tokens.Length ? (ulong)(uint)tokens[i + 1].Cluster : 999;
            output[n++] = Hashing.Feature(60, c);
            output[n++] = Hashing.Feature(61, c, (ulong)(uint)(t.Shape & 1) | (i == 0 ? 2UL : 0UL));
            output[n++] = Hashing.Feature(62, c, p1);
            output[n++] = Hashing.Feature(63, c, cNext);
            output[n++] = Hashing.Feature(64, cPrev, c);
        }
        if (!lookahead.IsEmpty)
        {
            ulong a1 = i + 1 < lookahead.Length ? (ulong)lookahead[i + 1] : 99;
            ulong a2 = i + 2 < lookahead.Length ? (ulong)lookahead[i + 2] : 99;
            output[n++] = Hashing.Feature(50, a1);
            output[n++] = Hashing.Feature(51, a1, a2);
            output[n++] = Hashing.Feature(52, a1, t.Word);
            output[n++] = Hashing.Feature(53, a1, lex);
            output[n++] = Hashing.Feature(54, a1, p1);
            output[n++] = Hashing.Feature(55, (ulong)lookahead[i]);
        }
        if (!upos.IsEmpty)
        {
            ulong u = (ulong)upos[i];
            ulong uPrev = i > 0 ? (ulong)upos[i - 1] : 99;
            ulong uNext = i + 1 < upos.Length ? (ulong)upos[i + 1] : 99;
            output[n++] = Hashing.Feature(30, u);
            output[n++] = Hashing.Feature(31, u, t.Word);
            output[n++] = Hashing.Feature(32, u, t.Suffix3);
            output[n++] = Hashing.Feature(33, u, uPrev);
            output[n++] = Hashing.Feature(34, u, uNext);
            output[n++] = Hashing.Feature(35, u, lex);
            output[n++] = Hashing.Feature(36, u, p1);
            output[n++] = Hashing.Feature(37, u, nextWord);
            output[n++] = Hashing.Feature(38, u, prevWord);
        }

        return n;
    }
}
