namespace Extraction;

public sealed partial class Document
{
    // Entities and relations that pipeline components add, in text order. Written only while the
    // pipeline runs; read-only once the document is handed out.
    internal List<Entity> EntityList { get; } = [];

    internal List<Relation> RelationList { get; } = [];

    // The dateline the relation component recognised at the start of the text, if any.
    internal Dateline? DatelineValue { get; set; }
}
