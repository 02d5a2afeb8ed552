namespace Extraction.Relations;

/// <summary>What a matched rule does: report a relation, or attach arguments to the relation just reported.</summary>
internal enum RuleAction : byte
{
    Relation,
    Attach,
}

/// <summary>What one pattern element consumes.</summary>
internal enum PatternUnit : byte
{
    Token,
    Entity,
    NounPhrase,
}

/// <summary>How often an element may repeat.</summary>
internal enum Quantifier : byte
{
    One,
    Optional,
    Star,
    Plus,
}

/// <summary>One element of a rule pattern (a token test, or a group of elements). Immutable.</summary>
internal sealed class PatternElement
{
    public PatternUnit Unit { get; init; }

    public Quantifier Quantifier { get; init; }

    public StringMatcher? Lemma { get; init; }

    public StringMatcher? Lower { get; init; }

    public StringMatcher? Text { get; init; }

    public IReadOnlySet<string>? Pos { get; init; }

    public IReadOnlySet<string>? Tag { get; init; }

    // Entity labels (PER, ROLE, LOC, ORG, MISC, ANY, NONE).
    public IReadOnlySet<string>? Entity { get; init; }

    public bool? Role { get; init; }

    public bool Negated { get; init; }

    public string? Capture { get; init; }

    public bool Trigger { get; init; }

    public IReadOnlyList<PatternElement>? Group { get; init; }
}

/// <summary>A set of lower-case strings with optional prefix (<c>ab*</c>) and suffix (<c>*treffen</c>) forms.</summary>
internal sealed class StringMatcher
{
    private readonly HashSet<string> _exact;
    private readonly string[] _prefixes;
    private readonly string[] _suffixes;

    public StringMatcher(IEnumerable<string> values, bool ignoreCase)
    {
        _ = ignoreCase;
        // Values of case-insensitive matchers are lower-cased by the loader and compared with lower-case
        // token data, so ordinal comparison suffices everywhere.
        _exact = new HashSet<string>(StringComparer.Ordinal);
        var prefixes = new List<string>();
        var suffixes = new List<string>();
        foreach (string value in values)
        {
            if (value.Length > 1 && value[^1] == '*')
            {
                prefixes.Add(value[..^1]);
            }
            else if (value.Length > 1 && value[0] == '*')
            {
                suffixes.Add(value[1..]);
            }
            else
            {
                _exact.Add(value);
            }
        }

        _prefixes = [.. prefixes];
        _suffixes = [.. suffixes];
    }

    /// <summary>The exact values, when there are no prefix or suffix forms (for indexing rules by lemma); else null.</summary>
    public IReadOnlyCollection<string>? ExactOnly => _prefixes.Length == 0 && _suffixes.Length == 0 ? _exact : null;

    /// <summary>Whether the value matches; with ignoreCase the value must already be lower-case (lemmas and lower forms are).</summary>
    public bool Matches(string? value)
    {
        if (value is null)
        {
            return false;
        }

        if (_exact.Contains(value))
        {
            return true;
        }

        const StringComparison comparison = StringComparison.Ordinal;
        foreach (string prefix in _prefixes)
        {
            if (value.StartsWith(prefix, comparison))
            {
                return true;
            }
        }

        foreach (string suffix in _suffixes)
        {
            if (value.EndsWith(suffix, comparison))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>One rule of a rule file, validated and compiled. Immutable and thread-safe.</summary>
internal sealed class RelationRule
{
    public required string Id { get; init; }

    public required string Type { get; init; }

    public RuleAction Action { get; init; }

    public string? Code { get; init; }

    public string? Kind { get; init; }

    public double Score { get; init; } = 0.7;

    public Modality? Modality { get; init; }

    public required TokenPattern Pattern { get; init; }

    // An element every match must contain (the trigger, when it is neither optional nor a group): a
    // sentence without a token it accepts is skipped without running the automaton.
    public PatternElement? Anchor { get; init; }

    // Argument name to the strategies that fill it (tried in order; list arguments take the union).
    public IReadOnlyDictionary<string, string[]> Arguments { get; init; } = new Dictionary<string, string[]>();

    // Argument names that must be filled for the relation to be reported (defaults: the type's key arguments).
    public IReadOnlyList<string> Required { get; init; } = [];

    public string Source { get; init; } = string.Empty;
}
