using System.Globalization;
using System.Runtime.CompilerServices;

namespace Extraction.Tokenization;

/// <summary>Character classes the tokenizer and the taggers share, with a table for the common range.</summary>
internal static class CharClasses
{
    [Flags]
    private enum Cls : ushort
    {
        None = 0,
        Letter = 1,
        Digit = 2,
        Upper = 4,
        Lower = 8,
        Separator = 16,
        LineBreak = 32,
        Mark = 64,
        Invisible = 128,
        Punct = 256,
        Symbol = 512,
        Opener = 1024,
        Closer = 2048,
    }

    // Covers Latin, Greek, Cyrillic, Hebrew, Arabic and general punctuation; beyond it Unicode data is asked.
    private const int TableSize = 0x2100;
    private static readonly Cls[] Table = BuildTable();

    private static Cls[] BuildTable()
    {
        var table = new Cls[TableSize];
        for (int i = 0; i < TableSize; i++)
        {
            table[i] = Compute((char)i);
        }

        return table;
    }

    private static Cls Compute(char c)
    {
        Cls cls = Cls.None;
        UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
        if (char.IsLetter(c))
        {
            cls |= Cls.Letter;
            if (char.IsUpper(c) || category == UnicodeCategory.TitlecaseLetter)
            {
                cls |= Cls.Upper;
            }
            else if (char.IsLower(c))
            {
                cls |= Cls.Lower;
            }
        }
        else if (char.IsDigit(c))
        {
            cls |= Cls.Digit;
        }
        else if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
        {
            cls |= Cls.Mark;
        }
        else if (c is '\u00AD' or '\u200C' or '\u200D' or '\u2060')
        {
            cls |= Cls.Invisible;
        }
        else if (char.IsWhiteSpace(c) || c is '\u200B' or '\uFEFF' || char.IsControl(c))
        {
            // Control characters that are not whitespace (NUL, C1 controls) separate tokens and are never part of one.
            cls |= Cls.Separator;
            if (c is '\n' or '\r' or '\u2028' or '\u2029' or '\u0085' or '\u000B' or '\u000C')
            {
                cls |= Cls.LineBreak;
            }
        }
        else if (char.IsPunctuation(c))
        {
            cls |= Cls.Punct;
        }
        else if (char.IsSymbol(c))
        {
            cls |= Cls.Symbol;
        }

        if (c is '„' or '‚' or '“' or '‘' or '»' or '«' or '"' or '\'' or '(' or '[' or '{' or '¿' or '¡' or '`' or '‹' or '›')
        {
            cls |= Cls.Opener;
        }

        if (c is '“' or '”' or '‘' or '’' or '"' or '\'' or '»' or '«' or ')' or ']' or '}' or '‹' or '›'
            or ',' or ';' or ':' or '!' or '?' or '.' or '…')
        {
            cls |= Cls.Closer;
        }

        return cls;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Cls Get(char c) => c < TableSize ? Table[c] : Compute(c);

    /// <summary>Hyphens that join compound parts: hyphen-minus, hyphen, non-breaking hyphen.</summary>
    public static bool IsHyphen(char c) => c is '-' or '\u2010' or '\u2011';

    public static bool IsLetter(char c) => (Get(c) & (Cls.Letter | Cls.Mark)) != 0;

    public static bool IsUpper(char c) => (Get(c) & Cls.Upper) != 0;

    public static bool IsLower(char c) => (Get(c) & Cls.Lower) != 0;

    public static bool IsDigit(char c) => (Get(c) & Cls.Digit) != 0;

    /// <summary>Letters, digits, combining marks and invisible joiners: what words are made of.</summary>
    public static bool IsWordChar(char c)
    {
        if (c < 0x80)
        {
            return (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9;
        }

        if (char.IsSurrogate(c))
        {
            return false;
        }

        return (Get(c) & (Cls.Letter | Cls.Digit | Cls.Mark | Cls.Invisible)) != 0;
    }

    public static bool IsCombiningMark(char c) => (Get(c) & Cls.Mark) != 0;

    /// <summary>Characters that never show and never separate tokens: soft hyphen, zero-width joiners.</summary>
    public static bool IsInvisible(char c) => (Get(c) & Cls.Invisible) != 0;

    /// <summary>Whitespace, zero-width space, byte-order mark and control characters: they separate tokens.</summary>
    public static bool IsSeparator(char c) => c == ' ' || (!char.IsSurrogate(c) && (Get(c) & Cls.Separator) != 0);

    public static bool IsLineBreak(char c) => (Get(c) & Cls.LineBreak) != 0;

    /// <summary>Punctuation that can open a phrase: opening quotes and brackets.</summary>
    public static bool IsOpener(char c) => (Get(c) & Cls.Opener) != 0;

    /// <summary>Punctuation that can close a word: closing quotes and brackets, commas, sentence marks.</summary>
    public static bool IsCloser(char c) => (Get(c) & Cls.Closer) != 0;

    public static bool IsApostrophe(char c) => c is '\'' or '’' or '`' or '´';

    public static bool IsSentenceMark(char c) => c is '.' or '!' or '?' or '…';

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
            else if (IsDigit(c))
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
        if (char.IsSurrogate(first))
        {
            return TokenKind.Symbol;
        }

        Cls cls = Get(first);
        return (cls & Cls.Punct) != 0 ? TokenKind.Punctuation : (cls & Cls.Symbol) != 0 ? TokenKind.Symbol : TokenKind.Other;
    }

    /// <summary>The kind of a single non-word character.</summary>
    public static TokenKind ClassifySymbolChar(char c)
    {
        if (char.IsSurrogate(c))
        {
            return TokenKind.Symbol;
        }

        Cls cls = Get(c);
        return (cls & Cls.Punct) != 0 ? TokenKind.Punctuation : (cls & Cls.Symbol) != 0 ? TokenKind.Symbol : TokenKind.Other;
    }
}
