using Extraction.Serialization;
using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Extraction.Ner;

/// <summary>
/// Reads and writes NER model files. Layout (little-endian):
/// <code>
/// header  magic "XNER\r\n\x1A\n" (8) | format version u16 | flags u16 (bit 0: deflate)
///         | stored payload length i64 | payload length i64 | CRC-32 of the stored payload u32
/// payload feature extractor version i32 | feature options i32 | metadata (count, key/value strings)
///         | tag count i32 + tag names | confidence scale f32 | transitions f32[T*T] | start f32[T] | end f32[T]
///         | weight scale f32 | feature count i32 | keys u64[] | row lengths u8[] | row tags u8[] | row weights i16[]
///         | lexicon count i32 | lexicon keys u64[] | lexicon values i32[]
/// </code>
/// Emission weights are quantised to 16 bits with one scale; zero weights are pruned. Every length is
/// checked against the bytes that remain before anything is allocated, and any problem raises
/// <see cref="ModelFormatException"/> naming the source. Load only trusted model files.
/// </summary>
internal static class NerModelFormat
{
    public const ushort FormatVersion = 1;
    public const int HeaderSize = 32;
    private const long MaxStoredLength = 48L * 1024 * 1024;
    private const long MaxPayloadLength = 96L * 1024 * 1024;

    // Deflate cannot expand data by more than about 1032:1; a larger announced ratio is a lie.
    private const long MaxInflationRatio = 1100;
    private const ushort FlagDeflate = 1;
    private static readonly byte[] Magic = "XNER\r\n\u001A\n"u8.ToArray();

    /// <summary>Writes a model.</summary>
    public static void Write(NerModel model, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stream);
        byte[] payload = WritePayload(model);
        using var compressed = new MemoryStream();
        using (var deflate = new DeflateStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            deflate.Write(payload);
        }

