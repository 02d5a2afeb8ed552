namespace Extraction;

public readonly partial struct Token
{
    /// <summary>
    /// The universal part-of-speech tag (UPOS, Universal Dependencies: <c>NOUN</c>, <c>VERB</c>, <c>ADP</c>, ...),
    /// or null when the pipeline has no morphology component.
    /// </summary>
    public string? Pos => _document.UposArray?[Index];

    /// <summary>The STTS tag (Stuttgart-Tübingen tagset: <c>NN</c>, <c>VVFIN</c>, <c>APPR</c>, ...), or null when not tagged.</summary>
    public string? Tag => _document.SttsArray?[Index];

    /// <summary>
    /// The lemma: the dictionary form (<c>traf</c> gives <c>treffen</c>, <c>Verteidigungsministers</c> gives
    /// <c>Verteidigungsminister</c>). A finite verb whose particle stands apart has the whole verb as lemma
    /// (<c>lehnt ... ab</c> gives <c>ablehnen</c>). Null when not tagged. Reading it may allocate a string.
    /// </summary>
    public string? Lemma => _document.LemmaArray is { } lemmas ? lemmas[Index] ?? Text : null;

    /// <summary>
    /// Case, number and gender of nouns, adjectives and determiners as Universal Dependencies features
    /// (<c>Case=Gen|Gender=Masc|Number=Sing</c>; several values are comma-separated when the lexicon and
    /// agreement leave them open). Null when unknown or not tagged.
    /// </summary>
    public string? Morph => _document.MorphArray?[Index];
}
