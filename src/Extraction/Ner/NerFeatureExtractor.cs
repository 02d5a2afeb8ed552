using System.Buffers;
using System.Runtime.CompilerServices;
using Extraction.Tokenization;

namespace Extraction.Ner;

/// <summary>Optional feature groups (stored in the model so that training and tagging agree).</summary>
[Flags]
internal enum NerFeatureOptions
{
    None = 0,

    /// <summary>Matches of the phrase gazetteer compiled from the training data.</summary>
    Phrases = 8,

    /// <summary>Character 4-grams of longer words (compound parts).</summary>
    CharNGrams = 1,

    /// <summary>Word clusters from the lexicon (reserved: no clusters are compiled yet, so not in the default set).</summary>
    Clusters = 2,

    /// <summary>Conjunctions of neighbouring words with shapes and capitalisation.</summary>
    Conjunctions = 4,

    /// <summary>Runs of capitalised words: run length and position in the run (not in the default set: no dev gain).</summary>
    CapRuns = 16,

    /// <summary>Compounds that start with a known place, country or first name (<c>Deutschlandreise</c>); not in the default set (no dev gain).</summary>
    CompoundPrefixes = 32,

    /// <summary>The default set.</summary>
    Default = CharNGrams | Conjunctions | Phrases,
}

/// <summary>
/// Turns the tokens of one sentence into hashed features: for each token at most
/// <see cref="MaxFeaturesPerToken"/> 64-bit keys. Works on spans of the document text and allocates
/// nothing per token (scratch comes from <see cref="ArrayPool{T}"/>). Immutable and thread-safe.
/// The same code runs in training and tagging, so changing it changes the model format: bump
/// <see cref="Version"/>.
/// </summary>
internal sealed class NerFeatureExtractor
{
    /// <summary>The version of the feature templates; stored in the model.</summary>
    public const int Version = 1;

    public const int MaxFeaturesPerToken = 136;

    private const int MaxPhraseFeatures = 4;

    private const int MaxAffix = 5;
    private const int MaxNGrams = 12;

    // Template ids. Never renumber (they are part of the model format).
    private const ulong TBias = 1, TWord = 2, TLower = 3, TLowerM1 = 4, TLowerP1 = 5, TLowerM2 = 6, TLowerP2 = 7;
    private const ulong TBigramM1 = 8, TBigramP1 = 9, TPrefix = 10, TSuffix = 11, TSuffixM1 = 12, TSuffixP1 = 13;
    private const ulong TShape = 14, TShapeM1 = 15, TShapeP1 = 16, TShapeM1_0 = 17, TShape0_P1 = 18, TShapeTri = 19;
    private const ulong TFirst = 20, TLast = 21, TCapPattern = 22, TFlag = 23, TFlagM1 = 24, TFlagP1 = 25;
    private const ulong TNotNoun = 26, TNotNounPattern = 27, THyphenFirst = 28, THyphenLast = 29, THyphenFlag = 30;
    private const ulong THyphenLastSuffix = 31, TNGram = 32, TLowerM1Shape = 33, TShapeLowerP1 = 34, TLength = 35;
    private const ulong TCluster = 36, TClusterM1 = 37, TClusterP1 = 38, TWordFirst = 39, TLowerM1NotNoun = 40;
    private const ulong TTruncated = 41, TKind = 42, TFlagM2 = 43, TFlagP2 = 44, TClusterPair = 45;
    private const ulong TCapRun = 56, TCapRunWord = 57, TCompoundPrefix = 58, TCompoundPrefixGaz = 59;
    private const LexiconFlags NameFlags = LexiconFlags.Country | LexiconFlags.City | LexiconFlags.Subdivision | LexiconFlags.FirstName;
    private const ulong TPhrase = 51, TPhraseLast = 52, TTokenGaz = 53, TTokenGazM1 = 54, TTokenGazP1 = 55;
    private const ulong TInQuote = 46, THyphenFirstShape = 47, TSkipGram = 48, TLowerM3 = 49, TLowerP3 = 50;

    /// <summary>The key of the bias feature, present on every token.</summary>
    public static readonly ulong BiasKey = FeatureHash.Feature(TBias, 0);

    private static readonly ulong Boundary = FeatureHash.Exact("<S>");
    private static readonly ulong EndBoundary = FeatureHash.Exact("</S>");

    private readonly NerLexicon _lexicon;

    public NerFeatureExtractor(NerLexicon lexicon, NerFeatureOptions options)
    {
        _lexicon = lexicon;
        Options = options;
    }

