namespace Extraction.Pipeline;

/// <summary>
/// Per-thread cache of the short strings that components keep per token (word forms and their lower-case
/// forms): a word seen before on this thread is the same string again, so a document does not allocate one
/// string per token. Direct-mapped (one slot per hash, a collision replaces the slot), so a lookup is one
/// hash and one comparison; it holds only immutable strings, so sharing them between documents is safe.
/// </summary>
internal static class StringPool
{
    private const int Slots = 1 << 14;
    private const int MaxPooledLength = 48;

    [ThreadStatic]
    private static string?[]? t_slots;

    /// <summary>The pooled string with the characters of <paramref name="text"/>.</summary>
    public static string Get(ReadOnlySpan<char> text)
    {
        if (text.Length > MaxPooledLength || text.IsEmpty)
        {
            return text.ToString();
        }

        string?[] slots = t_slots ??= new string?[Slots];
        uint hash = 2166136261;
        foreach (char c in text)
        {
            hash = (hash ^ c) * 16777619;
        }

        ref string? slot = ref slots[(int)(hash & (Slots - 1))];
        if (slot is not null && text.SequenceEqual(slot))
        {
            return slot;
        }

        slot = text.ToString();
        return slot;
    }

    /// <summary>The lower-case (invariant) form of <paramref name="text"/>: the string itself when lower-casing changes nothing, else pooled.</summary>
    public static string GetLower(string text) => ChangesWhenLowered(text) ? GetLower(text.AsSpan()) : text;

    /// <summary>The pooled lower-case (invariant) form of <paramref name="text"/>.</summary>
    public static string GetLower(ReadOnlySpan<char> text)
    {
        if (text.Length > MaxPooledLength)
        {
            return text.ToString().ToLowerInvariant();
        }

        Span<char> lower = stackalloc char[text.Length];
        text.ToLowerInvariant(lower);
        return Get(lower);
    }

    // Whether ToLowerInvariant may change the text: a character that lowers to another (titlecase letters such as
    // 'ǅ' are not IsUpper but do change), or a surrogate, whose pair is lowered as one code point.
    private static bool ChangesWhenLowered(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (char.ToLowerInvariant(c) != c || char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }
}
