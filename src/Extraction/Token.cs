namespace Extraction;

/// <summary>
/// A view of one token of a <see cref="Document"/>: the document plus an index. Cheap to copy; it
/// allocates nothing until <see cref="Text"/> is read. Immutable and thread-safe.
/// </summary>
public readonly partial struct Token : IEquatable<Token>
{
    private readonly Document _document;

    internal Token(Document document, int index)
    {
        _document = document;
        Index = index;
    }

    /// <summary>The document the token belongs to.</summary>
    public Document Document => _document;

    /// <summary>The token's position in the document, from 0.</summary>
    public int Index { get; }

    /// <summary>The offset of the token's first character in <see cref="Document.Text"/> (UTF-16 code units).</summary>
    public int Start => _document.TokenStarts[Index];

    /// <summary>The token's length in UTF-16 code units.</summary>
    public int Length => _document.TokenLengths[Index];

    /// <summary>The offset just after the token's last character (exclusive).</summary>
    public int End => Start + Length;

    /// <summary>What kind of token this is.</summary>
    public TokenKind Kind => _document.TokenKinds[Index];

    /// <summary>Facts about the token.</summary>
    public TokenFlags Flags => _document.TokenFlagsArray[Index];

    /// <summary>The token's characters, without allocating.</summary>
    public ReadOnlySpan<char> Span => _document.Text.AsSpan(Start, Length);

    /// <summary>The token's text (allocates a string).</summary>
    public string Text => _document.Text.Substring(Start, Length);

    /// <summary>
    /// The parts of a hyphenated token, as (start, length) ranges into <see cref="Document.Text"/>:
    /// <c>NATO-Truppen</c> gives <c>NATO</c> and <c>Truppen</c>. A token without inner hyphen gives itself.
    /// </summary>
    /// <returns>The ranges of the parts, in order.</returns>
    public IReadOnlyList<Range> GetHyphenParts()
    {
        var parts = new List<Range>(2);
        int start = Start;
        ReadOnlySpan<char> span = Span;
        int partStart = 0;
        for (int i = 0; i < span.Length; i++)
        {
            if (Tokenization.CharClasses.IsHyphen(span[i]))
            {
                if (i > partStart)
                {
                    parts.Add(new Range(start + partStart, start + i));
                }

                partStart = i + 1;
            }
        }

        if (partStart < span.Length)
        {
            parts.Add(new Range(start + partStart, start + span.Length));
        }

        return parts;
    }

    /// <inheritdoc />
    public bool Equals(Token other) => ReferenceEquals(_document, other._document) && Index == other.Index;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Token other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_document, Index);

    /// <inheritdoc />
    public override string ToString() => _document is null ? string.Empty : Text;

    /// <summary>Whether two tokens are the same token of the same document.</summary>
    public static bool operator ==(Token left, Token right) => left.Equals(right);

    /// <summary>Whether two tokens differ.</summary>
    public static bool operator !=(Token left, Token right) => !left.Equals(right);
}
