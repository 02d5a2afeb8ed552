using System.Collections;

namespace Extraction;

/// <summary>
/// Dependents of a token in the dependency tree (all of them, or those of one relation), in text order;
/// for a coordination group the first conjunct comes first. Enumerating allocates nothing. Immutable and thread-safe.
/// </summary>
public readonly struct Dependents : IEnumerable<Token>
{
    private readonly Document _document;
    private readonly int _parent;
    private readonly string? _relation;
    private readonly bool _includeParent;

    internal Dependents(Document document, int parent, string? relation, bool includeParent)
    {
        _document = document;
        _parent = parent;
        _relation = relation;
        _includeParent = includeParent;
    }

    /// <summary>Whether there is none.</summary>
    public bool IsEmpty
    {
        get
        {
            Enumerator e = GetEnumerator();
            return !e.MoveNext();
        }
    }

    /// <summary>Counts them (walks the list).</summary>
    /// <returns>The number of tokens.</returns>
    public int Count()
    {
        int n = 0;
        foreach (Token _ in this)
        {
            n++;
        }

        return n;
    }

    /// <summary>Returns an enumerator that allocates nothing.</summary>
    /// <returns>The enumerator.</returns>
    public Enumerator GetEnumerator() => new(_document, _parent, _relation, _includeParent);

    IEnumerator<Token> IEnumerable<Token>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Whether <paramref name="label"/> is <paramref name="relation"/> or one of its subtypes.</summary>
    internal static bool Matches(string? label, string relation) =>
        label is not null && label.StartsWith(relation, StringComparison.Ordinal) && (label.Length == relation.Length || label[relation.Length] == ':');

    /// <summary>Enumerates <see cref="Dependents"/>.</summary>
    public struct Enumerator : IEnumerator<Token>
    {
        private readonly Document _document;
        private readonly int _parent;
        private readonly string? _relation;
        private readonly bool _includeParent;
        private bool _parentPending;
        private int _current;
        private bool _started;

        internal Enumerator(Document document, int parent, string? relation, bool includeParent)
        {
            _document = document;
            _parent = parent;
            _relation = relation;
            _includeParent = includeParent;
            _parentPending = includeParent;
            _current = -1;
            _started = false;
        }

        /// <inheritdoc />
        public readonly Token Current => new(_document, _current);

        readonly object IEnumerator.Current => Current;

        /// <inheritdoc />
        public bool MoveNext()
        {
            if (_parentPending)
            {
                _parentPending = false;
                _current = _parent;
                return true;
            }

            if (_document?.FirstChildArray is not { } first || _document.NextSiblingArray is not { } next)
            {
                return false;
            }

            if (_started && _current < 0)
            {
                return false;
            }

            int at = _started ? next[_current] : first[_parent];
            _started = true;
            while (at >= 0 && _relation is not null && !Matches(_document.DepRelArray![at], _relation))
            {
                at = next[at];
            }

            _current = at;
            return at >= 0;
        }

        /// <inheritdoc />
        public void Reset()
        {
            _parentPending = _includeParent;
            _current = -1;
            _started = false;
        }

        /// <inheritdoc />
        public readonly void Dispose()
        {
        }
    }
}
