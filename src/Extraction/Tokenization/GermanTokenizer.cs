namespace Extraction.Tokenization;

/// <summary>Builds a <see cref="Document"/> from raw text with <see cref="GermanTokenReader"/>.</summary>
internal static class GermanTokenizer
{
    // How often a long text checks for cancellation.
    private const int CancellationCheckInterval = 4096;

    public static Document Tokenize(string text, CancellationToken cancellationToken)
    {
        // German news averages about six characters per token including the space.
        int capacity = Math.Max(16, text.Length / 5);
        var starts = new int[capacity];
        var lengths = new int[capacity];
        var kinds = new TokenKind[capacity];
        var flags = new TokenFlags[capacity];
        var sentenceFirsts = new List<int>(Math.Max(4, text.Length / 100));
        int count = 0;

        var reader = new GermanTokenReader(text);
        while (reader.Read())
        {
            if (count == starts.Length)
            {
                int newSize = checked(count * 2);
                Array.Resize(ref starts, newSize);
                Array.Resize(ref lengths, newSize);
                Array.Resize(ref kinds, newSize);
                Array.Resize(ref flags, newSize);
            }

            starts[count] = reader.TokenStart;
            lengths[count] = reader.TokenLength;
            kinds[count] = reader.Kind;
            flags[count] = reader.Flags;
            if ((reader.Flags & TokenFlags.SentenceStart) != 0)
            {
                sentenceFirsts.Add(count);
            }

            count++;
            if ((count & (CancellationCheckInterval - 1)) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        sentenceFirsts.Add(count);
        return new Document(text, starts, lengths, kinds, flags, count, [.. sentenceFirsts], sentenceFirsts.Count - 1);
    }
}
