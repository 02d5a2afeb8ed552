using System.Numerics;
using System.Runtime.CompilerServices;

namespace Extraction.Ner;

/// <summary>
/// A read-only open-addressing map from non-zero 64-bit keys to integer values, built once at load
/// time. Lookups allocate nothing. Immutable and thread-safe after construction.
/// </summary>
internal sealed class HashIndex
{
    private readonly ulong[] _keys;
    private readonly int[] _values;
    private readonly int _mask;

    public HashIndex(ReadOnlySpan<ulong> keys, ReadOnlySpan<int> values)
    {
        int capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(4, keys.Length * 2));
        _keys = new ulong[capacity];
        _values = new int[capacity];
        _mask = capacity - 1;
        for (int i = 0; i < keys.Length; i++)
        {
            ulong key = keys[i] == 0 ? 1 : keys[i];
            int slot = (int)(key & (ulong)_mask);
            while (_keys[slot] != 0 && _keys[slot] != key)
            {
                slot = (slot + 1) & _mask;
            }

            _keys[slot] = key;
            _values[slot] = values[i];
        }

        Count = keys.Length;
    }

    public int Count { get; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetValue(ulong key, out int value)
    {
        if (key == 0)
        {
            key = 1;
        }

        ulong[] keys = _keys;
        int slot = (int)(key & (ulong)_mask);
        while (true)
        {
            ulong k = keys[slot];
            if (k == key)
            {
                value = _values[slot];
                return true;
            }

            if (k == 0)
            {
                value = 0;
                return false;
            }

            slot = (slot + 1) & _mask;
        }
    }
}
