using Extraction.Ner;
using Extraction.Training.Evaluation;
using Extraction.Training.Ner;

namespace Extraction.Tests.Ner;

public class NerTrainingTests
{
    // Invented sentences in GermEval TSV (index, token, outer, inner), with a comment line and a soft hyphen.
    private const string TinyCorpus =
        "#\tinvented\t[2026-01-01]\n" +
        "1\tAnna\tB-PER\tO\n2\tSchmidt\tI-PER\tO\n3\twohnt\tO\tO\n4\tin\tO\tO\n5\tHam\u00ADburg\tB-LOC\tO\n6\t.\tO\tO\n\n" +
        "1\tPeter\tB-PER\tO\n2\tMüller\tI-PER\tO\n3\tarbeitet\tO\tO\n4\tbei\tO\tO\n5\tSiemens\tB-ORG\tO\n6\t.\tO\tO\n\n" +
        "1\tDie\tO\tO\n2\tbayerische\tB-LOCderiv\tO\n3\tPolizei\tO\tO\n4\tsucht\tO\tO\n5\tKarl\tB-PER\tO\n6\t.\tO\tO\n\n" +
        "1\tDie\tO\tO\n2\tNATO-Truppen\tB-ORGpart\tO\n3\tbleiben\tO\tO\n4\tin\tO\tO\n5\tPolen\tB-LOC\tO\n6\t.\tO\tO\n\n" +
        "1\tMaria\tB-PER\tO\n2\tliest\tO\tO\n3\tden\tO\tO\n4\tSpiegel\tB-ORG\tO\n5\tin\tO\tO\n6\tBerlin\tB-LOC\tO\n7\t.\tO\tO\n\n" +
        "1\tDer\tO\tO\n2\tFilm\tO\tO\n3\tläuft\tO\tO\n4\tin\tO\tO\n5\tWien\tB-LOC\tO\n6\tund\tO\tO\n7\tGraz\tB-LOC\tO\n8\t.\tO\tO\n";

    [Fact]
    public void Read_GermEvalText_SkipsCommentsAndNormalisesSoftHyphens()
    {
        List<LabeledSentence> sentences = GermEvalReader.Read(new StringReader(TinyCorpus), "tiny");

        sentences.Should().HaveCount(6);
        sentences[0].Tokens.Should().Equal("Anna", "Schmidt", "wohnt", "in", "Hamburg", ".");
        sentences[0].Tags[4].Should().Be(NerTags.Parse("B-LOC"));
        GermEvalReader.Normalize("a\u0096b\u0092c").Should().Be("a\u2013b'c");
    }

    [Fact]
    public void Train_TinyCorpus_LearnsToTagItsSentences()
    {
        List<LabeledSentence> sentences = GermEvalReader.Read(new StringReader(TinyCorpus), "tiny");
        var extractor = new NerFeatureExtractor(NerLexicon.Empty, NerFeatureOptions.Default);
        var space = new FeatureSpace();
        FeatureCorpus corpus = FeatureCorpus.Build(sentences, extractor, space, grow: true);
        var trainer = new PerceptronTrainer { Epochs = 10, Patience = 10, Seed = 5 };

        ChainWeights weights = trainer.Train(corpus, space.Count, corpus, sentences, TextWriter.Null, out _, out double devF1);
        NerModel model = weights.ToModel(space, 100_000, 0f, NerLexicon.Empty, NerFeatureOptions.Default, new Dictionary<string, string>(), 1f);
        using var memory = new MemoryStream();
        NerModelFormat.Write(model, memory);
        memory.Position = 0;
        SpanScorer score = NerEvaluator.Score(NerModelFormat.Read(memory, "tiny"), sentences);

        devF1.Should().Be(1.0);
        score.Overall.F1.Should().Be(1.0);
    }

    [Fact]
    public void Train_SameSeed_GivesTheSameModel()
    {
        List<LabeledSentence> sentences = GermEvalReader.Read(new StringReader(TinyCorpus), "tiny");
        var extractor = new NerFeatureExtractor(NerLexicon.Empty, NerFeatureOptions.Default);

        float[] Run()
        {
            var space = new FeatureSpace();
            FeatureCorpus corpus = FeatureCorpus.Build(sentences, extractor, space, grow: true);
            return new PerceptronTrainer { Epochs = 3, Seed = 9 }.Train(corpus, space.Count, corpus, sentences, TextWriter.Null, out _, out _).Emissions;
        }

        Run().Should().Equal(Run());
    }

    [Fact]
    public void SpanScorer_StrictMatch_CountsBoundaryErrorsAsBoth()
    {
        var scorer = new SpanScorer(NerTags.Labels);

        scorer.Add(["B-PER", "I-PER", "O", "B-LOC"], ["B-PER", "O", "O", "B-LOC"]);

        scorer.Overall.TruePositives.Should().Be(1);
        scorer.Overall.FalsePositives.Should().Be(1);
        scorer.Overall.FalseNegatives.Should().Be(1);
        scorer.Labels["PER"].F1.Should().Be(0);
        scorer.Labels["LOC"].F1.Should().Be(1);
    }
}
