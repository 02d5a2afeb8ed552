using System.Collections;

namespace Extraction;

/// <summary>
/// A contiguous range of tokens of a document. Enumerating it allocates nothing. Immutable and thread-safe.
/// </summary>
public readonly struct TokenList : IReadOnlyList<Token>
{
    private readonly Document _document;
    private readonly int _first;

    internal TokenList(Document document, int first, int count)
    {
        _document = document;
        _first = first;
        Count = count;
    }

    /// <inheritdoc />
    public int Count { get; }

    /// <inheritdoc />
    public Token this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return new Token(_document, _first + index);
        }
    }

    /// <summary>Returns an enumerator that allocates nothing.</summary>
    /// <returns>The enumerator.</returns>
    public Enumerator GetEnumerator() => new(_document, _first, Count);

    IEnumerator<Token> IEnumerable<Token>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Enumerates the tokens of a <see cref="TokenList"/>.</summary>
    public struct Enumerator : IEnumerator<Token>
    {
        private readonly Document _document;
        private readonly int _end;
        private int _current;

        internal Enumerator(Document document, int first, int count)
        {
            _document = document;
            _current = first - 1;
            _end = first + count;
        }

        /// <inheritdoc />
        public readonly Token Current => new(_document, _current);

        readonly object IEnumerator.Current => Current;

        /// <inheritdoc />
        public bool MoveNext() => ++_current < _end;

        /// <inheritdoc />
        public void Reset() => throw new NotSupportedException();

        /// <inheritdoc />
        public readonly void Dispose()
        {
        }
    }
}
