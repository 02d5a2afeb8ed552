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
            WriteArgumentMembers(writer, relation.Arguments);
            writer.WriteEndObject();
            writer.WriteNumber("sentence", relation.Sentence);
            writer.WriteStartObject("trigger");
            writer.WriteNumber("start", relation.Trigger.Start);
            writer.WriteNumber("end", relation.Trigger.End);
            writer.WriteEndObject();
            WriteRelationFields(writer, relation.Modality, relation.Score, relation.Rule, relation.Code, relation.Time, relation.EvidenceSentences);
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
    /// <summary>A relation's arguments as members of the current JSON object: a string, or an array for list arguments (participants).</summary>
    internal static void WriteArgumentMembers(Utf8JsonWriter writer, IReadOnlyDictionary<string, RelationArgument> arguments)
    {
        foreach (KeyValuePair<string, RelationArgument> argument in arguments)
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
    }

    /// <summary>
    /// The contract's relation fields after the trigger: modality, score, rule, code and time when given, evidence.
    /// One place for their names and formats, shared with the store's JSON Lines output.
    /// </summary>
    internal static void WriteRelationFields(Utf8JsonWriter writer, Modality modality, double score, string rule, string? code, string? time, IReadOnlyList<int> evidence)
    {
        writer.WriteString("modality", modality.ToString().ToLowerInvariant());
        writer.WriteNumber("score", Math.Round(score, 4));
        writer.WriteString("rule", rule);
        if (code is not null)
        {
            writer.WriteString("code", code);
        }

        if (time is not null)
        {
            writer.WriteString("time", time);
        }

        writer.WriteStartArray("evidence");
        foreach (int sentence in evidence)
        {
            writer.WriteNumberValue(sentence);
        }

        writer.WriteEndArray();
    }

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
        WriteSyntax(writer, token);
    }

    // Implemented by the components that add token annotations (see Document partial files): morphology, then syntax.
    static partial void WriteAnnotations(Utf8JsonWriter writer, Token token);

    static partial void WriteSyntax(Utf8JsonWriter writer, Token token);
}
