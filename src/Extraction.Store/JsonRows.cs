using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Extraction.Store;

/// <summary>
/// The rows of one multi-row insert as one JSON array of arrays (<c>[[v0, v1, ...], ...]</c>), bound as a single
/// text parameter and unpacked by the database (PostgreSQL's <see cref="JsonRowInserter"/>): a document's mentions or
/// facts go in as one statement instead of one statement each. One instance per
/// writer, reused; not thread-safe.
/// </summary>
internal sealed class JsonRows
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);
    private readonly Utf8JsonWriter _writer;

    public JsonRows()
    {
        _writer = new Utf8JsonWriter(_buffer, Options);
        Clear();
    }

    /// <summary>The rows added since the last <see cref="Take"/>.</summary>
    public int Count { get; private set; }

    public void BeginRow()
    {
        _writer.WriteStartArray();
        Count++;
    }

    public void EndRow() => _writer.WriteEndArray();

    public void Add(string? value)
    {
        if (value is null)
        {
            _writer.WriteNullValue();
        }
        else
        {
            _writer.WriteStringValue(value);
        }
    }

    public void Add(long value) => _writer.WriteNumberValue(value);

    // JSON has no NaN or infinity; a score that is not a finite number is stored as 0.
    public void Add(double value) => _writer.WriteNumberValue(double.IsFinite(value) ? value : 0);

    /// <summary>The JSON text of the rows; starts a new, empty set.</summary>
    public string Take()
    {
        _writer.WriteEndArray();
        _writer.Flush();
        string json = Encoding.UTF8.GetString(_buffer.WrittenSpan);
        Clear();
        return json;
    }

    private void Clear()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        _writer.WriteStartArray();
        Count = 0;
    }
}
