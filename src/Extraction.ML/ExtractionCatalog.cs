using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace Extraction.ML;

/// <summary>Adds the extraction transform to ML.NET's transforms catalog. Stateless and thread-safe.</summary>
public static class ExtractionCatalog
{
    /// <summary>
    /// Extracts entities and relations from a text column and adds <c>EntityLabels</c>,
    /// <c>EntityCanonicals</c>, <c>RelationTypes</c> (text vectors), <c>ExtractionSummary</c> (text) and
    /// <c>EntityCount</c> (single) as columns, so that an ML.NET pipeline can use them as features.
    /// </summary>
    /// <param name="catalog">The transforms catalog (<c>mlContext.Transforms</c>).</param>
    /// <param name="inputColumnName">The text column.</param>
    /// <param name="extractor">The extractor to use; null for <see cref="Extractor.CreateGerman()"/> (shared).</param>
    /// <returns>The estimator.</returns>
    public static CustomMappingEstimator<ExtractionInput, ExtractionOutput> ExtractGerman(this TransformsCatalog catalog, string inputColumnName = "Text", Extractor? extractor = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentException.ThrowIfNullOrEmpty(inputColumnName);
        SchemaDefinition input = SchemaDefinition.Create(typeof(ExtractionInput));
        input[nameof(ExtractionInput.Text)].ColumnName = inputColumnName;
        Action<ExtractionInput, ExtractionOutput> mapping = extractor is null ? new ExtractionMapping().GetMapping() : ExtractionMapping.Create(extractor);
        return catalog.CustomMapping(mapping, extractor is null ? ExtractionMapping.ContractName : null, inputSchemaDefinition: input);
    }
}
