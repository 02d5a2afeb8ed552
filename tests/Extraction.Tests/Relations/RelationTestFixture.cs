namespace Extraction.Tests.Relations;

/// <summary>One default extractor shared by the relation tests (loading the models takes a moment).</summary>
public sealed class ExtractorFixture
{
    public Extractor Extractor { get; } = Extractor.CreateGerman();
}

[CollectionDefinition(Name)]
public sealed class RelationCollection : ICollectionFixture<ExtractorFixture>
{
    public const string Name = "relations";
}

internal static class RelationAssertions
{
    public static IReadOnlyList<Relation> OfType(this ExtractionResult result, string type) =>
        result.Relations.Where(r => r.Type == type).ToList();

    public static string? Arg(this Relation relation, string name) =>
        relation.Arguments.TryGetValue(name, out RelationArgument? value) ? string.Join("|", value.Values) : null;
}
