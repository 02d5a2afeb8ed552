using Extraction.Morphology;
using Extraction.Syntax;

namespace Extraction.Tests.Syntax;

public class ParserModelTests
{
    private static ParserModel SmallModel() => new(
        new PerceptronModel(ParserModel.ActionNames, [1UL, 2UL], [0.5f, -1f, 0.25f, 0f, 2f, -0.5f]),
        new PerceptronModel(["nsubj", "obj"], [3UL], [1f, -1f]),
        new FormClassTable([Hashing.Hash("haus", lower: true)], [7]));

    private static byte[] Bytes(ParserModel model)
    {
        using var stream = new MemoryStream();
        model.Write(stream);
        return stream.ToArray();
    }

    [Fact]
    public void Read_WrittenModel_KeepsWeightsLabelsAndClusters()
    {
        ParserModel read = ParserModel.Read(new MemoryStream(Bytes(SmallModel())), "parser.bin");

        read.Actions.Labels.Should().Equal(ParserModel.ActionNames);
        read.Actions.Weights.Should().Equal(0.5f, -1f, 0.25f, 0f, 2f, -0.5f);
        read.Labels.Labels.Should().Equal("nsubj", "obj");
        read.Clusters.Find(Hashing.Hash("haus", lower: true)).Should().Be(7);
    }

    [Fact]
    public void Read_EmptyFile_ThrowsModelFormatExceptionNamingTheFile()
    {
        Action act = () => ParserModel.Read(new MemoryStream([]), "parser.bin");

        act.Should().Throw<ModelFormatException>().WithMessage("*parser.bin*empty*");
    }

    [Fact]
    public void Read_TruncatedFile_ThrowsModelFormatException()
    {
        byte[] bytes = Bytes(SmallModel());

        Action act = () => ParserModel.Read(new MemoryStream(bytes[..(bytes.Length - 5)]), "parser.bin");

        act.Should().Throw<ModelFormatException>().WithMessage("*parser.bin*truncated*");
    }

    [Fact]
    public void Read_CorruptedPayload_ThrowsModelFormatExceptionForTheChecksum()
    {
        byte[] bytes = Bytes(SmallModel());
        bytes[^3] ^= 0x40;

        Action act = () => ParserModel.Read(new MemoryStream(bytes), "parser.bin");

        act.Should().Throw<ModelFormatException>().WithMessage("*checksum*");
    }

    [Fact]
    public void Read_PosModelFile_ThrowsModelFormatExceptionForTheMagic()
    {
        using Stream pos = typeof(Extractor).Assembly.GetManifestResourceStream(EmbeddedMorphology.ModelResource)!;

        Action act = () => ParserModel.Read(pos, "pos-de.bin");

        act.Should().Throw<ModelFormatException>().WithMessage("*pos-de.bin*magic*");
    }

    [Fact]
    public void Read_OtherFormatVersion_ThrowsModelFormatException()
    {
        byte[] bytes = Bytes(SmallModel());
        bytes[8] = 99;

        Action act = () => ParserModel.Read(new MemoryStream(bytes), "parser.bin");

        act.Should().Throw<ModelFormatException>().WithMessage("*version 99*");
    }

    [Fact]
    public void Read_EmbeddedModel_HasTheTransitionsAndGsdRelations()
    {
        using Stream stream = typeof(Extractor).Assembly.GetManifestResourceStream(ParserComponent.ResourceName)!;

        ParserModel model = ParserModel.Read(stream, "parser-de.bin");

        model.Actions.Labels.Should().Equal(ParserModel.ActionNames);
        model.Labels.Labels.Should().Contain(["nsubj", "nsubj:pass", "obj", "obl", "nmod", "conj", "appos", "acl"]).And.NotContain(["root", "acl:relcl", "flat:name"]);
    }
}
