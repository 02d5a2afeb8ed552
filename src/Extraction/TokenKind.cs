namespace Extraction;

/// <summary>What a token is, as decided by the tokenizer.</summary>
public enum TokenKind : byte
{
    /// <summary>A word of letters, possibly with inner hyphens, apostrophes, gender marks or digits.</summary>
    Word,

    /// <summary>A number, date, time, ordinal or phone number (digits with separators).</summary>
    Number,

    /// <summary>Sentence or clause punctuation, quotes, brackets and dashes.</summary>
    Punctuation,

    /// <summary>Symbols such as ®, ™, ©, §, %, € and emoji.</summary>
    Symbol,

    /// <summary>A web address.</summary>
    Url,

    /// <summary>An e-mail address.</summary>
    Email,

    /// <summary>A hashtag such as <c>#Wahl2025</c>.</summary>
    Hashtag,

    /// <summary>A handle such as <c>@bundesregierung</c>.</summary>
    Mention,

    /// <summary>Anything else that is not whitespace (control characters, stray marks).</summary>
    Other,
}

/// <summary>Facts about a token beyond its kind.</summary>
[Flags]
public enum TokenFlags : byte
{
    /// <summary>No flag.</summary>
    None = 0,

    /// <summary>The token starts a sentence.</summary>
    SentenceStart = 1,

    /// <summary>Whitespace (or the start of the text) stands right before the token.</summary>
    SpaceBefore = 2,

    /// <summary>A line break stands between the previous token and this one.</summary>
    LineBreakBefore = 4,

    /// <summary>The token is a known abbreviation or an initial that ends in a period (<c>Dr.</c>, <c>z.B.</c>, <c>J.</c>).</summary>
    Abbreviation = 8,

    /// <summary>The token contains an inner hyphen (<c>US-Regierung</c>); its parts are reachable through <see cref="Token.GetHyphenParts"/>.</summary>
    Hyphenated = 16,

    /// <summary>The token is a truncated compound that ends in a hyphen (<c>Militär-</c> in <c>Militär- und Geheimdiensthilfen</c>).</summary>
    Truncated = 32,

    /// <summary>The token is an ordinal number written as digits and a period (<c>3.</c> in <c>3. Oktober</c>).</summary>
    Ordinal = 64,
}
