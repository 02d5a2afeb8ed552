using Extraction.Ner;

namespace Extraction;

public sealed partial class Document
{
    // GermEval outer BIO tag per token (index into NerTags.TagNames), written by the NER component;
    // null until it has run. Later layers read deriv/part tags from here.
    internal byte[]? NerTagArray { get; set; }

    /// <summary>The NER tag of a token (<c>O</c>, <c>B-LOCderiv</c>, ...), or null when NER has not run.</summary>
    internal string? GetNerTag(int tokenIndex)
    {
        byte[]? tags = NerTagArray;
        return tags is null || (uint)tokenIndex >= (uint)TokenCount ? null : NerTags.TagNames[tags[tokenIndex]];
    }
}
