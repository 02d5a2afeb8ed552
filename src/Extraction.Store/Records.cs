namespace Extraction.Store;

/// <summary>What <see cref="NewsStore.Add"/> did with a document.</summary>
public enum AddOutcome
{
    /// <summary>The id was new: the document and its facts were added.</summary>
    Added,

    /// <summary>The id was stored with a different content hash: its old facts were replaced.</summary>
    Replaced,

    /// <summary>The id was stored with the same content hash: nothing was written.</summary>
    Unchanged,
}

/// <summary>Filters for <see cref="NewsStore.QueryFacts"/>; null filters match everything. Immutable and thread-safe.</summary>
public sealed record FactQuery
{
    /// <summary>The relation type (<c>Meeting</c>, <c>HoldsRole</c>, <c>Statement</c>, ...), case-insensitive.</summary>
    public string? Type { get; init; }

    /// <summary>A name that any argument must match: an entity's canonical name or alias, or the argument's value itself (case-insensitive).</summary>
    public string? Entity { get; init; }

    /// <summary>A name that one of the <c>participants</c> must match (as for <see cref="Entity"/>).</summary>
    public string? Participant { get; init; }

    /// <summary>A name that the <c>place</c> argument must match (as for <see cref="Entity"/>).</summary>
    public string? Place { get; init; }

    /// <summary>The first document date to include; documents without a date are excluded when set.</summary>
    public DateOnly? From { get; init; }

    /// <summary>The last document date to include; documents without a date are excluded when set.</summary>
    public DateOnly? To { get; init; }

    /// <summary>The most facts to return; null for all.</summary>
    public int? Limit { get; init; }
}

/// <summary>
/// One argument of a stored fact: its name, its canonical names as in the extract JSON contract, and for each
/// name the store-wide entity it refers to (null for free text such as a topic). Immutable and thread-safe.
/// </summary>
/// <param name="Name">The argument name (<c>participants</c>, <c>place</c>, <c>person</c>, ...).</param>
/// <param name="Values">The canonical names, at least one.</param>
/// <param name="EntityIds">The store-wide entity id of each value, or null where the value is no entity of its document.</param>
/// <param name="IsList">Whether the argument is a list (a JSON array in the contract).</param>
public sealed record StoredArgument(string Name, IReadOnlyList<string> Values, IReadOnlyList<string?> EntityIds, bool IsList);

/// <summary>
/// A fact (relation) from the store with its provenance: the document, its date and source, the sentence and
/// the trigger's offsets. Immutable and thread-safe.
/// </summary>
public sealed record StoredFact
{
    /// <summary>The document id.</summary>
    public required string DocumentId { get; init; }

    /// <summary>The document's date, or null.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>The document's source, or null.</summary>
    public string? Source { get; init; }

    /// <summary>The document's title, or null.</summary>
    public string? Title { get; init; }

    /// <summary>The index of the sentence the fact was found in.</summary>
    public required int Sentence { get; init; }

    /// <summary>The text of that sentence.</summary>
    public required string SentenceText { get; init; }

    /// <summary>The offset of the trigger's first character in the document text (UTF-16 code units).</summary>
    public required int Start { get; init; }

    /// <summary>The offset after the trigger's last character.</summary>
    public required int End { get; init; }

    /// <summary>The relation type.</summary>
    public required string Type { get; init; }

    /// <summary>The arguments, in the order the library gave them.</summary>
    public required IReadOnlyList<StoredArgument> Arguments { get; init; }

    /// <summary>How certain the text is.</summary>
    public required Modality Modality { get; init; }

    /// <summary>The confidence, from 0 to 1.</summary>
    public required double Score { get; init; }

    /// <summary>The id of the rule that found the fact.</summary>
    public required string Rule { get; init; }

    /// <summary>The event code, or null.</summary>
    public string? Code { get; init; }

    /// <summary>The time as written, or null.</summary>
    public string? Time { get; init; }

    /// <summary>Every sentence the fact was found in, ascending.</summary>
    public required IReadOnlyList<int> EvidenceSentences { get; init; }

    /// <summary>Gives the first value of an argument, or null when the fact has no such argument.</summary>
    /// <param name="name">The argument name.</param>
    /// <returns>The value or null.</returns>
    public string? GetValue(string name) => Arguments.FirstOrDefault(a => a.Name == name)?.Values[0];
}

/// <summary>A store-wide entity: one per real-world thing under the merge rule in README. Immutable and thread-safe.</summary>
/// <param name="Id">The stable id (derived from label and canonical key, the same in every store).</param>
/// <param name="Label">The label.</param>
/// <param name="Name">The canonical name.</param>
/// <param name="Aliases">Every other form the documents use for it (surnames, acronyms, inflected forms), sorted.</param>
/// <param name="DocumentCount">The number of documents that mention it.</param>
public sealed record StoreEntity(string Id, EntityLabel Label, string Name, IReadOnlyList<string> Aliases, int DocumentCount);

/// <summary>Two store-wide entities that meet, with how often. Immutable and thread-safe.</summary>
/// <param name="First">The entity with the smaller id.</param>
/// <param name="FirstName">Its canonical name.</param>
/// <param name="Second">The entity with the larger id.</param>
/// <param name="SecondName">Its canonical name.</param>
/// <param name="Meetings">The number of Meeting facts with both as participants.</param>
/// <param name="Documents">The number of documents those facts come from.</param>
public sealed record EntityPair(string First, string FirstName, string Second, string SecondName, int Meetings, int Documents);
