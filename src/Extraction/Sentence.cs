namespace Extraction;

/// <summary>
/// A view of one sentence of a <see cref="Document"/>: a range of tokens. Immutable and thread-safe.
/// </summary>
public readonly partial struct Sentence : IEquatable<Sentence>
{
    private readonly Document _document;

    internal Sentence(Document document, int index)
    {
        _document = document;
        Index = index;
    }

    /// <summary>The sentence's position in the document, from 0.</summary>
    public int Index { get; }

    /// <summary>The index of the sentence's first token.</summary>
    public int FirstToken => _document.SentenceFirstTokens[Index];

    /// <summary>The number of tokens in the sentence (at least one).</summary>
    public int TokenCount => _document.SentenceFirstTokens[Index + 1] - FirstToken;

    /// <summary>The offset of the sentence's first character in the text.</summary>
    public int Start => _document.TokenStarts[FirstToken];

    /// <summary>The offset just after the sentence's last character (exclusive).</summary>
    public int End
    {
        get
        {
            int last = FirstToken + TokenCount - 1;
            return _document.TokenStarts[last] + _document.TokenLengths[last];
        }
    }

    /// <summary>The sentence's text (allocates a string).</summary>
    public string Text => _document.Text[Start..End];

    /// <summary>The sentence's tokens, in order.</summary>
    public TokenList Tokens => new(_document, FirstToken, TokenCount);

    /// <inheritdoc />
    public bool Equals(Sentence other) => ReferenceEquals(_document, other._document) && Index == other.Index;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Sentence other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_document, Index);

    /// <summary>Whether two sentences are the same sentence of the same document.</summary>
    public static bool operator ==(Sentence left, Sentence right) => left.Equals(right);

    /// <summary>Whether two sentences differ.</summary>
    public static bool operator !=(Sentence left, Sentence right) => !left.Equals(right);
}
