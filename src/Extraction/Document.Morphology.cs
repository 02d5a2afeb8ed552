namespace Extraction;

public sealed partial class Document
{
    // Per-token morphology written by Morphology.MorphologyComponent; null until it runs. Labels and
    // lexicon lemmas are shared strings; a null lemma means "the token's own text".
    internal string?[]? UposArray { get; set; }

    internal string?[]? SttsArray { get; set; }

    internal string?[]? LemmaArray { get; set; }

    internal string?[]? MorphArray { get; set; }
}