    public NerFeatureOptions Options { get; }

    private struct TokenInfo
    {
        public ulong Word;
        public ulong Lower;
        public ulong Shape;
        public ulong Suffix3;
        public LexiconFlags Flags;
        public int Cluster;
        public bool Cap;
        public bool NotNoun;
        public bool InQuote;
        public int Gazetteer;
        public byte RunLength;
        public byte RunPosition;
        public TokenKind Kind;
    }

    /// <summary>
    /// Extracts the features of one sentence. Token <c>i</c>'s features go to
    /// <c>features[i * MaxFeaturesPerToken ..]</c>, their number to <c>counts[i]</c>.
    /// </summary>
    /// <param name="text">The document text.</param>
    /// <param name="starts">The tokens' start offsets.</param>
    /// <param name="lengths">The tokens' lengths.</param>
    /// <param name="kinds">The tokens' kinds.</param>
    /// <param name="features">At least <c>n * MaxFeaturesPerToken</c> keys.</param>
    /// <param name="counts">At least <c>n</c> counts.</param>
    public void Extract(string text, ReadOnlySpan<int> starts, ReadOnlySpan<int> lengths, ReadOnlySpan<TokenKind> kinds, Span<ulong> features, Span<int> counts)
    {
        int n = starts.Length;
        TokenInfo[] infos = ArrayPool<TokenInfo>.Shared.Rent(n);
        try
        {
            for (int i = 0; i < n; i++)
            {
                infos[i] = Describe(text.AsSpan(starts[i], lengths[i]), kinds[i], i == 0);
            }

            MarkQuotes(text, starts, lengths, infos.AsSpan(0, n));
            if ((Options & NerFeatureOptions.CapRuns) != 0)
            {
                MarkCapRuns(infos.AsSpan(0, n));
            }

            for (int i = 0; i < n; i++)
            {
                Span<ulong> f = features.Slice(i * MaxFeaturesPerToken, MaxFeaturesPerToken);
                counts[i] = ExtractToken(text.AsSpan(starts[i], lengths[i]), infos.AsSpan(0, n), i, f);
            }

            if ((Options & NerFeatureOptions.Phrases) != 0)
            {
                AddPhraseFeatures(infos.AsSpan(0, n), features, counts);
            }
        }
        finally
        {
            ArrayPool<TokenInfo>.Shared.Return(infos);
        }
    }

    private TokenInfo Describe(ReadOnlySpan<char> token, TokenKind kind, bool sentenceStart)
    {
        var info = default(TokenInfo);
        ulong exact = FeatureHash.Seed;
        ulong lower = FeatureHash.Seed;
        ulong shape = FeatureHash.Seed;
        char lastClass = '\0';
        int shapeRun = 0;
        bool hasUpper = false;
        bool first = true;
        foreach (char c in token)
        {
            if (CharClasses.IsInvisible(c))
            {
                continue;
            }

            exact = FeatureHash.Add(exact, c);
            lower = FeatureHash.Add(lower, FeatureHash.Lower(c));
            char cls = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : c;
            if (first)
            {
                info.Cap = cls == 'X';
                first = false;
            }

            hasUpper |= cls == 'X';
            if (cls == lastClass)
            {
                shapeRun++;
            }
            else
            {
                shapeRun = 1;
                lastClass = cls;
            }

            if (shapeRun <= 2)
            {
                shape = FeatureHash.Add(shape, cls);
            }
        }

        info.Word = FeatureHash.Mix(exact);
        info.Lower = FeatureHash.Mix(lower);
        info.Shape = FeatureHash.Mix(shape);
        info.Kind = kind;
        _lexicon.Lookup(info.Word, info.Lower, out info.Flags, out info.Cluster);
        if ((Options & NerFeatureOptions.Clusters) == 0)
        {
            info.Cluster = -1;
        }

        info.Suffix3 = SuffixHash(token, 3);
        if ((Options & NerFeatureOptions.Phrases) != 0)
        {
            info.Gazetteer = _lexicon.LookupPhrase(NerLexicon.TokenKey(info.Word));
        }

        info.NotNoun = info.Cap && kind == TokenKind.Word && (info.Flags & LexiconFlags.CommonNoun) == 0;
        _ = sentenceStart;
        _ = hasUpper;
        return info;
    }

