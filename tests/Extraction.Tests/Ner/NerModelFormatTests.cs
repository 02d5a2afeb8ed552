using Extraction.Ner;

namespace Extraction.Tests.Ner;

public class NerModelFormatTests
{
    private const int T = NerTags.TagCount;

    internal static NerModel CreateTinyModel()
    {
        var transitions = new float[T * T];
        var start = new float[T];
        var end = new float[T];
        for (int i = 0; i < transitions.Length; i++)
        {
            transitions[i] = (i % 7) - 3;
        }

        start[NerTags.Begin(0)] = 0.5f;
        end[NerTags.Outside] = 0.25f;
        ulong[] keys = [FeatureHash.Feature(2, FeatureHash.Exact("Merkel")), FeatureHash.Feature(2, FeatureHash.Exact("Berlin")), NerFeatureExtractor.BiasKey];
        int[] rowStarts = [0, 2, 3, 4];
        byte[] tags = [(byte)NerTags.Begin(0), (byte)NerTags.Inside(0), (byte)NerTags.Begin(3), NerTags.Outside];
        float[] weights = [4f, 2.5f, 3f, 1f];
        var lexicon = new NerLexicon([FeatureHash.Exact("Anna")], [(int)LexiconFlags.FirstName]);
        var metadata = new Dictionary<string, string> { ["name"] = "tiny", ["created"] = "2026-01-01" };
        return new NerModel(metadata, NerFeatureOptions.Default, transitions, start, end, keys, rowStarts, tags, weights, lexicon, 0.5f);
    }

    internal static byte[] Serialize(NerModel model)
    {
        using var memory = new MemoryStream();
        NerModelFormat.Write(model, memory);
        return memory.ToArray();
    }

    private static NerModel Read(byte[] bytes) => NerModelFormat.Read(new MemoryStream(bytes), "test.bin");

    [Fact]
    public void Read_WrittenModel_RoundTripsWeightsLexiconAndMetadata()
    {
        NerModel original = CreateTinyModel();

        NerModel copy = Read(Serialize(original));

        copy.Metadata.Should().BeEquivalentTo(original.Metadata);
        copy.Options.Should().Be(original.Options);
        copy.Transitions.Should().Equal(original.Transitions);
        copy.Start.Should().Equal(original.Start);
        copy.End.Should().Equal(original.End);
        copy.ConfidenceScale.Should().Be(0.5f);
        copy.FeatureKeys.Should().Equal(original.FeatureKeys);
        copy.RowTags.Should().Equal(original.RowTags);
        // RowWeights unpacks the packed table on every read: read each side once.
        float[] copied = copy.RowWeights;
        float[] originals = original.RowWeights;
        copied.Should().HaveCount(originals.Length);
        for (int i = 0; i < copied.Length; i++)
        {
            copied[i].Should().BeApproximately(originals[i], 4f / short.MaxValue);
        }

        copy.Lexicon.Keys.Should().Equal(original.Lexicon.Keys);
        copy.Lexicon.Values.Should().Equal(original.Lexicon.Values);
    }

    [Fact]
    public void Read_WrittenModel_ScoresLikeTheOriginal()
    {
        NerModel original = CreateTinyModel();
        NerModel copy = Read(Serialize(original));
        ulong[] features = [original.FeatureKeys[0], NerFeatureExtractor.BiasKey, 12345UL];
        var a = new float[T];
        var b = new float[T];

        original.AddScores(features, a);
        copy.AddScores(features, b);

        for (int y = 0; y < T; y++)
        {
            b[y].Should().BeApproximately(a[y], 1e-3f);
        }
    }

    [Fact]
    public void Read_EmptyStream_ThrowsModelFormatException()
    {
        Action act = () => Read([]);

        act.Should().Throw<ModelFormatException>().WithMessage("*test.bin*empty*");
    }

    [Fact]
    public void Read_WrongMagic_ThrowsModelFormatException()
    {
        byte[] bytes = Serialize(CreateTinyModel());
        bytes[0] = (byte)'Z';

        Action act = () => Read(bytes);

        act.Should().Throw<ModelFormatException>().WithMessage("*test.bin*magic*");
    }

    [Fact]
    public void Read_WrongVersion_ThrowsModelFormatException()
    {
        byte[] bytes = Serialize(CreateTinyModel());
        bytes[8] = 99;

        Action act = () => Read(bytes);

        act.Should().Throw<ModelFormatException>().WithMessage("*test.bin*version 99*");
    }

    [Theory]
    [InlineData(5)]
    [InlineData(20)]
    [InlineData(40)]
    [InlineData(-1)]
    public void Read_TruncatedFile_ThrowsModelFormatException(int length)
    {
        byte[] bytes = Serialize(CreateTinyModel());
        int keep = length < 0 ? bytes.Length - 1 : length;

        Action act = () => Read(bytes[..keep]);

        act.Should().Throw<ModelFormatException>().WithMessage("*test.bin*truncated*");
    }

    [Fact]
    public void Read_TruncatedNonSeekableStream_ThrowsModelFormatException()
    {
        byte[] bytes = Serialize(CreateTinyModel());

        Action act = () => NerModelFormat.Read(new NonSeekableStream(bytes[..^3]), "pipe");

        act.Should().Throw<ModelFormatException>().WithMessage("*pipe*truncated*");
    }

    [Fact]
    public void Read_EveryFlippedBit_ThrowsModelFormatException()
    {
        byte[] bytes = Serialize(CreateTinyModel());
        for (int position = 0; position < bytes.Length; position++)
        {
            byte[] copy = (byte[])bytes.Clone();
            copy[position] ^= (byte)(1 << (position % 8));

            Action act = () => Read(copy);

            act.Should().Throw<ModelFormatException>($"byte {position} was flipped");
        }
    }

    [Fact]
    public void Read_LyingLengthField_ThrowsWithoutHugeAllocation()
    {
        byte[] bytes = Serialize(CreateTinyModel());
        BitConverter.GetBytes(long.MaxValue / 2).CopyTo(bytes, 12);

        Action act = () => Read(bytes);

        act.Should().Throw<ModelFormatException>().WithMessage("*test.bin*length*");
    }

    [Theory]
    [InlineData(90L * 1024 * 1024)]
    [InlineData(-5L)]
    [InlineData(3L)]
    public void Read_LyingPayloadLength_ThrowsModelFormatException(long announced)
    {
        byte[] bytes = Serialize(CreateTinyModel());
        BitConverter.GetBytes(announced).CopyTo(bytes, 20);

        Action act = () => Read(bytes);

        act.Should().Throw<ModelFormatException>().WithMessage("*test.bin*length*");
    }

    [Fact]
    public void Read_TrailingGarbage_ThrowsModelFormatException()
    {
        byte[] bytes = [.. Serialize(CreateTinyModel()), 1, 2, 3];

        Action act = () => Read(bytes);

        act.Should().Throw<ModelFormatException>().WithMessage("*test.bin*unexpected bytes*");
    }

    [Fact]
    public void ReadFile_MissingFile_ThrowsModelFormatExceptionNamingThePath()
    {
        string path = Path.Combine(Path.GetTempPath(), "no-such-model-" + Guid.NewGuid().ToString("N") + ".bin");

        Action act = () => NerModelFormat.ReadFile(path);

        act.Should().Throw<ModelFormatException>().WithMessage($"*{Path.GetFileName(path)}*");
    }

    private sealed class NonSeekableStream(byte[] data) : Stream
    {
        private readonly MemoryStream _inner = new(data);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, Math.Min(count, 7));

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
