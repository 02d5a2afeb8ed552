using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Extraction.Store;

/// <summary>
/// One article as the store keeps it: its id (the key for idempotent re-indexing), its text and optional
/// metadata. Immutable and thread-safe.
/// </summary>
public sealed record NewsDocument
{
    private readonly string _id = "";
    private readonly string _text = "";

    /// <summary>Creates a document.</summary>
    /// <param name="id">The document id, unique within the store; not empty.</param>
    /// <param name="text">The article text (the text that was extracted).</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or empty, or <paramref name="text"/> is null.</exception>
    public NewsDocument(string id, string text)
    {
        Id = id;
        Text = text;
    }

    /// <summary>The document id, unique within the store.</summary>
    public string Id
    {
        get => _id;
        init
        {
            ArgumentException.ThrowIfNullOrEmpty(value);
            _id = value;
        }
    }

    /// <summary>The article text; all stored offsets point into it (UTF-16 code units).</summary>
    public string Text
    {
        get => _text;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            _text = value;
        }
    }

    /// <summary>The publication date, or null when unknown (facts of undated documents never pass a date filter).</summary>
    public DateOnly? Date { get; init; }

    /// <summary>The source (outlet, agency), or null.</summary>
    public string? Source { get; init; }

    /// <summary>The title, or null.</summary>
    public string? Title { get; init; }

    /// <summary>
    /// The SHA-256 (lower-case hex) of the text and metadata. Re-indexing a document with the same id and the
    /// same hash is skipped; a different hash replaces the document's facts.
    /// </summary>
    public string ContentHash
    {
        get
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            Append(hash, "extraction-store-document-v1");
            Append(hash, Text);
            Append(hash, Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Append(hash, Source);
            Append(hash, Title);
            return Convert.ToHexStringLower(hash.GetHashAndReset());
        }
    }

    // Each field is length-prefixed (-1 for null), so no two different field tuples hash alike by concatenation.
    private static void Append(IncrementalHash hash, string? value)
    {
        Span<byte> length = stackalloc byte[4];
        if (value is null)
        {
            BinaryPrimitives.WriteInt32LittleEndian(length, -1);
            hash.AppendData(length);
            return;
        }

        byte[] bytes = Encoding.UTF8.GetBytes(value);
        BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }
}
