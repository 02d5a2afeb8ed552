using System.Text.Json;

namespace Extraction.Serialization;

internal static partial class TokenJsonFields
{
    // "head": index into the document's tokens (-1 for a sentence's root); "deprel": the UD relation.
    static partial void WriteSyntax(Utf8JsonWriter writer, Token token)
    {
        if (token.Document.HeadArray is { } heads)
        {
            writer.WriteNumber("head", heads[token.Index]);
            writer.WriteString("deprel", token.Document.DepRelArray![token.Index]);
        }
    }
}
