namespace Extraction;

/// <summary>How certain the text is that a relation holds.</summary>
public enum Modality : byte
{
    /// <summary>Stated as fact.</summary>
    Asserted,

    /// <summary>Planned or intended (sollen, planen, wollen).</summary>
    Planned,

    /// <summary>Possible or hypothetical (könnte, möglich).</summary>
    Possible,

    /// <summary>Negated (nicht, kein).</summary>
    Negated,

    /// <summary>Reported by a source the text names or hides (Berichten zufolge).</summary>
    Reported,
}

/// <summary>A range of characters in the document text, end exclusive. Immutable.</summary>
/// <param name="Start">The offset of the first character (UTF-16 code units).</param>
/// <param name="End">The offset after the last character.</param>
public readonly record struct TextSpan(int Start, int End)
{
    /// <summary>The number of characters covered.</summary>
    public int Length => End - Start;
}

/// <summary>
/// The value of one argument of a <see cref="Relation"/>: one canonical name, or a list of them
/// (participants of a meeting). Immutable and thread-safe.
/// </summary>
public sealed class RelationArgument
{
    private RelationArgument(IReadOnlyList<string> values, bool isList)
    {
        Values = values;
        IsList = isList;
    }

    /// <summary>The canonical names, at least one.</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>Whether the argument is a list (written as a JSON array) rather than one name.</summary>
    public bool IsList { get; }

    /// <summary>Creates a single-valued argument.</summary>
    /// <param name="value">The canonical name.</param>
    /// <returns>The argument.</returns>
    public static RelationArgument Single(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        return new RelationArgument([value], isList: false);
    }

    /// <summary>Creates a list-valued argument.</summary>
    /// <param name="values">The canonical names.</param>
    /// <returns>The argument.</returns>
    public static RelationArgument List(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new RelationArgument(values.ToArray(), isList: true);
    }

    /// <inheritdoc />
    public override string ToString() => IsList ? "[" + string.Join(", ", Values) + "]" : Values[0];
}

/// <summary>
/// A typed relation between entities, found by a rule: who met whom, who holds which office, who said
/// what. Immutable and thread-safe.
/// </summary>
public sealed class Relation
{
    /// <summary>Creates a relation.</summary>
    /// <param name="type">The relation type, such as <c>Meeting</c> or <c>HoldsRole</c>.</param>
    /// <param name="arguments">The arguments by name.</param>
    /// <param name="sentence">The index of the sentence the relation was found in.</param>
    /// <param name="trigger">The span of the word that triggered it.</param>
    /// <param name="modality">How certain the text is.</param>
    /// <param name="score">The confidence, from 0 to 1.</param>
    /// <param name="rule">The id of the rule that found it.</param>
    /// <param name="code">The CAMEO/PLOVER-style event code (see <see cref="Code"/>); null for none.</param>
    /// <param name="time">The time as written (<c>am Montag</c>); null when the text gives none.</param>
    /// <param name="evidenceSentences">Every sentence the fact was found in; null or empty for just <paramref name="sentence"/>.</param>
    public Relation(string type, IReadOnlyDictionary<string, RelationArgument> arguments, int sentence, TextSpan trigger, Modality modality, double score, string rule, string? code = null, string? time = null, IReadOnlyList<int>? evidenceSentences = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentException.ThrowIfNullOrEmpty(rule);
        Type = type;
        Arguments = arguments;
        Sentence = sentence;
        Trigger = trigger;
        Modality = modality;
        Score = score;
        Rule = rule;
        Code = string.IsNullOrEmpty(code) ? null : code;
        Time = string.IsNullOrEmpty(time) ? null : time;
        EvidenceSentences = evidenceSentences is { Count: > 0 } ? [.. evidenceSentences.Distinct().Order()] : [sentence];
    }

    /// <summary>The relation type, such as <c>Meeting</c> or <c>HoldsRole</c>.</summary>
    public string Type { get; }

    /// <summary>The arguments by name (<c>participants</c>, <c>place</c>, <c>person</c>, ...).</summary>
    public IReadOnlyDictionary<string, RelationArgument> Arguments { get; }

    /// <summary>The index of the sentence the relation was found in.</summary>
    public int Sentence { get; }

    /// <summary>The span of the word that triggered the relation.</summary>
    public TextSpan Trigger { get; }

    /// <summary>How certain the text is that the relation holds.</summary>
    public Modality Modality { get; }

    /// <summary>The confidence, from 0 to 1.</summary>
    public double Score { get; }

    /// <summary>The id of the rule that found the relation.</summary>
    public string Rule { get; }

    /// <summary>
    /// The CAMEO/PLOVER-style event code, so that results map onto event-data conventions; null when the
    /// rule gives none. The built-in codes: <c>010</c> Statement, <c>032</c> Travel, <c>033</c> Dispatch,
    /// <c>040</c> Meeting, <c>050</c> Support, <c>070</c> Aid, <c>100</c> Demand, <c>111</c> Criticism,
    /// <c>120</c> Rejection, <c>163</c> Sanction, <c>190</c> Attack (table in src/Extraction/Relations/RULES.md).
    /// </summary>
    public string? Code { get; }

    /// <summary>When it happened, as written in the text (<c>am Montag</c>, <c>12.04.2016</c>); null when not given.</summary>
    public string? Time { get; }

    /// <summary>
    /// The indices of every sentence the same fact was found in, ascending, at least one: a lead that the
    /// body repeats gives one relation with several evidence sentences.
    /// </summary>
    public IReadOnlyList<int> EvidenceSentences { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Type}({string.Join(", ", Arguments.Select(a => a.Key + "=" + a.Value))})";
}
