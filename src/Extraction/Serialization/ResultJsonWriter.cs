using System.Text.Encodings.Web;
using System.Text.Json;

namespace Extraction.Serialization;

/// <summary>Writes an <see cref="ExtractionResult"/> as the JSON contract. Field names never change; new fields may be added.</summary>
internal static class ResultJsonWriter
{
    // Keeps German text readable (ä, ß, „) while still escaping what JSON and HTML embedding need.
    internal static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    public static void Write(Utf8JsonWriter writer, ExtractionResult result, JsonOutputOptions options, string? id)
    {
        Document document = result.Document;
        writer.WriteStartObject();
        if (id is not null)
        {
            writer.WriteString("id", id);
        }

        writer.WriteString("text", document.Text);
        writer.WriteStartArray("sentences");
        foreach (Sentence sentence in document.Sentences)
        {
            writer.WriteStartObject();
            writer.WriteNumber("start", sentence.Start);
            writer.WriteNumber("end", sentence.End);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (options.IncludeTokens)
        {
            writer.WriteStartArray("tokens");
            foreach (Token token in document.Tokens)
            {
                writer.WriteStartObject();
                writer.WriteNumber("start", token.Start);
                writer.WriteNumber("end", token.End);
                writer.WriteString("text", token.Span);
                TokenJsonFields.Write(writer, token);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteStartArray("entities");
        foreach (Entity entity in result.Entities)
        {
            writer.WriteStartObject();
            writer.WriteString("text", entity.Text);
            writer.WriteString("label", entity.LabelCode);
            writer.WriteNumber("start", entity.Start);
            writer.WriteNumber("end", entity.End);
            writer.WriteString("canonical", entity.Canonical);
            writer.WriteString("id", entity.Id);
            writer.WriteNumber("score", Math.Round(entity.Score, 4));
            foreach (KeyValuePair<string, string> attribute in entity.Attributes)
            {
                WriteAttribute(writer, attribute.Key, attribute.Value);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("relations");
        foreach (Relation relation in result.Relations)
        {
            writer.WriteStartObject();
            writer.WriteString("type", relation.Type);
            writer.WriteStartObject("arguments");
            foreach (KeyValuePair<string, RelationArgument> argument in relation.Arguments)
            {
                if (argument.Value.IsList)
                {
                    writer.WriteStartArray(argument.Key);
                    foreach (string value in argument.Value.Values)
                    {
                        writer.WriteStringValue(value);
                    }

                    writer.WriteEndArray();
                }
                else
                {
                    writer.WriteString(argument.Key, argument.Value.Values[0]);
                }
            }

            writer.WriteEndObject();
            writer.WriteNumber("sentence", relation.Sentence);
            writer.WriteStartObject("trigger");
            writer.WriteNumber("start", relation.Trigger.Start);
            writer.WriteNumber("end", relation.Trigger.End);
            writer.WriteEndObject();
            writer.WriteString("modality", relation.Modality.ToString().ToLowerInvariant());
            writer.WriteNumber("score", Math.Round(relation.Score, 4));
            writer.WriteString("rule", relation.Rule);
            if (relation.Code is not null)
            {
                writer.WriteString("code", relation.Code);
            }

            if (relation.Time is not null)
            {
                writer.WriteString("time", relation.Time);
            }

            writer.WriteStartArray("evidence");
            foreach (int sentence in relation.EvidenceSentences)
            {
                writer.WriteNumberValue(sentence);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (result.Dateline is { } dateline)
        {
            writer.WriteStartObject("dateline");
            writer.WriteNumber("start", dateline.Span.Start);
            writer.WriteNumber("end", dateline.Span.End);
            writer.WriteStartArray("places");
            foreach (string place in dateline.Places)
            {
                writer.WriteStringValue(place);
            }

            writer.WriteEndArray();
            if (dateline.Source is not null)
            {
                writer.WriteString("source", dateline.Source);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    // Attributes whose value is a JSON literal (true, false) are written as such; everything else as a string.
    private static void WriteAttribute(Utf8JsonWriter writer, string key, string value)
    {
        switch (value)
        {
            case "true":
                writer.WriteBoolean(key, true);
                break;
            case "false":
                writer.WriteBoolean(key, false);
                break;
            default:
                writer.WriteString(key, value);
                break;
        }
    }
}

/// <summary>Writes the per-token fields that the annotating components provide (POS, lemma, ...).</summary>
internal static partial class TokenJsonFields
{
    public static void Write(Utf8JsonWriter writer, Token token)
    {
        WriteAnnotations(writer, token);
    }

    // Implemented by the components that add token annotations (see Document partial files).
    static partial void WriteAnnotations(Utf8JsonWriter writer, Token token);
}
