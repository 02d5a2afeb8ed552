namespace Extraction.Ner;

/// <summary>What the lexicons compiled into a model know about a word form (bit flags).</summary>
[Flags]
internal enum LexiconFlags
{
    None = 0,

    /// <summary>A first name (exact form).</summary>
    FirstName = 1,

    /// <summary>A country name (exact form, single token or first token).</summary>
    Country = 2,

    /// <summary>A city name (exact form).</summary>
    City = 4,

    /// <summary>A state, province or region (exact form).</summary>
    Subdivision = 8,

    /// <summary>A full form of a known common noun (exact form).</summary>
    CommonNoun = 16,

    /// <summary>A full form of a known adjective (lower case).</summary>
    Adjective = 32,

    /// <summary>A stop word (lower case).</summary>
    Stopword = 64,

    /// <summary>A token of a multi-word place name (exact form).</summary>
    PlaceNamePart = 128,
}

/// <summary>
/// Word lists compiled into the model: a map from a word's hash to its <see cref="LexiconFlags"/> and
/// an optional word cluster. Looked up by the exact and the lower-cased form. Immutable and thread-safe.
/// </summary>
internal sealed class NerLexicon
{
    /// <summary>Flags that are looked up by the lower-cased form.</summary>
    public const LexiconFlags LowerCaseFlags = LexiconFlags.Adjective | LexiconFlags.Stopword;

    private readonly HashIndex _index;

    public NerLexicon(ulong[] keys, int[] values)
    {
        Keys = keys;
        Values = values;
        _index = new HashIndex(keys, values);
    }

    public static NerLexicon Empty { get; } = new([], []);

    /// <summary>The keys, as stored in the model file.</summary>
    public ulong[] Keys { get; }

    /// <summary>The values: flags in the low 8 bits, cluster + 1 above (0 = no cluster).</summary>
    public int[] Values { get; }

    public int Count => _index.Count;

    /// <summary>The longest phrase (in tokens) of the phrase gazetteer.</summary>
    public const int MaxPhraseLength = 4;

    private const ulong PhraseTemplate = 0x5048524153450001UL;

    /// <summary>The key of a phrase (a sequence of exact token hashes) in the phrase gazetteer.</summary>
    public static ulong PhraseKey(ReadOnlySpan<ulong> words)
    {
        ulong hash = FeatureHash.Seed;
        foreach (ulong word in words)
        {
            hash = FeatureHash.Mix(hash ^ word) + 0x9E3779B97F4A7C15UL;
        }

        return FeatureHash.Feature(PhraseTemplate, hash + (ulong)words.Length);
    }

    private const ulong TokenTemplate = 0x544F4B454E000001UL;

    /// <summary>The key of a single word form in the token gazetteer compiled from the training data.</summary>
    public static ulong TokenKey(ulong word) => FeatureHash.Feature(TokenTemplate, word);

    /// <summary>
    /// Looks up a phrase in the gazetteer compiled from the training data: the value holds the label
    /// seen most often for it + 1 in the low byte and a reliability bucket above; 0 when unknown.
    /// </summary>
    public int LookupPhrase(ulong phraseKey) => _index.TryGetValue(phraseKey, out int value) ? value : 0;

    /// <summary>Looks up a token by its exact and lower-case hashes.</summary>
    public void Lookup(ulong exact, ulong lower, out LexiconFlags flags, out int cluster)
    {
        int value = 0;
        if (_index.TryGetValue(exact, out int v))
        {
            value = v;
        }

        if (lower != exact && _index.TryGetValue(lower, out int w))
        {
            value |= w & (int)LowerCaseFlags;
            if ((value >> 8) == 0)
            {
                value |= w & ~0xFF;
            }
        }

        flags = (LexiconFlags)(value & 0xFF);
        cluster = (value >> 8) - 1;
    }
}
