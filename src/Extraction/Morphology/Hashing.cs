using System.Runtime.CompilerServices;

namespace Extraction.Morphology;

/// <summary>64-bit hashing of spans and feature templates, stable across runs and platforms.</summary>
internal static class Hashing
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>FNV-1a over the characters of <paramref name="text"/>, lower-cased when asked.</summary>
    public static ulong Hash(ReadOnlySpan<char> text, bool lower)
    {
        ulong h = Offset;
        foreach (char c in text)
        {
            char x = lower ? char.ToLowerInvariant(c) : c;
            h = (h ^ x) * Prime;
        }

        return Finish(h);
    }

    /// <summary>Hashes of the last 1, 2, 3 and 4 characters, lower-cased, in one pass from the end.</summary>
    public static void Suffixes(ReadOnlySpan<char> text, out ulong s1, out ulong s2, out ulong s3, out ulong s4)
    {
        ulong h = Offset ^ 0x51;
        s1 = s2 = s3 = s4 = 0;
        int n = Math.Min(4, text.Length);
        for (int i = 1; i <= 4; i++)
        {
            if (i <= n)
            {
                h = (h ^ char.ToLowerInvariant(text[^i])) * Prime;
            }

            ulong value = Finish(h);
            switch (i)
            {
                case 1: s1 = value; break;
                case 2: s2 = value; break;
                case 3: s3 = value; break;
                default: s4 = value; break;
            }
        }
    }

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

/// <summary>An open-addressing table from 64-bit keys to non-negative ints; immutable after building.</summary>
internal sealed class HashIndex
{
    private readonly ulong[] _keys;
    private readonly int[] _values;
    private readonly int _mask;

    public HashIndex(IReadOnlyList<ulong> keys)
    {
        int capacity = 16;
        while (capacity < keys.Count * 2)
        {
            capacity <<= 1;
        }

        _keys = new ulong[capacity];
        _values = new int[capacity];
        _values.AsSpan().Fill(-1);
        _mask = capacity - 1;
        for (int i = 0; i < keys.Count; i++)
        {
            ulong key = keys[i];
            int slot = (int)(key & (ulong)_mask);
            while (_values[slot] >= 0 && _keys[slot] != key)
            {
                slot = (slot + 1) & _mask;
            }

            _keys[slot] = key;
            _values[slot] = i;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(ulong key)
    {
        int slot = (int)(key & (ulong)_mask);
        while (true)
        {
            int value = _values[slot];
            if (value < 0 || _keys[slot] == key)
            {
                return value;
            }

            slot = (slot + 1) & _mask;
        }
    }
}
