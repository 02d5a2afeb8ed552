namespace Extraction.Morphology;

/// <summary>
/// A small class (a byte) for word forms, looked up by hash. Used for how often a form is part of a name
/// in a corpus annotated for named entities (0 unseen, 1 rarely (&lt; 10 %), 2 sometimes, 3 mostly
/// (≥ 50 %), 4 almost always (≥ 90 %); a feature for PROPN vs NOUN) and for distributional word
/// clusters (1 + cluster number; 0 unknown). Immutable and thread-safe.
/// </summary>
internal sealed class FormClassTable
{
    private readonly HashIndex _index;

    public FormClassTable(ulong[] hashes, byte[] classes)
    {
        Hashes = hashes;
        Classes = classes;
        _index = new HashIndex(hashes);
    }

    public static FormClassTable Empty { get; } = new([], []);

    internal ulong[] Hashes { get; }

    internal byte[] Classes { get; }

    public static ulong Key(ReadOnlySpan<char> form) => Hashing.Hash(form, lower: false);

    public static byte Classify(int inName, int total) =>
        total == 0 ? (byte)0 : inName * 10 < total ? (byte)1 : inName * 2 < total ? (byte)2 : inName * 10 < total * 9 ? (byte)3 : (byte)4;

    /// <summary>The class of the form whose <see cref="Key"/> is <paramref name="key"/>.</summary>
    public int Find(ulong key)
    {
        int index = _index.Find(key);
        return index < 0 ? 0 : Classes[index];
    }

    public void Write(PayloadWriter w)
    {
        w.WriteVarInt(Hashes.Length);
        for (int i = 0; i < Hashes.Length; i++)
        {
            w.WriteUInt64(Hashes[i]);
            w.WriteByte(Classes[i]);
        }
    }

    public static FormClassTable Read(PayloadReader r)
    {
        int count = r.ReadCount(10_000_000);
        var hashes = new ulong[count];
        var classes = new byte[count];
        for (int i = 0; i < count; i++)
        {
            hashes[i] = r.ReadUInt64();
            classes[i] = r.ReadByte();
        }

        return new FormClassTable(hashes, classes);
    }
}
