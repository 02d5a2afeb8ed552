using Extraction.Ner;

namespace Extraction.Pipeline;

/// <summary>Assembles the default German pipeline from the models embedded in the assembly.</summary>
internal static class GermanPipeline
{
    public static IReadOnlyList<IPipelineComponent> CreateDefaultComponents()
    {
        // Order: POS/lemma, NER, then the layers that read both (roles, relations).
        Roles.GermanLexicons lexicons = Roles.GermanLexicons.Default;
        return
        [
            Morphology.MorphologyComponent.CreateDefault(),
            NerComponent.CreateDefault(),
            new Roles.GazetteerComponent(lexicons),
            new Roles.RoleTaggingComponent(lexicons),
            new Roles.EntityLinkingComponent(lexicons),
            new Roles.HoldsRoleComponent(lexicons),
        ];
    }
}
