using System.Numerics;
using System.Runtime.CompilerServices;

namespace Extraction.Ner;

/// <summary>
/// A read-only open-addressing map from non-zero 64-bit keys to integer values, built once at load
/// time. Lookups allocate nothing. Immutable and thread-safe after construction.
/// </summary>
internal sealed class HashIndex
{
    private readonly Slot[] _slots;
    private readonly int _mask;

    public HashIndex(ReadOnlySpan<ulong> keys, ReadOnlySpan<int> values)
    {
        int capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(4, keys.Length * 2));
        _slots = new Slot[capacity];
        _mask = capacity - 1;
        for (int i = 0; i < keys.Length; i++)
        {
            ulong key = keys[i] == 0 ? 1 : keys[i];
            int slot = (int)(key & (ulong)_mask);
            while (_slots[slot].Key != 0 && _slots[slot].Key != key)
            {
                slot = (slot + 1) & _mask;
            }

            _slots[slot].Key = key;
            _slots[slot].Value = values[i];
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

        Slot[] slots = _slots;
        int slot = (int)(key & (ulong)_mask);
        while (true)
        {
            ulong k = slots[slot].Key;
            if (k == key)
            {
                value = slots[slot].Value;
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

    // Key and value side by side: one cache miss per probe.
    private struct Slot
    {
        public ulong Key;
        public int Value;
    }
}
