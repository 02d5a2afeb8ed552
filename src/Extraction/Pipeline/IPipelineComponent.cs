namespace Extraction.Pipeline;

/// <summary>The kinds of annotation a pipeline component needs or adds to a document.</summary>
[Flags]
internal enum Annotation
{
    None = 0,
    Tokens = 1,
    Sentences = 2,
    PartOfSpeech = 4,
    Lemmas = 8,
    NamedEntityTags = 16,
    Entities = 32,
    Roles = 64,
    Relations = 128,
    CanonicalNames = 256,
    RoleRelations = 512,
    Dependencies = 1024,
}

/// <summary>
/// One step of the pipeline: statistical taggers and rule layers alike take the document and add
/// annotations to it. Implementations are immutable after construction and thread-safe, so one
/// instance serves many documents at once.
/// </summary>
internal interface IPipelineComponent
{
    /// <summary>A short name for error messages and the CLI's <c>info</c>.</summary>
    string Name { get; }

    /// <summary>What the component reads; the pipeline checks that an earlier step produces it.</summary>
    Annotation Requires { get; }

    /// <summary>What the component adds.</summary>
    Annotation Produces { get; }

    /// <summary>Adds the component's annotations to the document.</summary>
    void Process(Document document, CancellationToken cancellationToken);
}
