using Extraction.Morphology;
using Extraction.Ner;

namespace Extraction.Tests;

public sealed class ModelDirectoryTests : IDisposable
{
    // Invented sentence.
    private const string Text = "Die Wiener Stadträtin Lena Hofbauer traf am Freitag in Linz den Vorstand der Voestalpine.";

    private readonly string _folder = Directory.CreateTempSubdirectory("extraction-models-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void CreateGerman_FolderWithCopiesOfTheEmbeddedModels_GivesTheSameResult()
    {
        CopyEmbedded(NerComponent.ResourceName, NerComponent.ModelFileName);
        CopyEmbedded(EmbeddedMorphology.ModelResource, EmbeddedMorphology.ModelFileName);
        CopyEmbedded(EmbeddedMorphology.LexiconResource, EmbeddedMorphology.LexiconFileName);

        Extractor fromFolder = Extractor.CreateGerman(new ExtractorOptions { ModelDirectory = _folder });

        fromFolder.Extract(Text).ToJson().Should().Be(Extractor.CreateGerman().Extract(Text).ToJson());
    }

    [Fact]
    public void CreateGerman_CorruptNerFile_ThrowsModelFormatExceptionNamingTheFile()
    {
        byte[] model = Embedded(NerComponent.ResourceName);
        model[model.Length / 2] ^= 0xFF;
        File.WriteAllBytes(Path.Combine(_folder, NerComponent.ModelFileName), model);

        Action create = () => Extractor.CreateGerman(new ExtractorOptions { ModelDirectory = _folder });

        create.Should().Throw<ModelFormatException>().WithMessage($"*{NerComponent.ModelFileName}*");
    }

    [Fact]
    public void CreateGerman_OnlyOneOfTheMorphologyFiles_ThrowsModelFormatException()
    {
        CopyEmbedded(EmbeddedMorphology.ModelResource, EmbeddedMorphology.ModelFileName);

        Action create = () => Extractor.CreateGerman(new ExtractorOptions { ModelDirectory = _folder });

        create.Should().Throw<ModelFormatException>().WithMessage("*lexicon-de.bin*");
    }

    [Fact]
    public void CreateGerman_MissingFolder_ThrowsDirectoryNotFound()
    {
        Action create = () => Extractor.CreateGerman(new ExtractorOptions { ModelDirectory = Path.Combine(_folder, "nowhere") });

        create.Should().Throw<DirectoryNotFoundException>().WithMessage("*nowhere*");
    }

    private static byte[] Embedded(string resource)
    {
        using Stream stream = typeof(Extractor).Assembly.GetManifestResourceStream(resource)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private void CopyEmbedded(string resource, string fileName) => File.WriteAllBytes(Path.Combine(_folder, fileName), Embedded(resource));
}
