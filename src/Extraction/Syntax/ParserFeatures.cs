using System.Runtime.CompilerServices;
using Extraction.Morphology;

namespace Extraction.Syntax;

/// <summary>
/// The parser's features: per-token atoms computed once per sentence (word, lemma, STTS, UPOS, suffix,
/// case, number and gender, word cluster), and the hashed templates over a configuration that the
/// transition and label models score. No strings are built and nothing is allocated.
/// </summary>
internal static class ParserFeatures
{
    /// <summary>The most features either template set writes.</summary>
    public const int MaxFeatures = 96;

    /// <summary>Fills the atoms of the tokens <paramref name="first"/> to <paramref name="first"/> + <paramref name="length"/> − 1 of a tagged document.</summary>
    public static void Describe(Document document, int first, int length, FormClassTable clusters, ParserState state)
    {
        string text = document.Text;
        string?[]? upos = document.UposArray;
        string?[]? stts = document.SttsArray;
        string?[]? lemmas = document.LemmaArray;
        string?[]? morph = document.MorphArray;
        for (int k = 0; k < length; k++)
        {
            int t = first + k;
            ReadOnlySpan<char> span = text.AsSpan(document.TokenStarts[t], document.TokenLengths[t]);
            ulong word = Hashing.Hash(span, lower: true);
            state.Word[k] = word;
            state.Cluster[k] = (ulong)clusters.Find(word) + 16;
            state.Suffix[k] = Hashing.Hash(span[Math.Max(0, span.Length - 3)..], lower: true);
            state.Tag[k] = Hashing.Hash(stts?[t], lower: false);
            state.Upos[k] = Hashing.Hash(upos?[t], lower: false);
            state.Lemma[k] = lemmas?[t] is { } lemma ? Hashing.Hash(lemma, lower: true) : word;
            (state.Case[k], state.NumberGender[k]) = MorphAtoms(morph?[t]);
        }
    }

