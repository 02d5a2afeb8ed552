using Extraction.Ner;

namespace Extraction.Pipeline;

/// <summary>Assembles the default German pipeline from the models embedded in the assembly.</summary>
internal static class GermanPipeline
{
    public static IReadOnlyList<IPipelineComponent> CreateDefaultComponents(ExtractorOptions options)
    {
        // Order: POS/lemma, NER, then the layers that read both: lexicon entities, roles, linking, HoldsRole, relations.
        Roles.GermanLexicons lexicons = Roles.GermanLexicons.Default;
        return
        [
            Morphology.MorphologyComponent.CreateDefault(),
            NerComponent.CreateDefault(),
            new Roles.GazetteerComponent(lexicons),
            new Roles.RoleTaggingComponent(lexicons),
            new Roles.EntityLinkingComponent(lexicons),
            new Roles.HoldsRoleComponent(lexicons),
            Relations.RelationComponent.Create(options),
        ];
    }
}