    /// <summary>Adds features for every span that matches the phrase gazetteer (label, position in the match, reliability).</summary>
    private void AddPhraseFeatures(ReadOnlySpan<TokenInfo> infos, Span<ulong> features, Span<int> counts)
    {
        int n = infos.Length;
        Span<ulong> words = stackalloc ulong[NerLexicon.MaxPhraseLength];
        Span<int> added = n <= 256 ? stackalloc int[n] : new int[n];
        added.Clear();
        for (int i = 0; i < n; i++)
        {
            // Every token of a gazetteer phrase is in the token gazetteer (both come from the same
            // entity mentions), so a span stops at the first token that is not.
            for (int length = 1; length <= NerLexicon.MaxPhraseLength && i + length <= n && infos[i + length - 1].Gazetteer != 0; length++)
            {
                words[length - 1] = infos[i + length - 1].Word;
                int value = _lexicon.LookupPhrase(NerLexicon.PhraseKey(words[..length]));
                if (value == 0)
                {
                    continue;
                }

                for (int j = i; j < i + length; j++)
                {
                    if (added[j] >= MaxPhraseFeatures)
                    {
                        continue;
                    }

                    ulong position = j == i ? 0UL : j == i + length - 1 ? 2UL : 1UL;
                    features[(j * MaxFeaturesPerToken) + counts[j]++] = FeatureHash.Feature(TPhrase, (ulong)value, position, (ulong)Math.Min(length, 3));
                    if (j == i)
                    {
                        features[(j * MaxFeaturesPerToken) + counts[j]++] = FeatureHash.Feature(TPhraseLast, (ulong)(value & 0xFF), (ulong)length);
                    }

                    added[j]++;
                }
            }
        }
    }

    /// <summary>Marks runs of capitalised words (not counting the sentence's first word alone).</summary>
    private static void MarkCapRuns(Span<TokenInfo> infos)
    {
        int i = 0;
        while (i < infos.Length)
        {
            if (!(infos[i].Cap && infos[i].Kind == TokenKind.Word))
            {
                i++;
                continue;
            }

            int start = i;
            while (i < infos.Length && infos[i].Cap && infos[i].Kind == TokenKind.Word)
            {
                i++;
            }

            int length = i - start;
            for (int j = start; j < i; j++)
            {
                infos[j].RunLength = (byte)Math.Min(length, 4);
                infos[j].RunPosition = (byte)(length == 1 ? 0 : j == start ? 1 : j == i - 1 ? 3 : 2);
            }
        }
    }

    /// <summary>Marks tokens between quotation marks (titles of works, names of events are often quoted).</summary>
    private static void MarkQuotes(string text, ReadOnlySpan<int> starts, ReadOnlySpan<int> lengths, Span<TokenInfo> infos)
    {
        bool inside = false;
        for (int i = 0; i < infos.Length; i++)
        {
            if (lengths[i] == 1)
            {
                char c = text[starts[i]];
                if (c is '"' or '\u201C')
                {
                    inside = !inside;
                    continue;
                }

                if (c is '\u201E' or '\u00BB')
                {
                    inside = true;
                    continue;
                }

                if (c is '\u201D' or '\u00AB')
                {
                    inside = false;
                    continue;
                }
            }

            infos[i].InQuote = inside;
        }
    }

    private static ulong SuffixHash(ReadOnlySpan<char> token, int length)
    {
        ulong hash = FeatureHash.Seed;
        int taken = 0;
        for (int i = token.Length - 1; i >= 0 && taken < length; i--)
        {
            char c = token[i];
            if (CharClasses.IsInvisible(c))
            {
                continue;
            }

            hash = FeatureHash.Add(hash, FeatureHash.Lower(c));
            taken++;
        }

        return FeatureHash.Mix(hash + (ulong)taken);
    }

