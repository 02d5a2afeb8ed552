using Extraction.Morphology;

namespace Extraction.Tests.Morphology;

public class ModelFileTests
{
    private static MorphLexicon SmallLexicon() => MorphLexicon.Build(
    [
        ("Minister", LexClass.Noun, "Minister", Cells.Bit(Cells.Nom, 0, Cells.Masc) | Cells.Bit(Cells.Nom, 1, Cells.AnyGender)),
        ("Ministers", LexClass.Noun, "Minister", Cells.Bit(Cells.Gen, 0, Cells.Masc)),
        ("traf", LexClass.VerbFinite, "treffen", 0),
        ("treffen", LexClass.VerbInfinitive, "treffen", 0),
        ("treffen", LexClass.VerbFinite, "treffen", 0),
        ("Akkus", LexClass.Noun, "Akku", Cells.Bit(Cells.Acc, 1, Cells.AnyGender) | 0x80000000u),
    ]);

    private static MorphModel SmallModel()
    {
        var upos = new PerceptronModel(["NOUN", "VERB"], [11UL, 22UL], [0.5f, -0.25f, 0f, 1.5f]);
        var stts = new PerceptronModel(["NN", "VVFIN", "ART"], [33UL], [1f, 2f, -3f]);
        return new MorphModel(
            upos,
            new PerceptronModel(["NOUN", "VERB"], [44UL], [2f, -2f]),
            stts,
            [new LemmaEntry("traf", 1, "treffen"), new LemmaEntry("Haus", 0, "Haus")],
            [new SuffixRule("ers", 0, 1, string.Empty)],
            new FormClassTable([FormClassTable.Key("Berlin")], [4]),
            new FormClassTable([Hashing.Hash("haus", lower: true)], [7]));
    }

    private static byte[] Bytes(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return stream.ToArray();
    }

    [Fact]
    public void Lexicon_WriteThenRead_KeepsFormsAnalysesAndCells()
    {
        MorphLexicon lexicon = SmallLexicon();

        MorphLexicon read = MorphLexicon.Read(new MemoryStream(Bytes(lexicon.Write)), "test.bin");

        read.FormCount.Should().Be(lexicon.FormCount);
        read.AnalysisCount.Should().Be(lexicon.AnalysisCount);
        int form = read.Find("Ministers");
        read.LemmaStrings[read.Lemmas[read.FindAnalysis(form, LexClass.Noun)]].Should().Be("Minister");
        read.CellsOf(form, LexClass.Noun, -1).Should().Be(Cells.Bit(Cells.Gen, 0, Cells.Masc));
        read.CellsOf(read.Find("Akkus"), LexClass.Noun, -1).Should().Be(Cells.Bit(Cells.Acc, 1, Cells.AnyGender) | 0x80000000u);
        read.ClassesOf(read.Find("treffen")).Should().Be(LexClass.VerbFinite | LexClass.VerbInfinitive);
        read.Find("unbekannt").Should().Be(-1);
    }

    [Fact]
    public void Model_WriteThenRead_KeepsWeightsLemmasRulesAndNames()
    {
        MorphModel model = SmallModel();

        MorphModel read = MorphModel.Read(new MemoryStream(Bytes(model.Write)), "pos.bin");

        read.Upos.Labels.Should().Equal("NOUN", "VERB");
        read.Upos.Weights.Should().Equal(0.5f, -0.25f, 0f, 1.5f);
        read.Stts.Weights.Should().Equal(1f, 2f, -3f);
        read.UposSecondPass!.Weights.Should().Equal(2f, -2f);
        read.FindLemma("traf", 1).Should().Be("treffen");
        read.FindLemma("traf", 0).Should().BeNull();
        read.FindRule("Ministers", 0)!.Apply("Ministers").Should().Be("Minister");
        read.Names.Find(FormClassTable.Key("Berlin")).Should().Be(4);
        read.Names.Find(FormClassTable.Key("Hamburg")).Should().Be(0);
    }

    [Fact]
    public void Read_FlippedPayloadByte_ThrowsModelFormatExceptionNamingFile()
    {
        byte[] bytes = Bytes(SmallLexicon().Write);
        bytes[^3] ^= 0x5A;

        Action read = () => MorphLexicon.Read(new MemoryStream(bytes), "lexicon-de.bin");

        read.Should().Throw<ModelFormatException>().WithMessage("*lexicon-de.bin*checksum*");
    }

    [Fact]
    public void Read_TruncatedFile_ThrowsModelFormatException()
    {
        byte[] bytes = Bytes(SmallModel().Write);

        Action read = () => MorphModel.Read(new MemoryStream(bytes[..(bytes.Length - 5)]), "pos-de.bin");

        read.Should().Throw<ModelFormatException>().WithMessage("*pos-de.bin*truncated*");
    }

    [Fact]
    public void Read_TruncatedHeader_ThrowsModelFormatException()
    {
        byte[] bytes = Bytes(SmallModel().Write);

        Action read = () => MorphModel.Read(new MemoryStream(bytes[..10]), "pos-de.bin");

        read.Should().Throw<ModelFormatException>().WithMessage("*truncated*");
    }

    [Fact]
    public void Read_EmptyFile_ThrowsModelFormatException()
    {
        Action read = () => MorphLexicon.Read(new MemoryStream([]), "lexicon-de.bin");

        read.Should().Throw<ModelFormatException>().WithMessage("*lexicon-de.bin*empty*");
    }

    [Fact]
    public void Read_OtherVersion_ThrowsModelFormatExceptionWithVersion()
    {
        byte[] bytes = Bytes(SmallModel().Write);
        bytes[8] = 99;

        Action read = () => MorphModel.Read(new MemoryStream(bytes), "pos-de.bin");

        read.Should().Throw<ModelFormatException>().WithMessage("*version 99*");
    }

    [Fact]
    public void Read_LexiconFileAsModel_ThrowsModelFormatExceptionForMagic()
    {
        byte[] bytes = Bytes(SmallLexicon().Write);

        Action read = () => MorphModel.Read(new MemoryStream(bytes), "pos-de.bin");

        read.Should().Throw<ModelFormatException>().WithMessage("*magic*");
    }

    [Fact]
    public void Read_ValidContainerWithGarbagePayload_ThrowsModelFormatException()
    {
        byte[] garbage = Bytes(s => ModelFile.Write(s, MorphModel.Magic, MorphModel.FormatVersion, [200, 200, 200, 1, 2]));

        Action read = () => MorphModel.Read(new MemoryStream(garbage), "pos-de.bin");

        read.Should().Throw<ModelFormatException>().WithMessage("*pos-de.bin*corrupted*");
    }

    [Fact]
    public void EmbeddedModels_Load_HaveLexiconAndLabels()
    {
        MorphologyAnnotator annotator = EmbeddedMorphology.Annotator;

        annotator.Lexicon.FormCount.Should().BeGreaterThan(100_000);
        annotator.Model.Upos.Labels.Should().Contain(["NOUN", "VERB", "ADP", "PROPN"]);
        annotator.Model.Stts.Labels.Should().Contain(["NN", "VVFIN", "APPRART", "PTKVZ"]);
    }

    [Fact]
    public void MorphString_CellsOfSeveralCases_ListsValuesInUdOrder()
    {
        uint cells = Cells.Bit(Cells.Nom, 0, Cells.Masc) | Cells.Bit(Cells.Acc, 0, Cells.Masc) | Cells.Bit(Cells.Dat, 0, Cells.Masc);

        MorphologyAnnotator.MorphString(cells).Should().Be("Case=Acc,Dat,Nom|Gender=Masc|Number=Sing");
    }
}
