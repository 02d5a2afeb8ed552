using System.Collections;

namespace Extraction;

/// <summary>
/// A text and its annotations: the tokens and sentences the tokenizer found, and what the pipeline's
/// components added to them. The document owns the original string and flat arrays of token data;
/// <see cref="Token"/>, <see cref="Sentence"/> and <see cref="TokenList"/> are views into it.
/// </summary>
/// <remarks>
/// Offsets always point into <see cref="Text"/>: for every token, <c>Text.Substring(token.Start,
/// token.Length)</c> is the token's text. Offsets are UTF-16 code units, end exclusive.
/// A document handed out by <see cref="Extractor"/> is immutable and thread-safe; only pipeline
/// components write to it, before it is returned.
/// </remarks>
public sealed partial class Document
{
    internal Document(string text, int[] tokenStarts, int[] tokenLengths, TokenKind[] tokenKinds, TokenFlags[] tokenFlags, int tokenCount, int[] sentenceFirstTokens, int sentenceCount)
    {
        Text = text;
        TokenStarts = tokenStarts;
        TokenLengths = tokenLengths;
        TokenKinds = tokenKinds;
        TokenFlagsArray = tokenFlags;
        TokenCount = tokenCount;
        SentenceFirstTokens = sentenceFirstTokens;
        SentenceCount = sentenceCount;
    }

    /// <summary>The original text, unchanged.</summary>
    public string Text { get; }

    /// <summary>The number of tokens.</summary>
    public int TokenCount { get; }

    /// <summary>The number of sentences.</summary>
    public int SentenceCount { get; }

    /// <summary>All tokens, in order.</summary>
    public TokenList Tokens => new(this, 0, TokenCount);

    /// <summary>All sentences, in order.</summary>
    public SentenceList Sentences => new(this);

    // Flat token arrays, possibly longer than TokenCount (pooled growth); only the first TokenCount entries count.
    internal int[] TokenStarts { get; }

    internal int[] TokenLengths { get; }

    internal TokenKind[] TokenKinds { get; }

    internal TokenFlags[] TokenFlagsArray { get; }

    // SentenceFirstTokens[i] is the first token of sentence i; SentenceFirstTokens[SentenceCount] == TokenCount.
    internal int[] SentenceFirstTokens { get; }

    /// <summary>Gets the token at <paramref name="index"/>.</summary>
    /// <param name="index">The token index, from 0.</param>
    /// <returns>A view of the token.</returns>
    public Token GetToken(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, TokenCount);
        return new Token(this, index);
    }

    /// <summary>Gets the sentence at <paramref name="index"/>.</summary>
    /// <param name="index">The sentence index, from 0.</param>
    /// <returns>A view of the sentence.</returns>
    public Sentence GetSentence(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, SentenceCount);
        return new Sentence(this, index);
    }

    /// <summary>Finds the sentence that contains token <paramref name="tokenIndex"/>.</summary>
    /// <param name="tokenIndex">A token index.</param>
    /// <returns>The sentence index.</returns>
    public int GetSentenceIndexOfToken(int tokenIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tokenIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(tokenIndex, TokenCount);
        int index = Array.BinarySearch(SentenceFirstTokens, 0, SentenceCount, tokenIndex);
        return index >= 0 ? index : ~index - 1;
    }

    /// <summary>Finds the token that starts at or contains a character offset; -1 when none does.</summary>
    internal int FindTokenAt(int offset)
    {
        int index = Array.BinarySearch(TokenStarts, 0, TokenCount, offset);
        if (index >= 0)
        {
            return index;
        }

        index = ~index - 1;
        return index >= 0 && offset < TokenStarts[index] + TokenLengths[index] ? index : -1;
    }

    /// <summary>Marks the tokens that lie inside an entity of <see cref="EntityList"/>.</summary>
    internal bool[] TokensCoveredByEntities()
    {
        var covered = new bool[TokenCount];
        foreach (Entity entity in EntityList)
        {
            for (int t = FindTokenAt(entity.Start); t >= 0 && t < TokenCount && TokenStarts[t] < entity.End; t++)
            {
                covered[t] = true;
            }
        }

        return covered;
    }

    /// <summary>
    /// Builds a document from text that is already split into sentences and tokens (such as a CoNLL
    /// or GermEval file). The tokens are joined with single spaces and sentences with a line break, and
    /// are kept exactly as given: nothing is re-tokenized.
    /// </summary>
    /// <param name="sentences">The sentences, each a list of token strings.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentException">A token is empty.</exception>
    public static Document FromTokens(IEnumerable<IReadOnlyList<string>> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var builder = new System.Text.StringBuilder();
        var starts = new List<int>();
        var lengths = new List<int>();
        var firsts = new List<int>();
        foreach (IReadOnlyList<string> sentence in sentences)
        {
            if (sentence.Count == 0)
            {
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append('\n');
            }

            firsts.Add(starts.Count);
            for (int i = 0; i < sentence.Count; i++)
            {
                string token = sentence[i];
                if (string.IsNullOrEmpty(token))
                {
                    throw new ArgumentException("A token is empty.", nameof(sentences));
                }

                if (i > 0)
                {
                    builder.Append(' ');
                }

                starts.Add(builder.Length);
                lengths.Add(token.Length);
                builder.Append(token);
            }
        }

        string text = builder.ToString();
        int count = starts.Count;
        var kinds = new TokenKind[count];
        var flags = new TokenFlags[count];
        for (int i = 0; i < count; i++)
        {
            kinds[i] = Tokenization.CharClasses.ClassifyWholeToken(text.AsSpan(starts[i], lengths[i]));
            flags[i] = TokenFlags.SpaceBefore;
        }

        foreach (int first in firsts)
        {
            flags[first] |= TokenFlags.SentenceStart;
        }

        firsts.Add(count);
        return new Document(text, starts.ToArray(), lengths.ToArray(), kinds, flags, count, firsts.ToArray(), firsts.Count - 1);
    }
}

/// <summary>The sentences of a document. Enumerating it allocates nothing. Immutable and thread-safe.</summary>
public readonly struct SentenceList : IReadOnlyList<Sentence>
{
    private readonly Document _document;

    internal SentenceList(Document document) => _document = document;

    /// <inheritdoc />
    public int Count => _document.SentenceCount;

    /// <inheritdoc />
    public Sentence this[int index] => _document.GetSentence(index);

    /// <summary>Returns an enumerator that allocates nothing.</summary>
    /// <returns>The enumerator.</returns>
    public Enumerator GetEnumerator() => new(_document);

    IEnumerator<Sentence> IEnumerable<Sentence>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Enumerates the sentences of a document.</summary>
    public struct Enumerator : IEnumerator<Sentence>
    {
        private readonly Document _document;
        private int _current;

        internal Enumerator(Document document)
        {
            _document = document;
            _current = -1;
        }

        /// <inheritdoc />
        public readonly Sentence Current => new(_document, _current);

        readonly object IEnumerator.Current => Current;

        /// <inheritdoc />
        public bool MoveNext() => ++_current < _document.SentenceCount;

        /// <inheritdoc />
        public void Reset() => _current = -1;

        /// <inheritdoc />
        public readonly void Dispose()
        {
        }
    }
}
