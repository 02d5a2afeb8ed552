namespace Extraction;

/// <summary>
/// Settings for <see cref="Extractor.CreateGerman(ExtractorOptions)"/>: extra relation rule files and
/// relation types to switch off. Immutable and thread-safe.
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

    /// <summary>Relation types (<c>Meeting</c>, <c>Statement</c>, ...) that are not extracted, whichever rule finds them.</summary>
    public IReadOnlyCollection<string> DisabledRelationTypes { get; init; } = [];
}
