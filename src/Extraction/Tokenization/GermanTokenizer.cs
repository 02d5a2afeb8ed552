namespace Extraction.Tokenization;

/// <summary>Builds a <see cref="Document"/> from raw text: tokens and sentences.</summary>
internal static class GermanTokenizer
{
    public static Document Tokenize(string text, CancellationToken cancellationToken)
    {
        // Placeholder: whitespace split; replaced by the German tokenizer.
        var sentences = new List<IReadOnlyList<string>>();
        string[] parts = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length > 0)
        {
            sentences.Add(parts);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return Document.FromTokens(sentences);
    }
}
