using Extraction.Ner;

namespace Extraction.Pipeline;

/// <summary>Assembles the default German pipeline from the models embedded in the assembly.</summary>
internal static class GermanPipeline
{
    // The POS model and lexicon of the model folder: both or neither (they are trained together).
    private static (string? Model, string? Lexicon) MorphologyFiles(ExtractorOptions options)
    {
        string? model = ModelFile(options, Morphology.EmbeddedMorphology.ModelFileName);
        string? lexicon = ModelFile(options, Morphology.EmbeddedMorphology.LexiconFileName);
        if ((model is null) != (lexicon is null))
        {
            throw new ModelFormatException($"Model folder '{options.ModelDirectory}' has only one of pos-de.bin and lexicon-de.bin; they replace the embedded models together.");
        }

        return (model, lexicon);
    }

    // A model file of the options' model folder, or null to use the embedded one.
    private static string? ModelFile(ExtractorOptions options, string fileName)
    {
        if (options.ModelDirectory is not { } folder)
        {
            return null;
        }

        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The model folder '{folder}' does not exist.");
        }

        string path = Path.Combine(folder, fileName);
        return File.Exists(path) ? path : null;
    }

    public static IReadOnlyList<IPipelineComponent> CreateDefaultComponents(ExtractorOptions options)
    {
        // Order: POS/lemma, the parser (reads the tags), NER, then the layers that read both: lexicon entities, roles, linking, HoldsRole, relations.
        Roles.GermanLexicons lexicons = Roles.GermanLexicons.Default;
        return
        [
            MorphologyFiles(options) is ({ } model, { } lexicon)
                ? Morphology.MorphologyComponent.Load(model, lexicon)
                : Morphology.MorphologyComponent.CreateDefault(),
            ModelFile(options, Syntax.ParserComponent.ModelFileName) is { } parser ? Syntax.ParserComponent.Load(parser) : Syntax.ParserComponent.CreateDefault(),
            ModelFile(options, NerComponent.ModelFileName) is { } ner ? NerComponent.Load(ner) : NerComponent.CreateDefault(),
            new Roles.GazetteerComponent(lexicons),
            new Roles.RoleTaggingComponent(lexicons),
            new Roles.EntityLinkingComponent(lexicons),
            new Roles.HoldsRoleComponent(lexicons),
            Relations.RelationComponent.Create(options),
        ];
    }
}
