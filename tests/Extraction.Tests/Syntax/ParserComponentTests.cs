using System.Text.Json;
using Extraction.Morphology;
using Extraction.Pipeline;
using Extraction.Serialization;
using Extraction.Syntax;

namespace Extraction.Tests.Syntax;

public class ParserComponentTests
{
    private static readonly Extractor SharedExtractor = Extractor.CreateGerman();

    // Invented news sentences.
    private const string News =
        "Die Regierung in Berlin lehnt den Vorschlag der Opposition ab. Der Minister, der am Montag nach Paris reiste, " +
        "traf dort seinen Amtskollegen und die Botschafterin. Im vergangenen Jahr wurde das Gesetz vom Parlament beschlossen. " +
        "Die US-Regierung kündigte an, die Sanktionen zu verschärfen, wie ein Sprecher sagte.";

    private static void AssertTrees(Document document)
    {
        document.HeadArray.Should().NotBeNull();
        foreach (Sentence sentence in document.Sentences)
        {
            int roots = 0;
            foreach (Token token in sentence.Tokens)
            {
                token.DepRel.Should().NotBeNullOrEmpty();
                if (token.Head < 0)
                {
                    roots++;
                    token.Head.Should().Be(-1);
                    token.DepRel.Should().Be("root");
                    continue;
                }

                token.Head.Should().BeInRange(sentence.FirstToken, sentence.FirstToken + sentence.TokenCount - 1, "heads stay inside the sentence");
                token.Head.Should().NotBe(token.Index);
                int steps = 0;
                for (int h = token.Head; h >= 0; h = document.GetToken(h).Head)
                {
                    (++steps).Should().BeLessThanOrEqualTo(sentence.TokenCount, "the heads have no cycle");
                }
            }

            roots.Should().Be(1, $"sentence {sentence.Index} has exactly one root");
        }
    }

    [Fact]
    public void Extract_NewsText_GivesOneTreePerSentence()
    {
        ExtractionResult result = SharedExtractor.Extract(News);

        result.Document.SentenceCount.Should().Be(4);
        AssertTrees(result.Document);
    }

    [Fact]
    public void Children_OfEachToken_AreExactlyTheTokensWithThatHead()
    {
        Document document = SharedExtractor.Extract(News).Document;

        foreach (Token token in document.Tokens)
        {
            var expected = document.Tokens.Where(t => t.Head == token.Index).Select(t => t.Index).ToList();
            var children = new List<int>();
            foreach (Token child in token.Children)
            {
                children.Add(child.Index);
            }

            children.Should().Equal(expected);
        }
    }

    [Fact]
    public void Process_PathologicalTokens_StillGivesTrees()
    {
        Document document = Document.FromTokens([["!"], [".", ".", "."], ["und", "und", "und", "und"], ["„", "(", "Kern", ")", "“"]]);
        MorphologyComponent.CreateDefault().Process(document, CancellationToken.None);

        ParserComponent.CreateDefault().Process(document, CancellationToken.None);

        AssertTrees(document);
    }

    [Fact]
    public void Process_LongSentence_WorkIsLinearAndTheResultATree()
    {
        // One unpunctuated sentence of 200,000 tokens against one of 20,000: ten times the transitions, no more.
        static (long Work, Document Document) Parse(int tokens)
        {
            string[] words = ["und", "Merz", "traf", "Macron", "in", "Paris"];
            Document document = Document.FromTokens([Enumerable.Range(0, tokens).Select(i => words[i % words.Length]).ToArray()]);
            MorphologyComponent.CreateDefault().Process(document, CancellationToken.None);
            WorkMeter.Reset();
            ParserComponent.CreateDefault().Process(document, CancellationToken.None);
            return (WorkMeter.Steps, document);
        }

        (long small, _) = Parse(20_000);
        (long large, Document document) = Parse(200_000);

        small.Should().Be(2 * 20_000, "arc-hybrid takes exactly two transitions per token");
        large.Should().Be(2 * 200_000);
        AssertTrees(document);
    }

    [Fact]
    public void Write_ParsedToken_AddsHeadAndDeprelAfterTheMorphology()
    {
        Document document = SharedExtractor.Extract("Die Regierung lehnt den Vorschlag ab.").Document;
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            TokenJsonFields.Write(writer, document.GetToken(1));
            writer.WriteEndObject();
        }

        using JsonDocument json = JsonDocument.Parse(buffer.ToArray());
        string[] names = [.. json.RootElement.EnumerateObject().Select(p => p.Name)];
        names.Should().Equal("pos", "tag", "lemma", "morph", "head", "deprel");
        json.RootElement.GetProperty("head").GetInt32().Should().Be(document.GetToken(1).Head);
        json.RootElement.GetProperty("deprel").GetString().Should().Be(document.GetToken(1).DepRel);
    }

    [Fact]
    public void ToJson_WithTokens_GivesEveryTokenAHeadIndexIntoTheTokensArray()
    {
        ExtractionResult result = SharedExtractor.Extract(News);

        using JsonDocument json = JsonDocument.Parse(result.ToJson(new JsonOutputOptions { IncludeTokens = true }));

        JsonElement tokens = json.RootElement.GetProperty("tokens");
        tokens.GetArrayLength().Should().Be(result.Document.TokenCount);
        int roots = 0;
        foreach (JsonElement token in tokens.EnumerateArray())
        {
            int head = token.GetProperty("head").GetInt32();
            head.Should().BeInRange(-1, tokens.GetArrayLength() - 1);
            roots += head == -1 ? 1 : 0;
            token.GetProperty("deprel").GetString().Should().NotBeNullOrEmpty();
        }

        roots.Should().Be(result.Document.SentenceCount);
    }

    [Fact]
    public void Head_WithoutParser_IsMinusOneAndDepRelNull()
    {
        Document document = Document.FromTokens([["Hallo", "Welt"]]);

        document.GetToken(1).Head.Should().Be(-1);
        document.GetToken(1).DepRel.Should().BeNull();
        document.GetToken(1).Children.IsEmpty.Should().BeTrue();
        document.Sentences[0].Clauses.Should().BeEmpty();
    }

    [Fact]
    public void Extractor_DefaultPipeline_RunsTheParserAfterTheMorphology()
    {
        SharedExtractor.ComponentNames.Should().ContainInOrder("morphology", "parser", "ner");
        SharedExtractor.ProducedAnnotations.HasFlag(Annotation.Dependencies).Should().BeTrue();
    }
}
