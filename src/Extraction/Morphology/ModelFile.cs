using Extraction.Serialization;
using System.Buffers.Binary;
using System.IO.Compression;

namespace Extraction.Morphology;

/// <summary>
/// The container of the morphology model files: an 8-byte magic, a format version, the lengths of the
/// payload, a CRC-32 of the compressed payload, then the payload compressed with Deflate. Reading checks
/// each part and raises <see cref="ModelFormatException"/> naming the file and what is wrong.
/// </summary>
internal static class ModelFile
{
    private const int HeaderLength = 8 + 4 + 4 + 8 + 8 + 4;

    /// <summary>Writes <paramref name="payload"/> into a model file.</summary>
    public static void Write(Stream output, ReadOnlySpan<byte> magic, int version, ReadOnlySpan<byte> payload)
    {
        using var compressedBuffer = new MemoryStream();
        using (var deflate = new DeflateStream(compressedBuffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            deflate.Write(payload);
        }

        byte[] compressed = compressedBuffer.ToArray();
        Span<byte> header = stackalloc byte[HeaderLength];
        magic.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], version);
        BinaryPrimitives.WriteInt32LittleEndian(header[12..], 1); // flags: 1 = deflate
        BinaryPrimitives.WriteInt64LittleEndian(header[16..], payload.Length);
        BinaryPrimitives.WriteInt64LittleEndian(header[24..], compressed.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[32..], Crc32.Compute(compressed));
        output.Write(header);
        output.Write(compressed);
    }

    /// <summary>Reads and checks a model file and returns its uncompressed payload.</summary>
    /// <exception cref="ModelFormatException">The file is not a valid model file of this kind and version.</exception>
    public static byte[] Read(Stream input, string fileName, ReadOnlySpan<byte> magic, int version)
    {
        Span<byte> header = stackalloc byte[HeaderLength];
        int read = input.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        if (read == 0)
        {
            throw new ModelFormatException($"Model file '{fileName}' is empty.");
        }

        if (read < HeaderLength)
        {
            throw new ModelFormatException($"Model file '{fileName}' is truncated: the header has {read} of {HeaderLength} bytes.");
        }

        if (!header[..8].SequenceEqual(magic))
        {
            throw new ModelFormatException($"Model file '{fileName}' is not a {System.Text.Encoding.ASCII.GetString(magic).TrimEnd('\0')} file (wrong magic bytes).");
        }

        int fileVersion = BinaryPrimitives.ReadInt32LittleEndian(header[8..]);
        if (fileVersion != version)
        {
            throw new ModelFormatException($"Model file '{fileName}' has format version {fileVersion}; this library reads version {version}.");
        }

        int flags = BinaryPrimitives.ReadInt32LittleEndian(header[12..]);
        long length = BinaryPrimitives.ReadInt64LittleEndian(header[16..]);
        long compressedLength = BinaryPrimitives.ReadInt64LittleEndian(header[24..]);
        uint checksum = BinaryPrimitives.ReadUInt32LittleEndian(header[32..]);
        if (flags != 1 || length < 0 || length > int.MaxValue || compressedLength < 0 || compressedLength > int.MaxValue)
        {
            throw new ModelFormatException($"Model file '{fileName}' has a corrupted header.");
        }

        byte[] compressed = new byte[compressedLength];
        int got = input.ReadAtLeast(compressed, compressed.Length, throwOnEndOfStream: false);
        if (got < compressedLength)
        {
            throw new ModelFormatException($"Model file '{fileName}' is truncated: {got} of {compressedLength} payload bytes.");
        }

        if (Crc32.Compute(compressed) != checksum)
        {
            throw new ModelFormatException($"Model file '{fileName}' is corrupted: the checksum does not match.");
        }

        byte[] payload = new byte[length];
        try
        {
            using var deflate = new DeflateStream(new MemoryStream(compressed), CompressionMode.Decompress);
            int unpacked = deflate.ReadAtLeast(payload, payload.Length, throwOnEndOfStream: false);
            if (unpacked != length)
            {
                throw new ModelFormatException($"Model file '{fileName}' is corrupted: the payload unpacks to {unpacked} bytes, not {length}.");
            }
        }
        catch (InvalidDataException e)
        {
            throw new ModelFormatException($"Model file '{fileName}' is corrupted: {e.Message}", e);
        }

        return payload;
    }

}

