using Extraction.Ner;

namespace Extraction.Pipeline;

/// <summary>Assembles the default German pipeline from the models embedded in the assembly.</summary>
internal static class GermanPipeline
{
    public static IReadOnlyList<IPipelineComponent> CreateDefaultComponents()
    {
        // Order: POS/lemma, NER, then the layers that read both (roles, relations).
        return [Morphology.MorphologyComponent.CreateDefault(), NerComponent.CreateDefault()];
    }
}
