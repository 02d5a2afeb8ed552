namespace Extraction;

/// <summary>
/// Settings for <see cref="Extractor.CreateGerman(ExtractorOptions)"/>: a folder of retrained models, extra
/// relation rule files and relation types to switch off. Immutable and thread-safe.
/// </summary>
public sealed record ExtractorOptions
{
    /// <summary>The defaults: the built-in rules only, every relation type on.</summary>
    public static ExtractorOptions Default { get; } = new();

    /// <summary>
    /// Paths of relation rule files (JSON, format in src/Extraction/Relations/RULES.md) loaded after the
    /// built-in rules. Load only files you trust.
    /// </summary>
    public IReadOnlyList<string> RuleFiles { get; init; } = [];

    /// <summary>
    /// A folder with model files that replace the embedded ones: <c>ner-de.bin</c> (named entities), <c>parser-de.bin</c>
    /// (dependency parser),
    /// <c>pos-de.bin</c> and <c>lexicon-de.bin</c> (POS, lemmas, morphology; these two replace the embedded pair
    /// together), as <c>extraction train</c> writes them. A file the folder lacks is taken from the package.
    /// Null (the default) uses the embedded models. A missing folder throws <see cref="DirectoryNotFoundException"/>;
    /// a corrupt, truncated or foreign file throws <see cref="ModelFormatException"/> naming it.
    /// </summary>
    public string? ModelDirectory { get; init; }

    /// <summary>Relation types (<c>Meeting</c>, <c>Statement</c>, ...) that are not extracted, whichever rule finds them.</summary>
    public IReadOnlyCollection<string> DisabledRelationTypes { get; init; } = [];
}