    private int ExtractToken(ReadOnlySpan<char> token, ReadOnlySpan<TokenInfo> infos, int i, Span<ulong> f)
    {
        int n = infos.Length;
        int k = 0;
        ref readonly TokenInfo t = ref infos[i];
        ulong lowerM1 = i > 0 ? infos[i - 1].Lower : Boundary;
        ulong lowerM2 = i > 1 ? infos[i - 2].Lower : Boundary;
        ulong lowerP1 = i + 1 < n ? infos[i + 1].Lower : EndBoundary;
        ulong lowerP2 = i + 2 < n ? infos[i + 2].Lower : EndBoundary;
        ulong shapeM1 = i > 0 ? infos[i - 1].Shape : Boundary;
        ulong shapeP1 = i + 1 < n ? infos[i + 1].Shape : EndBoundary;
        ulong capM1 = i > 0 ? (infos[i - 1].Cap ? 1UL : 0UL) + (infos[i - 1].NotNoun ? 2UL : 0UL) : 7;
        ulong capP1 = i + 1 < n ? (infos[i + 1].Cap ? 1UL : 0UL) + (infos[i + 1].NotNoun ? 2UL : 0UL) : 8;
        ulong cap0 = (t.Cap ? 1UL : 0UL) + (t.NotNoun ? 2UL : 0UL);
        bool first = i == 0;

        f[k++] = FeatureHash.Feature(TBias, 0);
        f[k++] = FeatureHash.Feature(TWord, t.Word);
        f[k++] = FeatureHash.Feature(TLower, t.Lower);
        f[k++] = FeatureHash.Feature(TLowerM1, lowerM1);
        f[k++] = FeatureHash.Feature(TLowerP1, lowerP1);
        f[k++] = FeatureHash.Feature(TLowerM2, lowerM2);
        f[k++] = FeatureHash.Feature(TLowerP2, lowerP2);
        f[k++] = FeatureHash.Feature(TBigramM1, lowerM1, t.Lower);
        f[k++] = FeatureHash.Feature(TBigramP1, t.Lower, lowerP1);
        f[k++] = FeatureHash.Feature(TKind, (ulong)t.Kind);
        f[k++] = FeatureHash.Feature(TLength, (ulong)Math.Min(token.Length, 12));

        // Prefixes and suffixes up to 5, lower-cased.
        {
            ulong hash = FeatureHash.Seed;
            int taken = 0;
            for (int j = 0; j < token.Length && taken < MaxAffix; j++)
            {
                char c = token[j];
                if (CharClasses.IsInvisible(c))
                {
                    continue;
                }

                hash = FeatureHash.Add(hash, FeatureHash.Lower(c));
                taken++;
                if (taken < token.Length)
                {
                    f[k++] = FeatureHash.Feature(TPrefix, hash + (ulong)taken);
                }
            }

            hash = FeatureHash.Seed;
            taken = 0;
            for (int j = token.Length - 1; j >= 0 && taken < MaxAffix; j--)
            {
                char c = token[j];
                if (CharClasses.IsInvisible(c))
                {
                    continue;
                }

                hash = FeatureHash.Add(hash, FeatureHash.Lower(c));
                taken++;
                if (taken < token.Length)
                {
                    f[k++] = FeatureHash.Feature(TSuffix, hash + (ulong)taken);
                }
            }
        }

        f[k++] = FeatureHash.Feature(TSuffixM1, i > 0 ? infos[i - 1].Suffix3 : Boundary);
        f[k++] = FeatureHash.Feature(TSuffixP1, i + 1 < n ? infos[i + 1].Suffix3 : EndBoundary);

        // Shapes in context.
        f[k++] = FeatureHash.Feature(TShape, t.Shape);
        f[k++] = FeatureHash.Feature(TShapeM1, shapeM1);
        f[k++] = FeatureHash.Feature(TShapeP1, shapeP1);
        f[k++] = FeatureHash.Feature(TShapeM1_0, shapeM1, t.Shape);
        f[k++] = FeatureHash.Feature(TShape0_P1, t.Shape, shapeP1);
        f[k++] = FeatureHash.Feature(TShapeTri, shapeM1, t.Shape, shapeP1);

        // Sentence position and capitalisation in context (German capitalises every noun).
        if (first)
        {
            f[k++] = FeatureHash.Feature(TFirst, cap0);
            f[k++] = FeatureHash.Feature(TWordFirst, t.Lower);
        }

        if (i == n - 1)
        {
            f[k++] = FeatureHash.Feature(TLast, cap0);
        }

        f[k++] = FeatureHash.Feature(TCapPattern, capM1, cap0, capP1);
        if (t.NotNoun)
        {
            f[k++] = FeatureHash.Feature(TNotNoun, first ? 1UL : 0UL);
            f[k++] = FeatureHash.Feature(TNotNounPattern, capM1, capP1);
            f[k++] = FeatureHash.Feature(TLowerM1NotNoun, lowerM1);
        }

        // Lexicon flags for the token and its neighbours.
        k = AddFlags(f, k, TFlag, t.Flags, first ? 1UL : 0UL);
        if (i > 0)
        {
            k = AddFlags(f, k, TFlagM1, infos[i - 1].Flags, 0);
        }

        if (i + 1 < n)
        {
            k = AddFlags(f, k, TFlagP1, infos[i + 1].Flags, 0);
        }

        if (i > 1)
        {
            k = AddFlags(f, k, TFlagM2, infos[i - 2].Flags & ~(LexiconFlags.Adjective | LexiconFlags.CommonNoun), 0);
        }

        if (i + 2 < n)
        {
            k = AddFlags(f, k, TFlagP2, infos[i + 2].Flags & ~(LexiconFlags.Adjective | LexiconFlags.CommonNoun), 0);
        }

        // Hyphen compounds: first and last part, their lexicon flags.
        int hyphen = IndexOfHyphen(token);
        if (hyphen >= 0)
        {
            if (hyphen == token.Length - 1)
            {
                f[k++] = FeatureHash.Feature(TTruncated, 0);
            }
            else
            {
                int last = LastIndexOfHyphen(token);
                ReadOnlySpan<char> firstPart = token[..hyphen];
                ReadOnlySpan<char> lastPart = token[(last + 1)..];
                if (!firstPart.IsEmpty)
                {
                    ulong fe = FeatureHash.Exact(firstPart);
                    ulong fl = FeatureHash.Lowered(firstPart);
                    f[k++] = FeatureHash.Feature(THyphenFirst, fl);
                    f[k++] = FeatureHash.Feature(THyphenFirstShape, ShapeHash(firstPart));
                    _lexicon.Lookup(fe, fl, out LexiconFlags pf, out _);
                    k = AddFlags(f, k, THyphenFlag, pf, 1);
                }

                if (!lastPart.IsEmpty)
                {
                    ulong le = FeatureHash.Exact(lastPart);
                    ulong ll = FeatureHash.Lowered(lastPart);
                    f[k++] = FeatureHash.Feature(THyphenLast, ll);
                    f[k++] = FeatureHash.Feature(THyphenLastSuffix, SuffixHash(lastPart, 3));
                    _lexicon.Lookup(le, ll, out LexiconFlags lf, out _);
                    k = AddFlags(f, k, THyphenFlag, lf, 2);
                }
            }
        }

        if ((Options & NerFeatureOptions.Phrases) != 0)
        {
            if (t.Gazetteer != 0)
            {
                f[k++] = FeatureHash.Feature(TTokenGaz, (ulong)t.Gazetteer, cap0);
            }

            if (i > 0 && infos[i - 1].Gazetteer != 0)
            {
                f[k++] = FeatureHash.Feature(TTokenGazM1, (ulong)infos[i - 1].Gazetteer);
            }

            if (i + 1 < n && infos[i + 1].Gazetteer != 0)
            {
                f[k++] = FeatureHash.Feature(TTokenGazP1, (ulong)infos[i + 1].Gazetteer);
            }
        }

        if ((Options & NerFeatureOptions.CompoundPrefixes) != 0 && t.Cap && t.Kind == TokenKind.Word && token.Length >= 7 && hyphen < 0)
        {
            k = AddCompoundPrefix(token, f, k);
        }

        if ((Options & NerFeatureOptions.CapRuns) != 0 && t.RunLength > 0)
        {
            f[k++] = FeatureHash.Feature(TCapRun, t.RunLength, t.RunPosition, t.NotNoun ? 1UL : 0UL);
            f[k++] = FeatureHash.Feature(TCapRunWord, t.Lower, t.RunPosition);
        }

        if (t.InQuote)
        {
            f[k++] = FeatureHash.Feature(TInQuote, cap0, i > 0 && infos[i - 1].Kind == TokenKind.Punctuation ? 1UL : 0UL);
        }

        if ((Options & NerFeatureOptions.Conjunctions) != 0)
        {
            f[k++] = FeatureHash.Feature(TSkipGram, lowerM1, lowerP1);
            f[k++] = FeatureHash.Feature(TLowerM3, i > 2 ? infos[i - 3].Lower : Boundary);
            f[k++] = FeatureHash.Feature(TLowerP3, i + 3 < n ? infos[i + 3].Lower : EndBoundary);
            f[k++] = FeatureHash.Feature(TLowerM1Shape, lowerM1, t.Shape);
            f[k++] = FeatureHash.Feature(TShapeLowerP1, t.Shape, lowerP1);
        }

        if ((Options & NerFeatureOptions.Clusters) != 0)
        {
            ulong c0 = (ulong)(t.Cluster + 1);
            ulong cm1 = i > 0 ? (ulong)(infos[i - 1].Cluster + 1) : 100000;
            ulong cp1 = i + 1 < n ? (ulong)(infos[i + 1].Cluster + 1) : 100001;
            f[k++] = FeatureHash.Feature(TCluster, c0);
            f[k++] = FeatureHash.Feature(TClusterM1, cm1);
            f[k++] = FeatureHash.Feature(TClusterP1, cp1);
            f[k++] = FeatureHash.Feature(TClusterPair, cm1, c0);
        }

        if ((Options & NerFeatureOptions.CharNGrams) != 0 && token.Length >= 6 && t.Kind == TokenKind.Word)
        {
            // Lower-cased 4-grams inside the word, with begin/end markers, at most MaxNGrams.
            int count = 0;
            for (int j = -1; j + 4 <= token.Length + 1 && count < MaxNGrams; j++)
            {
                ulong hash = FeatureHash.Seed;
                for (int m = j; m < j + 4; m++)
                {
                    char c = m < 0 ? '^' : m >= token.Length ? '$' : FeatureHash.Lower(token[m]);
                    hash = FeatureHash.Add(hash, c);
                }

                f[k++] = FeatureHash.Feature(TNGram, hash);
                count++;
            }
        }

        return k;
    }

