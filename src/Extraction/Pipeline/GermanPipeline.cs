using Extraction.Ner;

namespace Extraction.Pipeline;

/// <summary>Assembles the default German pipeline from the models embedded in the assembly.</summary>
internal static class GermanPipeline
{
    public static IReadOnlyList<IPipelineComponent> CreateDefaultComponents(ExtractorOptions options)
    {
        // Components are added here as they land: POS/lemma, NER, roles, relations (last).
        return [Morphology.MorphologyComponent.CreateDefault(), NerComponent.CreateDefault(), Relations.RelationComponent.Create(options)];
    }
}
