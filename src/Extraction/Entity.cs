namespace Extraction;

/// <summary>The label of an <see cref="Entity"/>.</summary>
public enum EntityLabel : byte
{
    /// <summary>A person.</summary>
    Person,

    /// <summary>An office, title or function (Außenminister, Vorsitzender, Trainerin).</summary>
    Role,

    /// <summary>A place: country, region, city, landmark.</summary>
    Location,

    /// <summary>An organization: government body, party, company, club, alliance.</summary>
    Organization,

    /// <summary>Any other named thing: events, works, products, laws.</summary>
    Miscellaneous,
}

/// <summary>
/// A mention of a person, role, place, organization or other named thing in a document.
/// Immutable and thread-safe.
/// </summary>
public sealed class Entity
{
    private static readonly IReadOnlyDictionary<string, string> NoAttributes = new Dictionary<string, string>();

    /// <summary>Creates an entity.</summary>
    /// <param name="text">The mention as written.</param>
    /// <param name="label">The label.</param>
    /// <param name="start">The offset of the first character in the document text.</param>
    /// <param name="end">The offset after the last character (exclusive).</param>
    /// <param name="canonical">The base form of the name (<c>Trumps</c> gives <c>Trump</c>).</param>
    /// <param name="id">The id shared by all mentions of the same thing in the document.</param>
    /// <param name="score">The confidence, from 0 to 1.</param>
    /// <param name="attributes">Further facts about the mention; may be null.</param>
    public Entity(string text, EntityLabel label, int start, int end, string canonical, string id, double score, IReadOnlyDictionary<string, string>? attributes = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(canonical);
        ArgumentNullException.ThrowIfNull(id);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfLessThan(end, start);
        Text = text;
        Label = label;
        Start = start;
        End = end;
        Canonical = canonical;
        Id = id;
        Score = score;
        Attributes = attributes ?? NoAttributes;
    }

    /// <summary>The mention as written in the text.</summary>
    public string Text { get; }

    /// <summary>The label.</summary>
    public EntityLabel Label { get; }

    /// <summary>The offset of the first character in the document text (UTF-16 code units).</summary>
    public int Start { get; }

    /// <summary>The offset after the last character (exclusive).</summary>
    public int End { get; }

    /// <summary>The base form of the name, used as the value of relation arguments.</summary>
    public string Canonical { get; }

    /// <summary>The id shared by all mentions of the same thing in the document (<c>e1</c>, <c>e2</c>, ...).</summary>
    public string Id { get; }

    /// <summary>The confidence, from 0 to 1 (see README for how each component computes it).</summary>
    public double Score { get; }

    /// <summary>Further facts about the mention, such as <c>former</c> or <c>refersTo</c>; empty when there are none.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; }

    /// <summary>The short label used in JSON: <c>PER</c>, <c>ROLE</c>, <c>LOC</c>, <c>ORG</c> or <c>MISC</c>.</summary>
    public string LabelCode => ToCode(Label);

    /// <summary>Gives the short JSON code of a label.</summary>
    /// <param name="label">The label.</param>
    /// <returns><c>PER</c>, <c>ROLE</c>, <c>LOC</c>, <c>ORG</c> or <c>MISC</c>.</returns>
    public static string ToCode(EntityLabel label) => label switch
    {
        EntityLabel.Person => "PER",
        EntityLabel.Role => "ROLE",
        EntityLabel.Location => "LOC",
        EntityLabel.Organization => "ORG",
        _ => "MISC",
    };

    /// <inheritdoc />
    public override string ToString() => $"{LabelCode} [{Start},{End}) {Text}";
}