    private static ulong ShapeHash(ReadOnlySpan<char> part)
    {
        ulong hash = FeatureHash.Seed;
        char last = '\0';
        foreach (char c in part)
        {
            char cls = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : c;
            if (cls != last)
            {
                hash = FeatureHash.Add(hash, cls);
                last = cls;
            }
        }

        return FeatureHash.Mix(hash);
    }

    /// <summary>
    /// Finds the longest prefix (at least 4 letters, leaving at least 3) that is a known name or an
    /// entity word of the training gazetteer, and whether the rest is a known noun.
    /// </summary>
    private int AddCompoundPrefix(ReadOnlySpan<char> token, Span<ulong> f, int k)
    {
        ulong prefix = FeatureHash.Seed;
        int found = -1;
        LexiconFlags foundFlags = LexiconFlags.None;
        int foundGazetteer = 0;
        for (int p = 0; p < token.Length - 3; p++)
        {
            prefix = FeatureHash.Add(prefix, token[p]);
            if (p + 1 < 4)
            {
                continue;
            }

            ulong key = FeatureHash.Mix(prefix);
            _lexicon.Lookup(key, key, out LexiconFlags flags, out _);
            int gazetteer = (Options & NerFeatureOptions.Phrases) != 0 ? _lexicon.LookupPhrase(NerLexicon.TokenKey(key)) : 0;
            if ((flags & NameFlags) != 0 || gazetteer != 0)
            {
                found = p + 1;
                foundFlags = flags & NameFlags;
                foundGazetteer = gazetteer & 0xFF;
            }
        }

        if (found < 0)
        {
            return k;
        }

        // The rest with a capital first letter, as a noun would be written alone.
        ReadOnlySpan<char> rest = token[found..];
        ulong hash = FeatureHash.Add(FeatureHash.Seed, char.ToUpperInvariant(rest[0]));
        for (int j = 1; j < rest.Length; j++)
        {
            hash = FeatureHash.Add(hash, rest[j]);
        }

        ulong restKey = FeatureHash.Mix(hash);
        _lexicon.Lookup(restKey, restKey, out LexiconFlags restFlags, out _);
        ulong restIsNoun = (restFlags & LexiconFlags.CommonNoun) != 0 ? 1UL : 0UL;
        if (foundFlags != LexiconFlags.None)
        {
            f[k++] = FeatureHash.Feature(TCompoundPrefix, (ulong)foundFlags, restIsNoun);
        }

        if (foundGazetteer != 0)
        {
            f[k++] = FeatureHash.Feature(TCompoundPrefixGaz, (ulong)foundGazetteer, restIsNoun);
        }

        return k;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int AddFlags(Span<ulong> f, int k, ulong template, LexiconFlags flags, ulong context)
    {
        int bits = (int)flags;
        while (bits != 0)
        {
            int bit = System.Numerics.BitOperations.TrailingZeroCount(bits);
            bits &= bits - 1;
            f[k++] = FeatureHash.Feature(template, (ulong)bit, context);
        }

        return k;
    }

    private static int IndexOfHyphen(ReadOnlySpan<char> token)
    {
        for (int i = 0; i < token.Length; i++)
        {
            if (CharClasses.IsHyphen(token[i]) && i > 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static int LastIndexOfHyphen(ReadOnlySpan<char> token)
    {
        for (int i = token.Length - 1; i > 0; i--)
        {
            if (CharClasses.IsHyphen(token[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