    // "Case=Acc,Dat|Gender=Masc|Number=Sing" → hashes of "Acc,Dat" and of "Gender=Masc|Number=Sing".
    private static (ulong Case, ulong NumberGender) MorphAtoms(string? morph)
    {
        ReadOnlySpan<char> span = morph;
        if (!span.StartsWith("Case="))
        {
            return (Hashing.Hash(default, lower: false), Hashing.Hash(span, lower: false));
        }

        span = span[5..];
        int bar = span.IndexOf('|');
        return bar < 0
            ? (Hashing.Hash(span, lower: false), Hashing.Hash(default, lower: false))
            : (Hashing.Hash(span[..bar], lower: false), Hashing.Hash(span[(bar + 1)..], lower: false));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong F(int template, ulong a) => Hashing.Feature(template, a);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong F(int template, ulong a, ulong b) => Hashing.Feature(template, a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong F(int template, ulong a, ulong b, ulong c) => Hashing.Mix(Hashing.Feature(template, a, b), c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong F(int template, ulong a, ulong b, ulong c, ulong d) => Hashing.Mix(Hashing.Mix(Hashing.Feature(template, a, b), c), d);

    /// <summary>A distance as a small bucket: 1, 2, 3, 4, 5–6, 7–9, 10 and more (0 when a position is absent).</summary>
    private static ulong Distance(ParserState s, int a, int b)
    {
        if (a >= s.Length || b > s.Length)
        {
            return b == s.Root ? 9UL : 0UL;
        }

        int d = Math.Abs(b - a);
        return d <= 4 ? (ulong)d : d <= 6 ? 5UL : d <= 9 ? 6UL : 7UL;
    }

    private static ulong Valency(int count) => (ulong)Math.Min(count, 4);

    /// <summary>Writes the features of the transition decision in configuration <paramref name="s"/>; returns their number.</summary>
    public static int Actions(ParserState s, Span<ulong> f)
    {
        int s0 = s.S(0), s1 = s.S(1), s2 = s.S(2);
        int b0 = s.B(0), b1 = s.B(1), b2 = s.B(2);
        int s0l = s.Left1[s0], s0r = s.Right1[s0], s0l2 = s.Left2[s0], s0r2 = s.Right2[s0];
        int s1r = s.Right1[s1], s1l = s.Left1[s1];
        int b0l = s.Left1[b0], b0l2 = s.Left2[b0];
        ulong[] w = s.Word, t = s.Tag, c = s.Cluster, l = s.Lemma, k = s.Case;
        ulong s0wt = Hashing.Mix(w[s0], t[s0]), b0wt = Hashing.Mix(w[b0], t[b0]), s1wt = Hashing.Mix(w[s1], t[s1]);
        ulong d = Distance(s, s0, b0);
        ulong d1 = Distance(s, s1, s0);
        int n = 0;

        // Single positions.
        f[n++] = F(1, w[s0]);
        f[n++] = F(2, t[s0]);
        f[n++] = F(3, s0wt);
        f[n++] = F(4, l[s0]);
        f[n++] = F(5, w[b0]);
        f[n++] = F(6, t[b0]);
        f[n++] = F(7, b0wt);
        f[n++] = F(8, l[b0]);
        f[n++] = F(9, w[b1]);
        f[n++] = F(10, t[b1]);
        f[n++] = F(11, t[b2]);
        f[n++] = F(12, w[s1]);
        f[n++] = F(13, t[s1]);
        f[n++] = F(14, s1wt);
        f[n++] = F(15, t[s2]);
        f[n++] = F(16, c[s0]);
        f[n++] = F(17, c[b0]);
        f[n++] = F(18, c[b1]);
        f[n++] = F(19, c[s1]);
        f[n++] = F(20, s.Suffix[s0], t[s0]);
        f[n++] = F(21, s.Suffix[b0], t[b0]);

        // Pairs of stack top and buffer front, and of the two stack tops (the right-arc decision).
        f[n++] = F(30, s0wt, b0wt);
        f[n++] = F(31, s0wt, w[b0]);
        f[n++] = F(32, w[s0], b0wt);
        f[n++] = F(33, s0wt, t[b0]);
        f[n++] = F(34, t[s0], b0wt);
        f[n++] = F(35, w[s0], w[b0]);
        f[n++] = F(36, t[s0], t[b0]);
        f[n++] = F(37, s1wt, s0wt);
        f[n++] = F(38, t[s1], s0wt);
        f[n++] = F(39, s1wt, t[s0]);
        f[n++] = F(40, t[s1], t[s0]);
        f[n++] = F(41, l[s1], l[s0]);
        f[n++] = F(42, l[s0], t[b0]);
        f[n++] = F(43, t[s0], l[b0]);
        f[n++] = F(44, c[s0], c[b0]);
        f[n++] = F(45, c[s1], c[s0]);
        f[n++] = F(46, c[s0], t[b0]);
        f[n++] = F(47, t[s0], c[b0]);

        // Tag trigrams.
        f[n++] = F(50, t[b0], t[b1]);
        f[n++] = F(51, t[b0], t[b1], t[b2]);
        f[n++] = F(52, t[s0], t[b0], t[b1]);
        f[n++] = F(53, t[s1], t[s0], t[b0]);
        f[n++] = F(54, t[s2], t[s1], t[s0]);
        f[n++] = F(55, t[s0], t[s0l], t[b0]);
        f[n++] = F(56, t[s0], t[s0r], t[b0]);
        f[n++] = F(57, t[s0], t[b0], t[b0l]);
        f[n++] = F(58, t[s1], t[s1r], t[s0]);
        f[n++] = F(59, t[s1], t[s1l], t[s0]);
        f[n++] = F(60, t[s0], t[s0l], t[s0l2]);
        f[n++] = F(61, t[s0], t[s0r], t[s0r2]);
        f[n++] = F(62, t[b0], t[b0l], t[b0l2]);

        // Distance and valency.
        f[n++] = F(70, w[s0], d);
        f[n++] = F(71, t[s0], d);
        f[n++] = F(72, w[b0], d);
        f[n++] = F(73, t[b0], d);
        f[n++] = F(74, t[s0], t[b0], d);
        f[n++] = F(75, t[s1], t[s0], d1);
        f[n++] = F(76, s0wt, Valency(s.RightCount[s0]));
        f[n++] = F(77, s0wt, Valency(s.LeftCount[s0]));
        f[n++] = F(78, b0wt, Valency(s.LeftCount[b0]));
        f[n++] = F(79, t[s1], Valency(s.RightCount[s1]));

        // Children: words, tags and labels of the outermost dependents.
        f[n++] = F(80, w[s0l], t[s0l]);
        f[n++] = F(81, w[s0r], t[s0r]);
        f[n++] = F(82, w[b0l], t[b0l]);
        f[n++] = F(83, t[s0], s.LabelAtom(s0l), s.LabelAtom(s0r));
        f[n++] = F(84, t[b0], s.LabelAtom(b0l), s.LabelAtom(b0l2));
        f[n++] = F(85, s0wt, s.LabelAtom(s0l));
        f[n++] = F(86, s0wt, s.LabelAtom(s0r));
        f[n++] = F(87, b0wt, s.LabelAtom(b0l));
        f[n++] = F(88, t[s1], s.LabelAtom(s1r), t[s0]);
        f[n++] = F(89, t[s0], s.ChildLabels[s0], t[b0]);
        f[n++] = F(90, t[s1], s.ChildLabels[s1], t[s0]);
        f[n++] = F(91, t[b0], s.ChildLabels[b0], t[s0]);

        // Morphology: case with the neighbouring tags, agreement of number and gender.
        f[n++] = F(100, k[s0], t[s0], t[b0]);
        f[n++] = F(101, t[s0], k[b0], t[b0]);
        f[n++] = F(102, k[s0], t[s0], t[s1]);
        f[n++] = F(103, t[s0], k[s0], k[b0], t[b0]);
        f[n++] = F(104, s.NumberGender[s0], s.NumberGender[b0]);
        f[n++] = F(105, k[s0], l[s1]);
        f[n++] = F(106, k[s0], l[b0]);
        f[n++] = F(107, s.Upos[s0], s.Upos[b0], s.Upos[s1]);
        return n;
    }

    /// <summary>Writes the features of the label of an arc from <paramref name="head"/> to <paramref name="dependent"/>; returns their number.</summary>
    public static int Label(ParserState s, int head, int dependent, Span<ulong> f)
    {
        ulong[] w = s.Word, t = s.Tag, l = s.Lemma, k = s.Case, u = s.Upos;
        int h = head, dp = dependent;
        ulong dir = dp < h ? 1UL : 2UL;
        ulong d = Distance(s, Math.Min(h, dp), Math.Max(h, dp));
        int dl = s.Left1[dp], dr = s.Right1[dp], hl = s.Left1[h];
        ulong core = s.ChildLabels[h];
        int n = 0;
        f[n++] = F(200, w[dp], dir);
        f[n++] = F(201, t[dp], dir);
        f[n++] = F(202, l[dp]);
        f[n++] = F(203, u[dp], k[dp]);
        f[n++] = F(204, w[h]);
        f[n++] = F(205, t[h]);
        f[n++] = F(206, l[h]);
        f[n++] = F(207, t[h], t[dp], dir);
        f[n++] = F(208, l[h], t[dp]);
        f[n++] = F(209, t[h], w[dp]);
        f[n++] = F(210, l[h], l[dp]);
        f[n++] = F(211, t[dp], k[dp], t[h], dir);
        f[n++] = F(212, t[h], t[dp], d, dir);
        f[n++] = F(213, w[dl], t[dp]);
        f[n++] = F(214, s.LabelAtom(dl), t[dp]);
        f[n++] = F(215, u[h], u[dp], w[dl]);
        f[n++] = F(216, t[h], t[dp], core);
        f[n++] = F(217, u[h], k[dp], core, dir);
        f[n++] = F(218, s.Cluster[dp], t[h]);
        f[n++] = F(219, t[dp], s.Cluster[h]);
        f[n++] = F(220, w[dr], t[dp]);
        f[n++] = F(221, t[dr], t[dp], t[h]);
        f[n++] = F(222, w[hl], t[h], t[dp]);
        f[n++] = F(223, k[dp], s.NumberGender[dp], t[h]);
        f[n++] = F(224, s.Suffix[dp], t[dp], t[h]);
        f[n++] = F(225, l[dl], l[h]);
        f[n++] = F(226, t[dp], t[dp + 1 <= s.Length ? dp + 1 : s.None], t[h]);
        f[n++] = F(227, t[dp > 0 ? dp - 1 : s.None], t[dp], t[h]);
        return n;
    }
}
