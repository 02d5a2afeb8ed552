using System.Text.Json;
using Extraction.Morphology;
using Extraction.Serialization;

namespace Extraction.Tests.Morphology;

public class JsonFieldsTests
{
    [Fact]
    public void Write_TaggedToken_WritesPosTagLemmaAndMorph()
    {
        Document document = Document.FromTokens([["Das", "Urteil", "des", "Strafgerichtshofs", "."]]);
        MorphologyComponent.CreateDefault().Process(document, CancellationToken.None);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = ResultJsonWriter.Encoder }))
        {
            writer.WriteStartObject();
            TokenJsonFields.Write(writer, document.GetToken(3));
            writer.WriteEndObject();
        }

        using JsonDocument json = JsonDocument.Parse(buffer.ToArray());
        JsonElement root = json.RootElement;
        root.GetProperty("pos").GetString().Should().Be("NOUN");
        root.GetProperty("tag").GetString().Should().Be("NN");
        root.GetProperty("lemma").GetString().Should().Be("Strafgerichtshof");
        root.GetProperty("morph").GetString().Should().Contain("Case=Gen");
    }

    [Fact]
    public void Write_UntaggedToken_WritesNoMorphologyFields()
    {
        Document document = Document.FromTokens([["Hallo"]]);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            TokenJsonFields.Write(writer, document.GetToken(0));
            writer.WriteEndObject();
        }

        System.Text.Encoding.UTF8.GetString(buffer.ToArray()).Should().Be("{}");
    }
}
