using Microsoft.ML.Transforms;

namespace Extraction.ML;

/// <summary>The input row of the extraction transform: one text column. A data-transfer type for ML.NET (mutable by its design).</summary>
public sealed class ExtractionInput
{
    /// <summary>The German text (the column named by <c>inputColumnName</c>).</summary>
    public string Text { get; set; } = string.Empty;
}

/// <summary>The columns the extraction transform adds. A data-transfer type for ML.NET (mutable by its design).</summary>
public sealed class ExtractionOutput
{
    /// <summary>The label of each entity, in text order (<c>PER</c>, <c>LOC</c>, ...).</summary>
    public string[] EntityLabels { get; set; } = [];

    /// <summary>The canonical name of each entity, in text order.</summary>
    public string[] EntityCanonicals { get; set; } = [];

    /// <summary>The type of each relation, in text order.</summary>
    public string[] RelationTypes { get; set; } = [];

    /// <summary>Entity labels and relation types as one space-separated string, ready for text featurizers.</summary>
    public string ExtractionSummary { get; set; } = string.Empty;

    /// <summary>The number of entities.</summary>
    public float EntityCount { get; set; }
}

/// <summary>
/// The mapping behind the transform, registered under <see cref="ContractName"/> so that saved ML.NET
/// models that contain it can be loaded again (after <c>mlContext.ComponentCatalog.RegisterAssembly(typeof(ExtractionMapping).Assembly)</c>).
/// Thread-safe: the shared <see cref="Extractor"/> is.
/// </summary>
[CustomMappingFactoryAttribute(ContractName)]
public sealed class ExtractionMapping : CustomMappingFactory<ExtractionInput, ExtractionOutput>
{
    /// <summary>The contract name saved with models.</summary>
    public const string ContractName = "Extraction.German.v1";

    private static readonly Lazy<Extractor> DefaultExtractor = new(Extractor.CreateGerman);

    /// <inheritdoc />
    public override Action<ExtractionInput, ExtractionOutput> GetMapping() => Create(DefaultExtractor.Value);

    internal static Action<ExtractionInput, ExtractionOutput> Create(Extractor extractor) => (input, output) =>
    {
        ExtractionResult result = extractor.Extract(input.Text ?? string.Empty);
        output.EntityLabels = result.Entities.Select(e => e.LabelCode).ToArray();
        output.EntityCanonicals = result.Entities.Select(e => e.Canonical).ToArray();
        output.RelationTypes = result.Relations.Select(r => r.Type).ToArray();
        output.ExtractionSummary = string.Join(' ', output.EntityLabels.Concat(output.RelationTypes));
        output.EntityCount = output.EntityLabels.Length;
    };
}
