namespace Extraction.Ner;

/// <summary>
/// The GermEval 2014 outer tag set in BIO: <c>O</c> plus <c>B-</c> and <c>I-</c> for twelve labels
/// (PER, LOC, ORG, OTH, each also as <c>deriv</c> and <c>part</c>), 25 tags in all.
/// Tag 0 is <c>O</c>; label <c>k</c> has <c>B</c> = 1 + 2k and <c>I</c> = 2 + 2k.
/// </summary>
internal static class NerTags
{
    public const int LabelCount = 12;
    public const int TagCount = 1 + (2 * LabelCount);
    public const int Outside = 0;

    public static readonly string[] Labels =
    [
        "PER", "PERderiv", "PERpart",
        "LOC", "LOCderiv", "LOCpart",
        "ORG", "ORGderiv", "ORGpart",
        "OTH", "OTHderiv", "OTHpart",
    ];

    public static readonly string[] TagNames = CreateTagNames();

    public static int Begin(int label) => 1 + (2 * label);

    public static int Inside(int label) => 2 + (2 * label);

    /// <summary>The label index of a tag, or -1 for <c>O</c>.</summary>
    public static int LabelOf(int tag) => tag == Outside ? -1 : (tag - 1) >> 1;

    public static bool IsBegin(int tag) => tag != Outside && ((tag - 1) & 1) == 0;

    public static bool IsInside(int tag) => tag != Outside && ((tag - 1) & 1) == 1;

    /// <summary>
    /// Whether <paramref name="current"/> may follow <paramref name="previous"/> in a valid BIO
    /// sequence; <paramref name="previous"/> is -1 at the start of a sentence.
    /// </summary>
    public static bool IsAllowed(int previous, int current)
    {
        if (!IsInside(current))
        {
            return true;
        }

        return previous > Outside && LabelOf(previous) == LabelOf(current);
    }

    /// <summary>The tag index of a tag name such as <c>B-LOCderiv</c>, or -1 when unknown.</summary>
    public static int Parse(string name) => Array.IndexOf(TagNames, name);

    /// <summary>Whether a label is a public entity (not <c>deriv</c> or <c>part</c>).</summary>
    public static bool IsEntityLabel(int label) => label % 3 == 0;

    /// <summary>Maps an entity label (PER, LOC, ORG, OTH) to the public <see cref="EntityLabel"/>.</summary>
    public static EntityLabel ToEntityLabel(int label) => (label / 3) switch
    {
        0 => EntityLabel.Person,
        1 => EntityLabel.Location,
        2 => EntityLabel.Organization,
        _ => EntityLabel.Miscellaneous,
    };

    private static string[] CreateTagNames()
    {
        var names = new string[TagCount];
        names[Outside] = "O";
        for (int label = 0; label < LabelCount; label++)
        {
            names[Begin(label)] = "B-" + Labels[label];
            names[Inside(label)] = "I-" + Labels[label];
        }

        return names;
    }
}
