namespace Extraction.Relations;

/// <summary>The relation types the library knows, their arguments and default event codes (see RULES.md).</summary>
internal static class RelationTypes
{
    public static readonly IReadOnlyDictionary<string, string[]> Arguments = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["HoldsRole"] = ["person", "role", "organization"],
        ["Meeting"] = ["participants", "place", "topic", "time", "kind"],
        ["Statement"] = ["speaker", "content", "topic"],
        ["Demand"] = ["speaker", "addressee", "topic"],
        ["Rejection"] = ["speaker", "topic"],
        ["Support"] = ["giver", "receiver", "topic"],
        ["Aid"] = ["giver", "receiver", "what"],
        ["Attack"] = ["attacker", "target", "place", "time"],
        ["Sanction"] = ["giver", "target", "what"],
        ["Criticism"] = ["speaker", "target", "topic"],
        ["Travel"] = ["traveler", "destination", "purpose"],
        ["Dispatch"] = ["sender", "sent", "destination", "purpose"],
    };

    /// <summary>CAMEO/PLOVER-style codes used when a rule gives none.</summary>
    public static readonly IReadOnlyDictionary<string, string> DefaultCodes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Statement"] = "010",
        ["Travel"] = "032",
        ["Dispatch"] = "033",
        ["Meeting"] = "040",
        ["Support"] = "050",
        ["Aid"] = "070",
        ["Demand"] = "100",
        ["Criticism"] = "111",
        ["Rejection"] = "120",
        ["Sanction"] = "163",
        ["Attack"] = "190",
    };

    /// <summary>The argument that must be present for a relation to be reported, and which arguments identify a fact.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> KeyArguments = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["HoldsRole"] = ["person", "role"],
        ["Meeting"] = ["participants"],
        ["Statement"] = ["speaker"],
        ["Demand"] = ["speaker"],
        ["Rejection"] = ["speaker"],
        ["Support"] = ["giver"],
        ["Aid"] = ["giver"],
        ["Attack"] = ["attacker"],
        ["Sanction"] = ["giver"],
        ["Criticism"] = ["speaker"],
        ["Travel"] = ["traveler"],
        ["Dispatch"] = ["sender"],
    };

    /// <summary>Arguments whose value is a phrase as written rather than an entity's canonical name.</summary>
    public static readonly IReadOnlySet<string> FreeText = new HashSet<string>(StringComparer.Ordinal) { "topic", "what", "purpose", "content", "time", "kind" };
}