/// <summary>A growable little-endian writer for model payloads.</summary>
internal sealed class PayloadWriter
{
    private readonly MemoryStream _stream = new();
    private readonly BinaryWriter _writer;

    public PayloadWriter() => _writer = new BinaryWriter(_stream, System.Text.Encoding.UTF8, leaveOpen: true);

    public void WriteVarInt(int value) => _writer.Write7BitEncodedInt(value);

    public void WriteString(string value) => _writer.Write(value);

    public void WriteByte(byte value) => _writer.Write(value);

    public void WriteUInt32(uint value) => _writer.Write(value);

    public void WriteUInt64(ulong value) => _writer.Write(value);

    public void WriteHalf(Half value) => _writer.Write(value);

    public void WriteSingle(float value) => _writer.Write(value);

    public byte[] ToArray()
    {
        _writer.Flush();
        return _stream.ToArray();
    }
}

/// <summary>
/// Reads a model payload in place: a bounds-checked cursor over the bytes that <see cref="PayloadWriter"/> wrote
/// (7-bit varints, little-endian numbers, length-prefixed UTF-8 strings). It allocates nothing but the strings it
/// is asked for; any overrun or malformed number becomes a <see cref="ModelFormatException"/>.
/// </summary>
internal sealed class PayloadReader
{
    private readonly byte[] _payload;
    private readonly string _fileName;
    private int _position;

    public PayloadReader(byte[] payload, string fileName)
    {
        _payload = payload;
        _fileName = fileName;
    }

    public int ReadVarInt()
    {
        // The format of BinaryWriter.Write7BitEncodedInt: at most five bytes, the fifth with four bits.
        uint result = 0;
        for (int shift = 0; shift < 35; shift += 7)
        {
            byte b = ReadByte();
            if (shift == 28 && b > 0b1111)
            {
                throw Corrupt("a variable-length number is too long");
            }

            result |= (uint)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return (int)result;
            }
        }

        throw Corrupt("a variable-length number is too long");
    }

    public int ReadCount(int max)
    {
        int value = ReadVarInt();
        if (value < 0 || value > max)
        {
            throw Corrupt($"a count of {value} is out of range");
        }

        return value;
    }

    /// <summary>The UTF-8 bytes of the next length-prefixed string, without decoding them.</summary>
    public ReadOnlySpan<byte> ReadStringBytes() => Take(ReadCount(int.MaxValue));

    public string ReadString()
    {
        ReadOnlySpan<byte> bytes = ReadStringBytes();
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw Corrupt("a string is not valid UTF-8");
        }
    }

    /// <summary>Decodes the next string into <paramref name="buffer"/> at <paramref name="at"/>, growing it; returns the number of characters.</summary>
    public int ReadStringInto(ref char[] buffer, int at)
    {
        ReadOnlySpan<byte> bytes = ReadStringBytes();
        int needed = at + bytes.Length; // UTF-8 never has fewer bytes than UTF-16 code units
        if (needed > buffer.Length)
        {
            Array.Resize(ref buffer, Math.Max(needed, buffer.Length * 2));
        }

        try
        {
            return StrictUtf8.GetChars(bytes, buffer.AsSpan(at));
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw Corrupt("a string is not valid UTF-8");
        }
    }

    public byte ReadByte()
    {
        if (_position >= _payload.Length)
        {
            throw EndsEarly();
        }

        return _payload[_position++];
    }

    public uint ReadUInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    public ulong ReadUInt64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

    public Half ReadHalf() => BinaryPrimitives.ReadHalfLittleEndian(Take(2));

    public float ReadSingle() => BinaryPrimitives.ReadSingleLittleEndian(Take(4));

    public ModelFormatException Corrupt(string problem) => new($"Model file '{_fileName}' is corrupted: {problem}.");

    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || count > _payload.Length - _position)
        {
            throw EndsEarly();
        }

        ReadOnlySpan<byte> slice = _payload.AsSpan(_position, count);
        _position += count;
        return slice;
    }

    private ModelFormatException EndsEarly() => new($"Model file '{_fileName}' is corrupted: the payload ends early.");
}
