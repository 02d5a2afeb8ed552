using System.Runtime.CompilerServices;

namespace Extraction.Morphology;

/// <summary>64-bit hashing of spans and feature templates, stable across runs and platforms.</summary>
internal static class Hashing
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>The state before any character.</summary>
    public const ulong Start = Offset;

    /// <summary>
    /// FNV-1a over the characters of <paramref name="text"/> from the last to the first, lower-cased when
    /// asked. Hashing from the end lets one pass yield the hashes of all suffixes (see <see cref="Step"/>).
    /// </summary>
    public static ulong Hash(ReadOnlySpan<char> text, bool lower)
    {
        ulong h = Offset;
        for (int i = text.Length - 1; i >= 0; i--)
        {
            char c = text[i];
            h = Step(h, lower ? ToLower(c) : c);
        }

        return Finish(h);
    }

    /// <summary>Adds one character (the one before those already hashed) to a hash state.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Step(ulong state, char c) => (state ^ c) * Prime;

    /// <summary>The hash of a state, as <see cref="Hash"/> returns it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Final(ulong state) => Finish(state);

    /// <summary>Lower-cases a character, with a fast path for ASCII.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char ToLower(char c) => c < 128 ? (c is >= 'A' and <= 'Z' ? (char)(c + 32) : c) : char.ToLowerInvariant(c);

    /// <summary>Upper-cases a character, with a fast path for ASCII.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char ToUpper(char c) => c < 128 ? (c is >= 'a' and <= 'z' ? (char)(c - 32) : c) : char.ToUpperInvariant(c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong a, ulong b)
    {
        ulong h = (a ^ (b + 0x9E3779B97F4A7C15UL + (a << 6) + (a >> 2))) * 0xBF58476D1CE4E5B9UL;
        return Finish(h);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Feature(int template, ulong value) => Mix(((ulong)template * 0x94D049BB133111EBUL) + 1, value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Feature(int template, ulong a, ulong b) => Mix(Feature(template, a), b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Finish(ulong h)
    {
        h ^= h >> 31;
        h *= 0x7FB5D329728EA185UL;
        h ^= h >> 27;
        return h;
    }
}

/// <summary>
/// An open-addressing table from 64-bit keys to non-negative ints; immutable after building. Key and value
/// sit side by side, so a lookup usually touches one cache line.
/// </summary>
internal sealed class HashIndex
{
    private readonly Entry[] _entries;
    private readonly int _mask;

    public HashIndex(IReadOnlyList<ulong> keys)
    {
        int capacity = 16;
        while (capacity < keys.Count * 2)
        {
            capacity <<= 1;
        }

        _entries = new Entry[capacity];
        _entries.AsSpan().Fill(new Entry(0, -1));
        _mask = capacity - 1;
        for (int i = 0; i < keys.Count; i++)
        {
            ulong key = keys[i];
            int slot = (int)(key & (ulong)_mask);
            while (_entries[slot].Value >= 0 && _entries[slot].Key != key)
            {
                slot = (slot + 1) & _mask;
            }

            _entries[slot] = new Entry(key, i);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(ulong key)
    {
        Entry[] entries = _entries;
        int slot = (int)(key & (ulong)_mask);
        while (true)
        {
            ref readonly Entry entry = ref entries[slot];
            if (entry.Value < 0 || entry.Key == key)
            {
                return entry.Value;
            }

            slot = (slot + 1) & _mask;
        }
    }

    private readonly record struct Entry(ulong Key, int Value);
}
