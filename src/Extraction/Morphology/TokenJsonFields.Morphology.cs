using System.Text.Json;

namespace Extraction.Serialization;

internal static partial class TokenJsonFields
{
    static partial void WriteAnnotations(Utf8JsonWriter writer, Token token)
    {
        if (token.Pos is { } pos)
        {
            writer.WriteString("pos", pos);
        }

        if (token.Tag is { } tag)
        {
            writer.WriteString("tag", tag);
        }

        if (token.Document.LemmaArray is not null)
        {
            writer.WriteString("lemma", token.Lemma);
        }

        if (token.Morph is { } morph)
        {
            writer.WriteString("morph", morph);
        }
    }
}
