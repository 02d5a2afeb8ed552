namespace Extraction.Tokenization;

/// <summary>
/// Reads the tokens and sentence starts of German text, one at a time, without allocating: a
/// <c>ref struct</c> over the text in the manner of <c>Utf8JsonReader</c>. Call <see cref="Read"/> until
/// it returns false; after each call the current token is described by <see cref="TokenStart"/>,
/// <see cref="TokenLength"/>, <see cref="Kind"/> and <see cref="Flags"/>.
/// </summary>
/// <remarks>
/// Whitespace, zero-width spaces, byte-order marks and control characters separate tokens and belong to
/// none; every other character belongs to exactly one token, so offsets always point into the text.
/// Soft hyphens, zero-width joiners and combining marks stay inside the token they appear in.
/// The reader is a value type over a span: use it on one thread.
/// </remarks>
public ref struct GermanTokenReader
{
    private readonly ReadOnlySpan<char> _text;
    private int _pos;

    // The current whitespace-delimited chunk: [chunk start, _prefixEnd) openers, [_prefixEnd, _coreEnd) the core,
    // [_coreEnd, _chunkEnd) closers.
    private int _chunkEnd;
    private int _prefixEnd;
    private int _coreEnd;
    private bool _hasChunk;

    // Sentence state carried from the previous token.
    private bool _first;
    private bool _afterTerminal;
    private bool _blocksLineBreak;

    /// <summary>Creates a reader over a text.</summary>
    /// <param name="text">The text.</param>
    public GermanTokenReader(ReadOnlySpan<char> text)
    {
        _text = text;
        _first = true;
    }

    /// <summary>The offset of the current token's first character.</summary>
    public int TokenStart { get; private set; }

    /// <summary>The current token's length in UTF-16 code units.</summary>
    public int TokenLength { get; private set; }

    /// <summary>The current token's kind.</summary>
    public TokenKind Kind { get; private set; }

    /// <summary>The current token's flags, including <see cref="TokenFlags.SentenceStart"/>.</summary>
    public TokenFlags Flags { get; private set; }

    /// <summary>The current token's characters.</summary>
    public readonly ReadOnlySpan<char> TokenSpan => _text.Slice(TokenStart, TokenLength);

    /// <summary>Moves to the next token.</summary>
    /// <returns>False when the text has no more tokens.</returns>
    public bool Read()
    {
        int lineBreaks = 0;
        bool spaceBefore = false;
        if (!_hasChunk || _pos >= _chunkEnd)
        {
            spaceBefore = _pos == 0;
            while (_pos < _text.Length && CharClasses.IsSeparator(_text[_pos]))
            {
                char c = _text[_pos];
                if (CharClasses.IsLineBreak(c) && !(c == '\r' && _pos + 1 < _text.Length && _text[_pos + 1] == '\n'))
                {
                    lineBreaks++;
                }

                spaceBefore = true;
                _pos++;
            }

            if (_pos >= _text.Length)
            {
                _hasChunk = false;
                return false;
            }

            BeginChunk();
        }

        Role role = ScanToken(out int length, out TokenKind kind, out TokenFlags flags);
        TokenStart = _pos;
        TokenLength = length;
        Kind = kind;
        _pos += length;

        if (spaceBefore)
        {
            flags |= TokenFlags.SpaceBefore;
        }

        if (lineBreaks > 0)
        {
            flags |= TokenFlags.LineBreakBefore;
        }

        if (StartsSentence(lineBreaks, role))
        {
            flags |= TokenFlags.SentenceStart;
        }

        Flags = flags;
        UpdateSentenceState(role, flags);
        return true;
    }

    private enum Role : byte
    {
        Word,
        Opener,
        Closer,
        Terminal,
        MaybeTerminalAbbreviation,
        ClauseMark,
        Other,
    }

    private readonly bool StartsSentence(int lineBreaks, Role role)
    {
        if (_first)
        {
            return true;
        }

        if (lineBreaks >= 2)
        {
            return true;
        }

        char c = _text[_pos - TokenLength];
        bool lowerStart = CharClasses.IsLower(c);
        if (_afterTerminal)
        {
            return role switch
            {
                Role.Closer or Role.ClauseMark or Role.Terminal => false,
                _ => !lowerStart,
            };
        }

        if (lineBreaks == 1 && !_blocksLineBreak)
        {
            return role is not (Role.Closer or Role.ClauseMark or Role.Terminal) && !lowerStart;
        }

        return false;
    }

    private void UpdateSentenceState(Role role, TokenFlags flags)
    {
        bool wasAfterTerminal = _afterTerminal && (flags & TokenFlags.SentenceStart) == 0;
        _first = false;
        _afterTerminal = role switch
        {
            Role.Terminal => true,
            Role.Closer => wasAfterTerminal,
            _ => false,
        };

        // A capitalised word after an abbreviation such as "usw." starts a sentence; remember the chance.
        if (role == Role.MaybeTerminalAbbreviation)
        {
            _afterTerminal = true;
        }

        _blocksLineBreak = role is Role.Opener or Role.ClauseMark || (flags & TokenFlags.Truncated) != 0
            || (TokenLength == 1 && _text[TokenStart] is '-' or '–' or '—' or '/' or '&');
    }

    private void BeginChunk()
    {
        int start = _pos;
        int end = start;
        while (end < _text.Length && !CharClasses.IsSeparator(_text[end]))
        {
            end++;
        }

        end = ExtendPhoneNumber(start, end);
        _chunkEnd = end;
        _hasChunk = true;

        if (IsEmoticon(_text[start..end]))
        {
            _prefixEnd = start;
            _coreEnd = end;
            return;
        }

        int prefixEnd = start;
        while (prefixEnd < end && CharClasses.IsOpener(_text[prefixEnd]) && !IsCliticS(prefixEnd, end))
        {
            prefixEnd++;
        }

        int coreEnd = end;
        while (coreEnd > prefixEnd && CharClasses.IsCloser(_text[coreEnd - 1]))
        {
            if (_text[coreEnd - 1] == '.' && KeepsPeriod(prefixEnd, coreEnd - 1))
            {
                break;
            }

            coreEnd--;
        }

        _prefixEnd = prefixEnd;
        _coreEnd = coreEnd;
    }

    // "+49 30 123456": a phone number written with spaces is one token.
    private readonly int ExtendPhoneNumber(int start, int end)
    {
        if (_text[start] != '+' || end - start < 2 || !IsAllDigits(_text[(start + 1)..end]))
        {
            return end;
        }

        int digits = end - start - 1;
        int singleEnd = end;
        while (end + 1 < _text.Length && _text[end] == ' ' && CharClasses.IsDigit(_text[end + 1]))
        {
            int next = end + 1;
            while (next < _text.Length && CharClasses.IsDigit(_text[next]))
            {
                next++;
            }

            if (next < _text.Length && !CharClasses.IsSeparator(_text[next]) && !CharClasses.IsCloser(_text[next]))
            {
                break;
            }

            digits += next - end - 1;
            end = next;
        }

        return digits >= 6 ? end : singleEnd;
    }

    private static bool IsAllDigits(ReadOnlySpan<char> span)
    {
        foreach (char c in span)
        {
            if (!CharClasses.IsDigit(c))
            {
                return false;
            }
        }

        return !span.IsEmpty;
    }

    // An apostrophe followed by "s" and nothing else of the word: the clitic 's of "gibt's".
    private readonly bool IsCliticS(int at, int end)
    {
        return CharClasses.IsApostrophe(_text[at]) && at + 1 < end && _text[at + 1] is 's' or 'S'
            && (at + 2 >= end || !CharClasses.IsWordChar(_text[at + 2]));
    }

    // Whether the period at `dot` belongs to the word before it: abbreviation, initial, ordinal or date.
    private readonly bool KeepsPeriod(int coreStart, int dot)
    {
        // Abbreviations, initials and ordinals are short; the bound keeps runs like "....." linear.
        const int MaxWordLength = 32;
        int wordStart = dot;
        int limit = Math.Max(coreStart, dot - MaxWordLength);
        while (wordStart > limit && (CharClasses.IsWordChar(_text[wordStart - 1]) || _text[wordStart - 1] == '.'))
        {
            wordStart--;
        }

        if (wordStart == dot || _text[dot - 1] == '.' || (wordStart == limit && limit > coreStart && (CharClasses.IsWordChar(_text[limit - 1]) || _text[limit - 1] == '.')))
        {
            return false;
        }

        ReadOnlySpan<char> withDot = _text[wordStart..(dot + 1)];
        if (GermanTokenizerData.AbbreviationLookup.Contains(withDot))
        {
            return true;
        }

        ReadOnlySpan<char> word = withDot[..^1];
        if (word.Length == 1 && CharClasses.IsLetter(word[0]))
        {
            return true; // initial (J. R. R. Tolkien) or one-letter abbreviation (z. B.)
        }

        if (IsDottedLetters(word))
        {
            return true; // U.S.A.
        }

        if (IsOrdinalNumber(word))
        {
            return LooksOrdinalInContext(wordStart, dot + 1);
        }

        return false;
    }

    private static bool IsDottedLetters(ReadOnlySpan<char> word)
    {
        if (word.Length < 3)
        {
            return false;
        }

        for (int i = 0; i < word.Length; i++)
        {
            bool expectLetter = i % 2 == 0;
            if (expectLetter ? !CharClasses.IsLetter(word[i]) : word[i] != '.')
            {
                return false;
            }
        }

        return true;
    }

    // "3", "19", "12.04": digits with at most three in the last group (years are not ordinals).
    private static bool IsOrdinalNumber(ReadOnlySpan<char> word)
    {
        int group = 0;
        foreach (char c in word)
        {
            if (CharClasses.IsDigit(c))
            {
                group++;
            }
            else if (c == '.' && group > 0)
            {
                group = 0;
            }
            else
            {
                return false;
            }
        }

        return group is > 0 and <= 3;
    }

    private readonly bool LooksOrdinalInContext(int wordStart, int afterDot)
    {
        // The word after: lower-case, a month, or a noun that takes ordinals.
        int next = afterDot;
        while (next < _text.Length && CharClasses.IsSeparator(_text[next]) && !CharClasses.IsLineBreak(_text[next]))
        {
            next++;
        }

        if (next >= _text.Length || CharClasses.IsLineBreak(_text[next]))
        {
            return false;
        }

        if (next == afterDot)
        {
            return false;
        }

        int nextEnd = next;
        while (nextEnd < _text.Length && (CharClasses.IsWordChar(_text[nextEnd]) || _text[nextEnd] == '.'))
        {
            nextEnd++;
        }

        ReadOnlySpan<char> following = _text[next..nextEnd];
        if (following.IsEmpty)
        {
            return false;
        }

        if (CharClasses.IsLower(following[0]) || CharClasses.IsDigit(following[0]))
        {
            return !following.StartsWith("und", StringComparison.Ordinal) || following.Length > 3 || IsPrecededByOrdinalWord(wordStart);
        }

        if (GermanTokenizerData.OrdinalFollowerLookup.Contains(following.TrimEnd('.')) || GermanTokenizerData.OrdinalFollowerLookup.Contains(following))
        {
            return true;
        }

        return IsPrecededByOrdinalWord(wordStart);
    }

    private readonly bool IsPrecededByOrdinalWord(int wordStart)
    {
        int end = wordStart;
        while (end > 0 && CharClasses.IsSeparator(_text[end - 1]) && !CharClasses.IsLineBreak(_text[end - 1]))
        {
            end--;
        }

        if (end == wordStart)
        {
            return false;
        }

        int start = end;
        while (start > 0 && CharClasses.IsWordChar(_text[start - 1]))
        {
            start--;
        }

        return start < end && GermanTokenizerData.OrdinalPredecessorLookup.Contains(_text[start..end]);
    }

    private readonly Role ScanToken(out int length, out TokenKind kind, out TokenFlags flags)
    {
        flags = TokenFlags.None;
        int p = _pos;
        if (p < _prefixEnd)
        {
            // "``" is one opening quote.
            length = _text[p] == '`' && p + 1 < _prefixEnd && _text[p + 1] == '`' ? 2 : 1;
            kind = TokenKind.Punctuation;
            return Role.Opener;
        }

        if (p >= _coreEnd)
        {
            char c = _text[p];
            int q = p + 1;
            if (c == '.')
            {
                while (q < _chunkEnd && _text[q] == '.')
                {
                    q++; // "..." is one token; "!!!" is three
                }
            }
            else if (c == '\'' && q < _chunkEnd && _text[q] == '\'')
            {
                q++;
            }

            length = q - p;
            kind = TokenKind.Punctuation;
            return c switch
            {
                '.' or '!' or '?' or '…' => Role.Terminal,
                ',' or ';' or ':' => Role.ClauseMark,
                _ => Role.Closer,
            };
        }

        return ScanCore(p, out length, out kind, ref flags);
    }

    private readonly Role ScanCore(int p, out int length, out TokenKind kind, ref TokenFlags flags)
    {
        int end = _coreEnd;
        ReadOnlySpan<char> core = _text[p..end];
        char c = _text[p];

        if (p == _prefixEnd)
        {
            if (IsUrl(core))
            {
                length = core.Length;
                kind = TokenKind.Url;
                return Role.Word;
            }

            if (IsEmail(core))
            {
                length = core.Length;
                kind = TokenKind.Email;
                return Role.Word;
            }

            if (c == '+' && core.Length > 1 && CharClasses.IsDigit(core[1]))
            {
                int q = p + 1;
                while (q < end && (CharClasses.IsDigit(_text[q]) || _text[q] == ' '))
                {
                    q++;
                }

                while (_text[q - 1] == ' ')
                {
                    q--;
                }

                length = q - p;
                kind = TokenKind.Number;
                return Role.Word;
            }
        }

        if (p == _prefixEnd && end == _chunkEnd && IsEmoticon(core))
        {
            length = core.Length;
            kind = TokenKind.Symbol;
            return Role.Closer; // an emoticon after "!" stays in that sentence
        }

        if ((c == '#' || c == '@') && p + 1 < end && (CharClasses.IsWordChar(_text[p + 1]) || _text[p + 1] == '_'))
        {
            int q = p + 1;
            while (q < end && (CharClasses.IsWordChar(_text[q]) || _text[q] == '_'))
            {
                q++;
            }

            length = q - p;
            kind = c == '#' ? TokenKind.Hashtag : TokenKind.Mention;
            return Role.Word;
        }

        if (CharClasses.IsApostrophe(c) && p + 1 < end && _text[p + 1] is 's' or 'S' && (p + 2 >= end || !CharClasses.IsWordChar(_text[p + 2])))
        {
            length = 2;
            kind = TokenKind.Word;
            return Role.Word;
        }

        if (CharClasses.IsWordChar(c) || (c is '-' && p + 1 < end && CharClasses.IsDigit(_text[p + 1]) && p == _prefixEnd))
        {
            return ScanWord(p, end, out length, out kind, ref flags);
        }

        if (char.IsHighSurrogate(c) && p + 1 < _chunkEnd && char.IsLowSurrogate(_text[p + 1]))
        {
            length = ScanEmoji(p) - p;
            kind = TokenKind.Symbol;
            return Role.Other;
        }

        int r = p + 1;
        if (c is '.' or '-')
        {
            while (r < end && _text[r] == c)
            {
                r++;
            }
        }
        else if (c == '\'' && r < end && _text[r] == '\'')
        {
            r++;
        }

        while (r < end && CharClasses.IsCombiningMark(_text[r]))
        {
            r++;
        }

        length = r - p;
        kind = CharClasses.ClassifySymbolChar(c);
        return c switch
        {
            '.' or '!' or '?' or '…' => Role.Terminal,
            ',' or ';' or ':' => Role.ClauseMark,
            '(' or '[' or '{' or '„' or '‚' => Role.Opener,
            ')' or ']' or '}' or '”' or '“' => Role.Closer,
            _ => Role.Other,
        };
    }

    private readonly Role ScanWord(int p, int end, out int length, out TokenKind kind, ref TokenFlags flags)
    {
        bool hasLetter = false;
        int q = p;
        if (_text[q] == '-')
        {
            q++; // sign of a negative number
        }

        while (q < end)
        {
            char ch = _text[q];
            if (CharClasses.IsWordChar(ch))
            {
                hasLetter |= CharClasses.IsLetter(ch);
                q++;
                continue;
            }

            bool hasNext = q + 1 < end;
            char next = hasNext ? _text[q + 1] : '\0';
            char prev = _text[q - 1];
            if (CharClasses.IsHyphen(ch))
            {
                if (hasNext && CharClasses.IsWordChar(next))
                {
                    flags |= TokenFlags.Hyphenated;
                    q++;
                    continue;
                }

                if (!hasNext)
                {
                    flags |= TokenFlags.Truncated; // "Militär-" in "Militär- und Geheimdiensthilfen"
                    q++;
                }

                break;
            }

            if (ch == '.')
            {
                if (hasNext && CharClasses.IsWordChar(next))
                {
                    q++;
                    continue;
                }

                if (!hasNext)
                {
                    // The chunk analysis kept this period: abbreviation, initial, ordinal or date.
                    q++;
                    flags |= hasLetter ? TokenFlags.Abbreviation : TokenFlags.Ordinal;
                }

                break;
            }

            if (ch == ',' && CharClasses.IsDigit(prev) && hasNext && CharClasses.IsDigit(next))
            {
                q++;
                continue;
            }

            if (ch is ':' or '/' && CharClasses.IsDigit(prev) && hasNext && CharClasses.IsDigit(next))
            {
                q++;
                continue;
            }

            if (ch is ':' or '*' or '_' or '/' && CharClasses.IsLetter(prev) && IsGenderSuffix(q + 1, end))
            {
                q++; // Kund:innen, Praktikant*in, Lehrer_innen
                continue;
            }

            if (CharClasses.IsApostrophe(ch) || ch == '‘')
            {
                if (hasNext && next is 's' or 'S' && (q + 2 >= end || !CharClasses.IsWordChar(_text[q + 2])))
                {
                    break; // the clitic 's becomes its own token
                }

                if (hasNext && CharClasses.IsLetter(prev) && CharClasses.IsLetter(next))
                {
                    q++; // Ku'damm, O'Neill
                    continue;
                }

                break;
            }

            if (ch == '&' && CharClasses.IsLetter(prev) && hasNext && CharClasses.IsLetter(next))
            {
                q++;
                continue;
            }

            break;
        }

        length = q - p;
        kind = hasLetter ? TokenKind.Word : TokenKind.Number;
        if (kind == TokenKind.Word && (flags & TokenFlags.Abbreviation) != 0
            && GermanTokenizerData.SentenceFinalAbbreviationLookup.Contains(_text.Slice(p, length)))
        {
            return Role.MaybeTerminalAbbreviation;
        }

        return Role.Word;
    }

    private readonly bool IsGenderSuffix(int at, int end)
    {
        ReadOnlySpan<char> rest = _text[at..end];
        if (rest.StartsWith("innen", StringComparison.Ordinal))
        {
            return rest.Length == 5 || !CharClasses.IsWordChar(rest[5]);
        }

        return rest.StartsWith("in", StringComparison.Ordinal) && (rest.Length == 2 || !CharClasses.IsWordChar(rest[2]));
    }

    private readonly int ScanEmoji(int p)
    {
        int q = p + 2;
        while (q < _chunkEnd)
        {
            char ch = _text[q];
            if (ch is '\uFE0F' or '\uFE0E' or '\u20E3')
            {
                q++;
            }
            else if (ch == '\u200D' && q + 2 < _chunkEnd && char.IsHighSurrogate(_text[q + 1]) && char.IsLowSurrogate(_text[q + 2]))
            {
                q += 3;
            }
            else if (ch == '\uD83C' && q + 1 < _chunkEnd && _text[q + 1] is >= '\uDFFB' and <= '\uDFFF')
            {
                q += 2; // skin tone modifier
            }
            else
            {
                break;
            }
        }

        return q;
    }

    // ":-)", ":)", ";-)", ":D", ":-(" written as a chunk of their own.
    private static bool IsEmoticon(ReadOnlySpan<char> chunk)
    {
        if (chunk.Length is < 2 or > 3 || chunk[0] is not (':' or ';' or '='))
        {
            return false;
        }

        int mouth = chunk.Length == 3 ? 2 : 1;
        if (chunk.Length == 3 && chunk[1] is not ('-' or '\'' or 'o'))
        {
            return false;
        }

        return chunk[mouth] is ')' or '(' or 'D' or 'P' or 'p' or ']' or '[' or '/' or '|' or 'O' or '*';
    }

    private static bool IsUrl(ReadOnlySpan<char> core)
    {
        return core.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || core.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || core.StartsWith("ftp://", StringComparison.OrdinalIgnoreCase)
            || (core.StartsWith("www.", StringComparison.OrdinalIgnoreCase) && core.Length > 6);
    }

    private static bool IsEmail(ReadOnlySpan<char> core)
    {
        int at = core.IndexOf('@');
        if (at <= 0 || at != core.LastIndexOf('@') || at == core.Length - 1)
        {
            return false;
        }

        ReadOnlySpan<char> domain = core[(at + 1)..];
        int dot = domain.LastIndexOf('.');
        if (dot <= 0 || dot >= domain.Length - 2)
        {
            return false;
        }

        foreach (char c in core)
        {
            if (!(CharClasses.IsWordChar(c) || c is '.' or '_' or '-' or '+' or '@' or '%'))
            {
                return false;
            }
        }

        return true;
    }
}
