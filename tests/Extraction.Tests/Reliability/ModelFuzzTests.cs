using System.Diagnostics;
using Extraction.Morphology;
using Extraction.Ner;
using Extraction.Syntax;

namespace Extraction.Tests.Reliability;

/// <summary>
/// Mutations of the real embedded model files (bit flips, truncations, inserted and overwritten bytes,
/// including the length fields) must give the one documented exception type, naming the source, quickly.
/// </summary>
public class ModelFuzzTests
{
    private static byte[] Resource(string name)
    {
        using Stream stream = typeof(Extractor).Assembly.GetManifestResourceStream(name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        byte[] bytes = (byte[])original.Clone();
        switch (random.Next(5))
        {
            case 0: // flip a bit, often in the header
                int at = random.Next(2) == 0 ? random.Next(Math.Min(64, bytes.Length)) : random.Next(bytes.Length);
                bytes[at] ^= (byte)(1 << random.Next(8));
                return bytes;
            case 1: // truncate
                return bytes[..random.Next(bytes.Length)];
            case 2: // overwrite four bytes of the header with a huge number (a lying length)
                int field = random.Next(Math.Min(60, bytes.Length - 4));
                BitConverter.GetBytes(int.MaxValue - random.Next(1000)).CopyTo(bytes, field);
                return bytes;
            case 3: // insert a byte
                int insert = random.Next(bytes.Length);
                return [.. bytes[..insert], (byte)random.Next(256), .. bytes[insert..]];
            default: // zero a block
                int block = random.Next(bytes.Length);
                Array.Clear(bytes, block, Math.Min(256, bytes.Length - block));
                return bytes;
        }
    }

    private static void Fuzz(string resource, Action<Stream> read, int iterations)
    {
        byte[] original = Resource(resource);
        var random = new Random(20261122);
        for (int i = 0; i < iterations; i++)
        {
            byte[] mutated = Mutate(original, random);
            var watch = Stopwatch.StartNew();
            Action act = () => read(new MemoryStream(mutated));
            act.Should().Throw<ModelFormatException>($"mutation {i} of {resource}").Which.Message.Should().NotBeNullOrWhiteSpace();
            watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "a corrupt file is rejected without hanging");
        }
    }

    [Fact]
    public void NerModel_Mutations_ThrowModelFormatException()
    {
        Fuzz(NerComponent.ResourceName, s => NerModelFormat.Read(s, "ner-de.bin"), iterations: 15);
    }

    [Fact]
    public void PosModel_Mutations_ThrowModelFormatException()
    {
        Fuzz(EmbeddedMorphology.ModelResource, s => MorphModel.Read(s, "pos-de.bin"), iterations: 30);
    }

    [Fact]
    public void Lexicon_Mutations_ThrowModelFormatException()
    {
        Fuzz(EmbeddedMorphology.LexiconResource, s => MorphLexicon.Read(s, "lexicon-de.bin"), iterations: 30);
    }

    [Fact]
    public void ParserModel_Mutations_ThrowModelFormatException()
    {
        Fuzz(ParserComponent.ResourceName, s => ParserModel.Read(s, "parser-de.bin"), iterations: 30);
    }
}
