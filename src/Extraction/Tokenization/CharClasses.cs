using System.Globalization;

namespace Extraction.Tokenization;

/// <summary>Character classes the tokenizer and the taggers share.</summary>
internal static class CharClasses
{
    /// <summary>Hyphens that join compound parts: hyphen-minus, hyphen, non-breaking hyphen.</summary>
    public static bool IsHyphen(char c) => c is '-' or '\u2010' or '\u2011';

    public static bool IsLetter(char c) => char.IsLetter(c) || IsCombiningMark(c);

    public static bool IsCombiningMark(char c)
    {
        UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
    }

    /// <summary>Characters that never show and never separate tokens: soft hyphen, zero-width joiners, BOM.</summary>
    public static bool IsInvisible(char c) => c is '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF';

    public static bool IsWhitespace(char c) => char.IsWhiteSpace(c);

    public static bool IsLineBreak(char c) => c is '\n' or '\r' or '\u2028' or '\u2029' or '\u0085';

    /// <summary>Classifies a whole token given from outside (pre-tokenized input).</summary>
    public static TokenKind ClassifyWholeToken(ReadOnlySpan<char> token)
    {
        if (token.IsEmpty)
        {
            return TokenKind.Other;
        }

        bool hasLetter = false;
        bool hasDigit = false;
        foreach (char c in token)
        {
            if (IsLetter(c))
            {
                hasLetter = true;
            }
            else if (char.IsDigit(c))
            {
                hasDigit = true;
            }
        }

        if (hasLetter)
        {
            if (token[0] == '#' && token.Length > 1)
            {
                return TokenKind.Hashtag;
            }

            if (token[0] == '@' && token.Length > 1)
            {
                return TokenKind.Mention;
            }

            if (token.Contains("://", StringComparison.Ordinal) || token.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
            {
                return TokenKind.Url;
            }

            if (token.IndexOf('@') > 0)
            {
                return TokenKind.Email;
            }

            return TokenKind.Word;
        }

        if (hasDigit)
        {
            return TokenKind.Number;
        }

        char first = token[0];
        return char.IsPunctuation(first) ? TokenKind.Punctuation
            : char.IsSymbol(first) || char.IsSurrogate(first) ? TokenKind.Symbol
            : TokenKind.Other;
    }
}
