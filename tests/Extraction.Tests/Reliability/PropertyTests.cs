using System.Text.Json;
using CsCheck;

namespace Extraction.Tests.Reliability;

public class PropertyTests
{
    private static readonly Extractor SharedExtractor = Extractor.CreateGerman();

    private static void CheckInvariants(string text)
    {
        ExtractionResult result = SharedExtractor.Extract(text);
        Document document = result.Document;

        int previousEnd = 0;
        foreach (Token token in document.Tokens)
        {
            if (token.Length <= 0 || token.Start < previousEnd || token.End > text.Length)
            {
                throw new InvalidOperationException($"token [{token.Start},{token.End}) out of order or bounds");
            }

            if (!text.AsSpan(token.Start, token.Length).SequenceEqual(token.Span))
            {
                throw new InvalidOperationException("token text differs from the text at its offsets");
            }

            previousEnd = token.End;
        }

        int covered = 0;
        foreach (Sentence sentence in document.Sentences)
        {
            if (sentence.FirstToken != covered || sentence.TokenCount <= 0)
            {
                throw new InvalidOperationException("sentences do not tile the tokens");
            }

            covered += sentence.TokenCount;
        }

        if (covered != document.TokenCount)
        {
            throw new InvalidOperationException("sentences do not cover all tokens");
        }

        foreach (Entity entity in result.Entities)
        {
            if (entity.Start < 0 || entity.End > text.Length || entity.Start >= entity.End || text[entity.Start..entity.End] != entity.Text)
            {
                throw new InvalidOperationException($"entity {entity} outside the text");
            }
        }

        foreach (Relation relation in result.Relations)
        {
            if (relation.Trigger.Start < 0 || relation.Trigger.End > text.Length || relation.Sentence >= document.SentenceCount)
            {
                throw new InvalidOperationException($"relation {relation} outside the text");
            }
        }

        string json = result.ToJson(new JsonOutputOptions { IncludeTokens = true });
        using JsonDocument parsed = JsonDocument.Parse(json);
        string? roundTripped = parsed.RootElement.GetProperty("text").GetString();
        if (!IsWellFormedUtf16(text))
        {
            // Lone surrogates cannot be represented in UTF-8 JSON; they are written as U+FFFD (documented).
            roundTripped!.Length.Should().Be(text.Length);
        }
        else if (roundTripped != text)
        {
            throw new InvalidOperationException("text does not round-trip through JSON");
        }

        if (SharedExtractor.Extract(text).ToJson(new JsonOutputOptions { IncludeTokens = true }) != json)
        {
            throw new InvalidOperationException("a re-run gives a different result");
        }
    }

    private static bool IsWellFormedUtf16(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    // CI runs a bounded number of cases; EXTRACTION_FUZZ_SCALE=100 gives the long fuzz run (README).
    private static long Iterations(long ci) =>
        ci * (long.TryParse(Environment.GetEnvironmentVariable("EXTRACTION_FUZZ_SCALE"), out long scale) && scale > 0 ? scale : 1);

    [Fact]
    public void Extract_ArbitraryUnicode_InvariantsHold()
    {
        GeneratedText.AnyUnicode.Sample(CheckInvariants, iter: Iterations(2000));
    }

    [Fact]
    public void Extract_GeneratedGermanText_InvariantsHold()
    {
        GeneratedText.GermanLike.Sample(CheckInvariants, iter: Iterations(1000));
    }
}