        byte[] stored = compressed.ToArray();
        Span<byte> header = stackalloc byte[HeaderSize];
        Magic.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[8..], FormatVersion);
        BinaryPrimitives.WriteUInt16LittleEndian(header[10..], FlagDeflate);
        BinaryPrimitives.WriteInt64LittleEndian(header[12..], stored.Length);
        BinaryPrimitives.WriteInt64LittleEndian(header[20..], payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[28..], Crc32.Compute(stored));
        stream.Write(header);
        stream.Write(stored);
    }

    /// <summary>Reads a model file.</summary>
    /// <exception cref="ModelFormatException">The file is not a valid model.</exception>
    public static NerModel ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        FileStream stream;
        try
        {
            stream = File.OpenRead(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ModelFormatException($"NER model '{path}': cannot open the file ({ex.Message}).", ex);
        }

        using (stream)
        {
            return Read(stream, path);
        }
    }

    /// <summary>Reads a model from a stream.</summary>
    /// <param name="stream">The stream, positioned at the header.</param>
    /// <param name="source">A name for messages (file path or resource name).</param>
    /// <exception cref="ModelFormatException">The data is not a valid model.</exception>
    public static NerModel Read(Stream stream, string source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            return ReadCore(stream, source);
        }
        catch (ModelFormatException)
        {
            throw;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or ArgumentException or OverflowException or IndexOutOfRangeException or DecoderFallbackException)
        {
            throw new ModelFormatException($"NER model '{source}': the data is corrupted ({ex.Message}).", ex);
        }
    }

    private static NerModel ReadCore(Stream stream, string source)
    {
        Span<byte> header = stackalloc byte[HeaderSize];
        int read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        if (read == 0)
        {
            throw new ModelFormatException($"NER model '{source}': the file is empty.");
        }

        if (read < Magic.Length && header[..read].SequenceEqual(Magic.AsSpan(0, read)))
        {
            throw new ModelFormatException($"NER model '{source}': the file is truncated (header has {read} of {HeaderSize} bytes).");
        }

        if (read < Magic.Length || !header[..Magic.Length].SequenceEqual(Magic))
        {
            throw new ModelFormatException($"NER model '{source}': not an NER model file (wrong magic bytes).");
        }

        if (read < HeaderSize)
        {
            throw new ModelFormatException($"NER model '{source}': the file is truncated (header has {read} of {HeaderSize} bytes).");
        }

        ushort version = BinaryPrimitives.ReadUInt16LittleEndian(header[8..]);
        if (version != FormatVersion)
        {
            throw new ModelFormatException($"NER model '{source}': format version {version} is not supported (this library reads version {FormatVersion}).");
        }

        ushort flags = BinaryPrimitives.ReadUInt16LittleEndian(header[10..]);
        long storedLength = BinaryPrimitives.ReadInt64LittleEndian(header[12..]);
        long payloadLength = BinaryPrimitives.ReadInt64LittleEndian(header[20..]);
        uint crc = BinaryPrimitives.ReadUInt32LittleEndian(header[28..]);
        if ((flags & ~FlagDeflate) != 0)
        {
            throw new ModelFormatException($"NER model '{source}': unknown flags 0x{flags:X4}.");
        }

        if (storedLength < 0 || storedLength > MaxStoredLength || payloadLength < 0 || payloadLength > MaxPayloadLength || payloadLength > (storedLength * MaxInflationRatio) + 64)
        {
            throw new ModelFormatException($"NER model '{source}': implausible length fields (stored {storedLength}, payload {payloadLength} bytes).");
        }

        if (stream.CanSeek)
        {
            long remaining = stream.Length - stream.Position;
            if (remaining < storedLength)
            {
                throw new ModelFormatException($"NER model '{source}': the file is truncated (header announces {storedLength} payload bytes, {remaining} follow).");
            }

            if (remaining > storedLength)
            {
                throw new ModelFormatException($"NER model '{source}': {remaining - storedLength} unexpected bytes after the payload.");
            }
        }

        byte[] stored = new byte[storedLength];
        int got = stream.ReadAtLeast(stored, stored.Length, throwOnEndOfStream: false);
        if (got < storedLength)
        {
            throw new ModelFormatException($"NER model '{source}': the file is truncated (header announces {storedLength} payload bytes, {got} follow).");
        }

        if (Crc32.Compute(stored) != crc)
        {
            throw new ModelFormatException($"NER model '{source}': checksum mismatch, the file is corrupted.");
        }

        byte[] payload;
        if ((flags & FlagDeflate) != 0)
        {
            payload = new byte[payloadLength];
            using var deflate = new DeflateStream(new MemoryStream(stored), CompressionMode.Decompress);
            int inflated = deflate.ReadAtLeast(payload, payload.Length, throwOnEndOfStream: false);
            Span<byte> probe = stackalloc byte[1];
            if (inflated != payloadLength || deflate.Read(probe) != 0)
            {
                throw new ModelFormatException($"NER model '{source}': the payload does not have the announced length of {payloadLength} bytes.");
            }
        }
        else
        {
            if (payloadLength != storedLength)
            {
                throw new ModelFormatException($"NER model '{source}': the payload does not have the announced length of {payloadLength} bytes.");
            }

            payload = stored;
        }

        return ReadPayload(payload, source);
    }


    private static byte[] WritePayload(NerModel model)
    {
        const int T = NerTags.TagCount;
        using var memory = new MemoryStream();
        using (var writer = new BinaryWriter(memory, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(NerFeatureExtractor.Version);
            writer.Write((int)model.Options);
            writer.Write(model.Metadata.Count);
            foreach (KeyValuePair<string, string> pair in model.Metadata.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                WriteString(writer, pair.Key);
                WriteString(writer, pair.Value);
            }

            writer.Write(T);
            foreach (string name in NerTags.TagNames)
            {
                WriteString(writer, name);
            }

            writer.Write(model.ConfidenceScale);
            foreach (float v in model.Transitions)
            {
                writer.Write(v);
            }

            foreach (float v in model.Start)
            {
                writer.Write(v);
            }

            foreach (float v in model.End)
            {
                writer.Write(v);
            }

            // Quantise emission weights to 16 bits; drop weights that round to zero.
            float[] rowWeights = model.RowWeights;
            byte[] rowTags = model.RowTags;
            float maxAbs = 0;
            foreach (float w in rowWeights)
            {
                maxAbs = Math.Max(maxAbs, Math.Abs(w));
            }

            float scale = maxAbs > 0 ? maxAbs / short.MaxValue : 1f;
            var keys = new List<ulong>(model.FeatureCount);
            var lengths = new List<byte>(model.FeatureCount);
            var tags = new List<byte>(rowTags.Length);
            var weights = new List<short>(rowTags.Length);
            for (int row = 0; row < model.FeatureCount; row++)
            {
                int count = 0;
                for (int j = model.RowStarts[row]; j < model.RowStarts[row + 1]; j++)
                {
                    short q = (short)Math.Clamp(MathF.Round(rowWeights[j] / scale), -short.MaxValue, short.MaxValue);
                    if (q != 0)
                    {
                        tags.Add(rowTags[j]);
                        weights.Add(q);
                        count++;
                    }
                }

                if (count > 0)
                {
                    keys.Add(model.FeatureKeys[row]);
                    lengths.Add((byte)count);
                }
                else
                {
                    continue;
                }
            }

            writer.Write(scale);
            writer.Write(keys.Count);
            foreach (ulong key in keys)
            {
                writer.Write(key);
            }

            foreach (byte length in lengths)
            {
                writer.Write(length);
            }

            foreach (byte tag in tags)
            {
                writer.Write(tag);
            }

            foreach (short w in weights)
            {
                writer.Write(w);
            }

            writer.Write(model.Lexicon.Keys.Length);
            foreach (ulong key in model.Lexicon.Keys)
            {
                writer.Write(key);
            }

            foreach (int value in model.Lexicon.Values)
            {
                writer.Write(value);
            }
        }

        return memory.ToArray();
    }

    private static void WriteString(BinaryWriter writer, string value)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(value);
        writer.Write(bytes.Length);
        writer.Write(bytes);
    }

    private static NerModel ReadPayload(byte[] payload, string source)
    {
        const int T = NerTags.TagCount;
        var reader = new PayloadReader(payload, source);
        int extractorVersion = reader.ReadInt32();
        if (extractorVersion != NerFeatureExtractor.Version)
        {
            throw new ModelFormatException($"NER model '{source}': feature set version {extractorVersion} is not supported (this library extracts version {NerFeatureExtractor.Version}).");
        }

        var options = (NerFeatureOptions)reader.ReadInt32();
        int metadataCount = reader.ReadCount(8, "metadata");
        var metadata = new Dictionary<string, string>(metadataCount, StringComparer.Ordinal);
        for (int i = 0; i < metadataCount; i++)
        {
            string key = reader.ReadString();
            metadata[key] = reader.ReadString();
        }

        int tagCount = reader.ReadInt32();
        if (tagCount != T)
        {
            throw new ModelFormatException($"NER model '{source}': the model has {tagCount} tags, expected {T}.");
        }

        for (int i = 0; i < T; i++)
        {
            string name = reader.ReadString();
            if (name != NerTags.TagNames[i])
            {
                throw new ModelFormatException($"NER model '{source}': tag {i} is '{name}', expected '{NerTags.TagNames[i]}'.");
            }
        }

        float confidenceScale = reader.ReadSingle();
        float[] transitions = reader.ReadSingles(T * T);
        float[] start = reader.ReadSingles(T);
        float[] end = reader.ReadSingles(T);
        float scale = reader.ReadSingle();
        int featureCount = reader.ReadCount(9, "features");
        ulong[] keys = reader.ReadUInt64s(featureCount);
        var rowStarts = new int[featureCount + 1];
        ReadOnlySpan<byte> lengths = reader.ReadBytes(featureCount);
        for (int i = 0; i < featureCount; i++)
        {
            if (lengths[i] == 0 || lengths[i] > T)
            {
                throw new ModelFormatException($"NER model '{source}': feature row {i} has invalid length {lengths[i]}.");
            }

            rowStarts[i + 1] = rowStarts[i] + lengths[i];
        }

        int nonZero = rowStarts[featureCount];
        if ((long)nonZero * 3 > reader.Remaining)
        {
            throw new ModelFormatException($"NER model '{source}': the payload is truncated (feature rows).");
        }

        byte[] tags = reader.ReadBytes(nonZero).ToArray();
        foreach (byte tag in tags)
        {
            if (tag >= T)
            {
                throw new ModelFormatException($"NER model '{source}': a weight refers to tag {tag}, but there are {T} tags.");
            }
        }

        var weights = new float[nonZero];
        for (int i = 0; i < nonZero; i++)
        {
            weights[i] = reader.ReadInt16() * scale;
        }

        int lexiconCount = reader.ReadCount(12, "lexicon");
        ulong[] lexiconKeys = reader.ReadUInt64s(lexiconCount);
        var lexiconValues = new int[lexiconCount];
        for (int i = 0; i < lexiconCount; i++)
        {
            lexiconValues[i] = reader.ReadInt32();
        }

        if (reader.Remaining != 0)
        {
            throw new ModelFormatException($"NER model '{source}': {reader.Remaining} unexpected bytes at the end of the payload.");
        }

        if (!float.IsFinite(confidenceScale) || !float.IsFinite(scale))
        {
            throw new ModelFormatException($"NER model '{source}': invalid scale values.");
        }

        return new NerModel(metadata, options, transitions, start, end, keys, rowStarts, tags, weights, new NerLexicon(lexiconKeys, lexiconValues), confidenceScale);
    }

    /// <summary>A bounds-checked little-endian reader over the payload.</summary>
    private ref struct PayloadReader
    {
        private readonly ReadOnlySpan<byte> _data;
        private readonly string _source;
        private int _position;

        public PayloadReader(ReadOnlySpan<byte> data, string source)
        {
            _data = data;
            _source = source;
            _position = 0;
        }

        public readonly int Remaining => _data.Length - _position;

        public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

        public short ReadInt16() => BinaryPrimitives.ReadInt16LittleEndian(Take(2));

        public float ReadSingle() => BinaryPrimitives.ReadSingleLittleEndian(Take(4));

        /// <summary>Reads a count and checks that that many items of at least <paramref name="itemSize"/> bytes can follow.</summary>
        public int ReadCount(int itemSize, string what)
        {
            int count = ReadInt32();
            if (count < 0 || (long)count * itemSize > Remaining)
            {
                throw new ModelFormatException($"NER model '{_source}': the {what} count {count} does not fit in the remaining {Remaining} bytes.");
            }

            return count;
        }

        public string ReadString()
        {
            int length = ReadCount(1, "string length");
            return Encoding.UTF8.GetString(Take(length));
        }

        public ReadOnlySpan<byte> ReadBytes(int count) => Take(count);

        public float[] ReadSingles(int count)
        {
            ReadOnlySpan<byte> bytes = Take(checked(count * 4));
            var values = new float[count];
            for (int i = 0; i < count; i++)
            {
                values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(i * 4)..]);
            }

            return values;
        }

        public ulong[] ReadUInt64s(int count)
        {
            ReadOnlySpan<byte> bytes = Take(checked(count * 8));
            var values = new ulong[count];
            for (int i = 0; i < count; i++)
            {
                values[i] = BinaryPrimitives.ReadUInt64LittleEndian(bytes[(i * 8)..]);
            }

            return values;
        }

        private ReadOnlySpan<byte> Take(int count)
        {
            if (count < 0 || count > Remaining)
            {
                throw new ModelFormatException($"NER model '{_source}': the payload is truncated (needed {count} more bytes, {Remaining} left).");
            }

            ReadOnlySpan<byte> slice = _data.Slice(_position, count);
            _position += count;
            return slice;
        }
    }
}
