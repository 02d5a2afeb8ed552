using System.Runtime.CompilerServices;
using Extraction.Tokenization;

namespace Extraction.Ner;

/// <summary>
/// A fast non-cryptographic 64-bit hash for features: FNV-1a over UTF-16 code units with a
/// SplitMix64 finaliser. Invisible characters (soft hyphen, zero-width joiners) are skipped, so a
/// token hashes the same with or without them. Stable across processes and platforms (it is part of
/// the model format).
/// </summary>
internal static class FeatureHash
{
    public const ulong Seed = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Add(ulong hash, char c) => (hash ^ c) * Prime;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char Lower(char c)
    {
        if (c < 128)
        {
            return c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
        }

        return char.ToLowerInvariant(c);
    }

    /// <summary>The hash of a string exactly as written (minus invisible characters).</summary>
    public static ulong Exact(ReadOnlySpan<char> text)
    {
        ulong hash = Seed;
        foreach (char c in text)
        {
            if (!CharClasses.IsInvisible(c))
            {
                hash = Add(hash, c);
            }
        }

        return Mix(hash);
    }

    /// <summary>The hash of a string in lower case.</summary>
    public static ulong Lowered(ReadOnlySpan<char> text)
    {
        ulong hash = Seed;
        foreach (char c in text)
        {
            if (!CharClasses.IsInvisible(c))
            {
                hash = Add(hash, Lower(c));
            }
        }

        return Mix(hash);
    }

    /// <summary>SplitMix64 finaliser.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong x)
    {
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        x ^= x >> 31;
        return x;
    }

    /// <summary>Combines a template id with a value into a feature key (never 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Feature(ulong template, ulong value)
    {
        ulong key = Mix(value + (template * 0x9E3779B97F4A7C15UL));
        return key == 0 ? 1 : key;
    }

    /// <summary>Combines a template id with two values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Feature(ulong template, ulong a, ulong b) => Feature(template, Mix(a ^ (b * 0xC2B2AE3D27D4EB4FUL)));

    /// <summary>Combines a template id with three values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Feature(ulong template, ulong a, ulong b, ulong c) => Feature(template, Mix(a ^ (b * 0xC2B2AE3D27D4EB4FUL)), c);
}
