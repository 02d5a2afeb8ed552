using System.Buffers;
using System.Text.Json;
using Extraction.Serialization;

namespace Extraction;

/// <summary>
/// What <see cref="Extractor.Extract(string)"/> found in one text: the tokenized document, the entities
/// and the relations. Immutable and thread-safe. In .NET Interactive notebooks a result displays as
/// HTML (see <see cref="ToHtml"/>).
/// </summary>
[Display.TypeFormatterSource(typeof(Display.NotebookFormatterSource))]
public sealed class ExtractionResult
{
    internal ExtractionResult(Document document)
    {
        Document = document;
        Entities = document.EntityList.AsReadOnly();
        Relations = document.RelationList.AsReadOnly();
        Dateline = document.DatelineValue;
    }

    /// <summary>The dateline that opens the article (<c>KIEW / LONDON (dpa) –</c>), or null when there is none.</summary>
    public Dateline? Dateline { get; }

    /// <summary>The original text.</summary>
    public string Text => Document.Text;

    /// <summary>The document with its tokens, sentences and token annotations.</summary>
    public Document Document { get; }

    /// <summary>The entities, in text order.</summary>
    public IReadOnlyList<Entity> Entities { get; }

    /// <summary>The relations, in text order of their triggers.</summary>
    public IReadOnlyList<Relation> Relations { get; }

    /// <summary>Writes the result as the JSON contract described in README.</summary>
    /// <param name="options">What to include; null for the defaults (no tokens, compact).</param>
    /// <returns>The JSON text.</returns>
    public string ToJson(JsonOutputOptions? options = null)
    {
        var buffer = new ArrayBufferWriter<byte>(Math.Max(256, Text.Length * 2));
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = options?.Indented ?? false, Encoder = ResultJsonWriter.Encoder }))
        {
            WriteJson(writer, options);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// Renders the result as self-contained HTML: entities highlighted inline with their labels, and a
    /// table of relations. The text is HTML-encoded, so markup in the input is shown, never run.
    /// </summary>
    /// <returns>An HTML fragment (a <c>div</c> with its own styles).</returns>
    public string ToHtml() => Display.HtmlRenderer.Render(this);

    /// <summary>Writes the result as one JSON object to a writer (for streaming many results).</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="options">What to include; null for the defaults.</param>
    /// <param name="id">An id to write first as <c>"id"</c>, as in batch mode; null for none.</param>
    public void WriteJson(Utf8JsonWriter writer, JsonOutputOptions? options = null, string? id = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ResultJsonWriter.Write(writer, this, options ?? JsonOutputOptions.Default, id);
    }
}

/// <summary>Options for <see cref="ExtractionResult.ToJson"/>. Immutable and thread-safe.</summary>
public sealed record JsonOutputOptions
{
    /// <summary>The defaults: no tokens, compact.</summary>
    public static JsonOutputOptions Default { get; } = new();

    /// <summary>Whether to write the <c>tokens</c> array.</summary>
    public bool IncludeTokens { get; init; }

    /// <summary>Whether to indent the JSON.</summary>
    public bool Indented { get; init; }
}
