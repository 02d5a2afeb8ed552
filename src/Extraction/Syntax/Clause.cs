using System.Collections;

namespace Extraction;

public readonly partial struct Sentence
{
    /// <summary>
    /// The clauses of the sentence in the order of their predicates (empty without a parser). Enumerating
    /// allocates nothing.
    /// </summary>
    public ClauseList Clauses => new(Tokens);
}

/// <summary>Whether a clause is in the active or the passive voice.</summary>
public enum Voice
{
    /// <summary>Active (also for clauses without a verb).</summary>
    Active,

    /// <summary>Passive: the predicate has a passive auxiliary (<c>wurde ... verhaftet</c>) or a passive subject.</summary>
    Passive,
}

/// <summary>
/// A clause read from the dependency tree: its predicate (the main verb, or the nominal or adjective of a
/// copula clause), the finite verb with separated particle and auxiliaries, voice, subject, objects and
/// prepositional dependents, and for a relative clause the noun it modifies. A view (document plus the
/// predicate's index) that allocates nothing. Immutable and thread-safe.
/// </summary>
public readonly struct Clause : IEquatable<Clause>
{
    private static readonly string[] ClauseRelations = ["root", "conj", "ccomp", "advcl", "acl", "xcomp", "csubj", "parataxis"];

    internal Clause(Token predicate) => Predicate = predicate;

    /// <summary>The head of the clause in the tree: the main verb, or the predicate of a copula (<c>ist Minister</c>: <c>Minister</c>).</summary>
    public Token Predicate { get; }

    /// <summary>The predicate's relation to its head: <c>root</c> for a main clause, <c>acl</c> for a relative or participle clause, <c>conj</c>, <c>ccomp</c>, ...</summary>
    public string? Relation => Predicate.DepRel;

    /// <summary>The finite verb (the predicate itself, or its finite auxiliary or copula); null for an infinitive or participle clause.</summary>
    public Token? FiniteVerb
    {
        get
        {
            if (IsFinite(Predicate))
            {
                return Predicate;
            }

            foreach (Token child in Predicate.Children)
            {
                if ((child.DepRel is "aux" or "aux:pass" or "cop") && IsFinite(child))
                {
                    return child;
                }
            }

            return null;
        }
    }

    /// <summary>The separated verb particle (<c>lehnt ... ab</c>: <c>ab</c>), or null.</summary>
    public Token? Particle => Predicate.FirstChild("compound:prt");

    /// <summary>The auxiliaries (<c>aux</c> and <c>aux:pass</c>: <c>hat</c>, <c>wurde</c>, <c>soll</c>), in text order.</summary>
    public Dependents Auxiliaries => Predicate.ChildrenWith("aux");

    /// <summary>The copula (<c>ist</c> in <c>ist Minister</c>), or null.</summary>
    public Token? Copula => Predicate.FirstChild("cop");

    /// <summary>Passive when the predicate has a passive auxiliary or passive subject.</summary>
    public Voice Voice =>
        Predicate.FirstChild("aux:pass") is not null || Predicate.FirstChild("nsubj:pass") is not null || Predicate.FirstChild("csubj:pass") is not null
            ? Voice.Passive
            : Voice.Active;

    /// <summary>
    /// The subject (<c>nsubj</c>, <c>nsubj:pass</c>, or a clausal <c>csubj</c>); for a coordinated predicate without a
    /// subject of its own (<c>kam und sah</c>), the subject of the first conjunct. Null when there is none.
    /// </summary>
    public Token? Subject
    {
        get
        {
            if ((Predicate.FirstChild("nsubj") ?? Predicate.FirstChild("csubj")) is { } own)
            {
                return own;
            }

            Token first = Predicate;
            while (first.DepRel == "conj" && first.Governor is { } governor)
            {
                first = governor;
            }

            return first == Predicate ? null : first.FirstChild("nsubj") ?? first.FirstChild("csubj");
        }
    }

    /// <summary>The objects (<c>obj</c>, <c>iobj</c> is not used by GSD), in text order.</summary>
    public Dependents Objects => Predicate.ChildrenWith("obj");

    /// <summary>The prepositional dependents (<c>obl</c> and its subtypes with a preposition), in text order.</summary>
    public PrepositionalPhraseList PrepositionalDependents => new(Predicate.ChildrenWith("obl"));

    /// <summary>Whether the clause is a relative clause (an <c>acl</c> with a relative pronoun).</summary>
    public bool IsRelative => Antecedent is not null;

    /// <summary>For a relative clause, the noun it modifies (<c>der Minister, der ... traf</c>: <c>Minister</c>); otherwise null.</summary>
    public Token? Antecedent
    {
        get
        {
            if (!Dependents.Matches(Predicate.DepRel, "acl"))
            {
                return null;
            }

            foreach (Token child in Predicate.Children)
            {
                if (IsRelativeWord(child))
                {
                    return Predicate.Governor;
                }

                foreach (Token grandchild in child.Children)
                {
                    if (IsRelativeWord(grandchild))
                    {
                        return Predicate.Governor;
                    }
                }
            }

            return null;
        }
    }

    /// <summary>Whether a token heads a clause: a verb (or a predicate with a subject, copula or auxiliary) in a clausal relation.</summary>
    internal static bool IsPredicate(Token token)
    {
        string? relation = token.DepRel;
        bool clausal = false;
        foreach (string r in ClauseRelations)
        {
            clausal |= Dependents.Matches(relation, r);
        }

        if (!clausal)
        {
            return false;
        }

        if (token.Pos is "VERB" or "AUX")
        {
            return true;
        }

        foreach (Token child in token.Children)
        {
            if (Dependents.Matches(child.DepRel, "nsubj") || Dependents.Matches(child.DepRel, "csubj") || child.DepRel is "cop" || Dependents.Matches(child.DepRel, "aux"))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsFinite(Token token) => token.Tag is { } tag && tag.EndsWith("FIN", StringComparison.Ordinal);

    private static bool IsRelativeWord(Token token) => token.Tag is "PRELS" or "PRELAT";

    /// <inheritdoc />
    public bool Equals(Clause other) => Predicate == other.Predicate;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Clause other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Predicate.GetHashCode();

    /// <summary>Whether two clauses have the same predicate.</summary>
    public static bool operator ==(Clause left, Clause right) => left.Equals(right);

    /// <summary>Whether two clauses differ.</summary>
    public static bool operator !=(Clause left, Clause right) => !left.Equals(right);
}

/// <summary>The clauses of a sentence. Enumerating allocates nothing. Immutable and thread-safe.</summary>
public readonly struct ClauseList : IEnumerable<Clause>
{
    private readonly TokenList _tokens;

    internal ClauseList(TokenList tokens) => _tokens = tokens;

    /// <summary>Returns an enumerator that allocates nothing.</summary>
    /// <returns>The enumerator.</returns>
    public Enumerator GetEnumerator() => new(_tokens.GetEnumerator());

    IEnumerator<Clause> IEnumerable<Clause>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Enumerates a <see cref="ClauseList"/>.</summary>
    public struct Enumerator : IEnumerator<Clause>
    {
        private TokenList.Enumerator _tokens;

        internal Enumerator(TokenList.Enumerator tokens) => _tokens = tokens;

        /// <inheritdoc />
        public readonly Clause Current => new(_tokens.Current);

        readonly object IEnumerator.Current => Current;

        /// <inheritdoc />
        public bool MoveNext()
        {
            while (_tokens.MoveNext())
            {
                if (Clause.IsPredicate(_tokens.Current))
                {
                    return true;
                }
            }

            return false;
        }

        /// <inheritdoc />
        public void Reset() => _tokens.Reset();

        /// <inheritdoc />
        public readonly void Dispose()
        {
        }
    }
}

/// <summary>
/// A prepositional phrase attached to a predicate: the noun (or pronoun) that heads it, its preposition and
/// the case the morphology gives the noun. A view that allocates nothing. Immutable and thread-safe.
/// </summary>
public readonly struct PrepositionalPhrase : IEquatable<PrepositionalPhrase>
{
    internal PrepositionalPhrase(Token noun, Token preposition)
    {
        Noun = noun;
        Preposition = preposition;
    }

    /// <summary>The head of the phrase (<c>mit dem Minister</c>: <c>Minister</c>).</summary>
    public Token Noun { get; }

    /// <summary>The preposition (<c>mit</c>; a contraction such as <c>im</c> is one token).</summary>
    public Token Preposition { get; }

    /// <summary>The relation of the phrase to the predicate (<c>obl</c>, <c>obl:agent</c>, <c>obl:arg</c>).</summary>
    public string? Relation => Noun.DepRel;

    /// <summary>
    /// The grammatical case of the noun as the morphology gives it (<c>Dat</c>; several comma-separated
    /// values where it stays open, such as <c>Acc,Dat</c>), or null when unknown. Reading it may allocate.
    /// </summary>
    public string? Case
    {
        get
        {
            if (Noun.Morph is not { } morph || !morph.StartsWith("Case=", StringComparison.Ordinal))
            {
                return null;
            }

            int bar = morph.IndexOf('|', StringComparison.Ordinal);
            return bar < 0 ? morph[5..] : morph[5..bar];
        }
    }

    /// <inheritdoc />
    public bool Equals(PrepositionalPhrase other) => Noun == other.Noun && Preposition == other.Preposition;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PrepositionalPhrase other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Noun, Preposition);

    /// <summary>Whether two phrases are the same.</summary>
    public static bool operator ==(PrepositionalPhrase left, PrepositionalPhrase right) => left.Equals(right);

    /// <summary>Whether two phrases differ.</summary>
    public static bool operator !=(PrepositionalPhrase left, PrepositionalPhrase right) => !left.Equals(right);
}

/// <summary>The prepositional dependents of a predicate. Enumerating allocates nothing. Immutable and thread-safe.</summary>
public readonly struct PrepositionalPhraseList : IEnumerable<PrepositionalPhrase>
{
    private readonly Dependents _candidates;

    internal PrepositionalPhraseList(Dependents candidates) => _candidates = candidates;

    /// <summary>Returns an enumerator that allocates nothing.</summary>
    /// <returns>The enumerator.</returns>
    public Enumerator GetEnumerator() => new(_candidates.GetEnumerator());

    IEnumerator<PrepositionalPhrase> IEnumerable<PrepositionalPhrase>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Enumerates a <see cref="PrepositionalPhraseList"/>.</summary>
    public struct Enumerator : IEnumerator<PrepositionalPhrase>
    {
        private Dependents.Enumerator _candidates;
        private PrepositionalPhrase _current;

        internal Enumerator(Dependents.Enumerator candidates)
        {
            _candidates = candidates;
            _current = default;
        }

        /// <inheritdoc />
        public readonly PrepositionalPhrase Current => _current;

        readonly object IEnumerator.Current => Current;

        /// <inheritdoc />
        public bool MoveNext()
        {
            while (_candidates.MoveNext())
            {
                Token noun = _candidates.Current;
                foreach (Token child in noun.ChildrenWith("case"))
                {
                    if (child.Pos == "ADP")
                    {
                        _current = new PrepositionalPhrase(noun, child);
                        return true;
                    }
                }
            }

            return false;
        }

        /// <inheritdoc />
        public void Reset() => _candidates.Reset();

        /// <inheritdoc />
        public readonly void Dispose()
        {
        }
    }
}
