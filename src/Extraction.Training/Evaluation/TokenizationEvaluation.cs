using System.Text;
using Extraction.Tokenization;

namespace Extraction.Training.Evaluation;

/// <summary>The result of <see cref="TokenizationEvaluation"/>.</summary>
// TokenBoundaries: our tokens as they are (hyphenated compounds are one token). TokenBoundariesUdConvention:
// hyphenated and truncated compounds split at their hyphens, as UD German writes them ("US", "-", "Regierung").
public sealed record TokenizationScores(string Corpus, int Sentences, int Tokens, PrecisionRecall TokenBoundaries, PrecisionRecall TokenBoundariesUdConvention, PrecisionRecall SentenceBoundaries);

/// <summary>
/// Scores the tokenizer and sentence splitter against a CoNLL-U file's raw text: the sentences'
/// <c># text</c> lines are joined with spaces into paragraphs of <see cref="SentencesPerParagraph"/>
/// sentences (paragraphs separated by a blank line), tokenized, and compared with the gold surface tokens.
/// Token boundaries score exact (start, end) spans; sentence boundaries score only the breaks inside a
/// paragraph, so the given paragraph breaks earn nothing.
/// </summary>
public static class TokenizationEvaluation
{
    public const int SentencesPerParagraph = 10;

    /// <param name="conlluPath">The CoNLL-U file.</param>
    /// <param name="lineBreakAfterUnpunctuated">
    /// False: every sentence is joined to the next with a space (strict: a sentence without final
    /// punctuation cannot be told from the next). True: a sentence that ends without . ! ? or a closing
    /// quote is followed by a line break, as headlines, list items and such lines stand in real text.
    /// </param>
    public static TokenizationScores Evaluate(string conlluPath, bool lineBreakAfterUnpunctuated = false)
    {
        List<(string Text, List<string> Tokens)> sentences = ReadSurface(conlluPath);
        var text = new StringBuilder();
        var goldTokens = new HashSet<(int, int)>();
        var goldBreaks = new HashSet<int>();
        for (int i = 0; i < sentences.Count; i++)
        {
            bool paragraphStart = i % SentencesPerParagraph == 0;
            if (i > 0)
            {
                text.Append(paragraphStart ? "\n\n" : lineBreakAfterUnpunctuated && !EndsWithSentenceMark(sentences[i - 1].Text) ? "\n" : " ");
            }

            int sentenceStart = text.Length;
            if (!paragraphStart)
            {
                goldBreaks.Add(sentenceStart);
            }

            string sentenceText = sentences[i].Text;
            text.Append(sentenceText);
            int cursor = 0;
            foreach (string token in sentences[i].Tokens)
            {
                int at = sentenceText.IndexOf(token, cursor, StringComparison.Ordinal);
                if (at < 0)
                {
                    continue; // the gold token does not occur in the raw text (rare annotation mismatch)
                }

                goldTokens.Add((sentenceStart + at, sentenceStart + at + token.Length));
                cursor = at + token.Length;
            }
        }

        string all = text.ToString();
        Document document = GermanTokenizer.Tokenize(all, CancellationToken.None);
        var predictedTokens = new HashSet<(int, int)>();
        var mappedTokens = new HashSet<(int, int)>();
        foreach (Token token in document.Tokens)
        {
            predictedTokens.Add((token.Start, token.End));
            AddWithUdHyphenConvention(token, mappedTokens);
        }

        var predictedBreaks = new HashSet<int>();
        foreach (Sentence sentence in document.Sentences)
        {
            int start = sentence.Start;
            bool afterBlankLine = start >= 2 && all[start - 1] == '\n' && all[start - 2] == '\n';
            if (sentence.Index > 0 && !afterBlankLine)
            {
                predictedBreaks.Add(start);
            }
        }

        return new TokenizationScores(
            Path.GetFileName(conlluPath),
            sentences.Count,
            goldTokens.Count,
            PrecisionRecall.Compare(goldTokens, predictedTokens),
            PrecisionRecall.Compare(goldTokens, mappedTokens),
            PrecisionRecall.Compare(goldBreaks, predictedBreaks));
    }

    private static bool EndsWithSentenceMark(string sentence)
    {
        string trimmed = sentence.TrimEnd();
        return trimmed.Length > 0 && trimmed[^1] is '.' or '!' or '?' or '…' or '"' or '“' or '”' or '\'' or '«' or '»' or ')';
    }

    // UD German writes "US-Regierung" as three tokens and "Kredit-" as two; our compounds keep the parts reachable.
    private static void AddWithUdHyphenConvention(Token token, HashSet<(int, int)> tokens)
    {
        if ((token.Flags & (TokenFlags.Hyphenated | TokenFlags.Truncated)) == 0 || token.Kind != TokenKind.Word)
        {
            tokens.Add((token.Start, token.End));
            return;
        }

        ReadOnlySpan<char> span = token.Span;
        int partStart = 0;
        for (int i = 0; i < span.Length; i++)
        {
            if (CharClasses.IsHyphen(span[i]))
            {
                if (i > partStart)
                {
                    tokens.Add((token.Start + partStart, token.Start + i));
                }

                tokens.Add((token.Start + i, token.Start + i + 1));
                partStart = i + 1;
            }
        }

        if (partStart < span.Length)
        {
            tokens.Add((token.Start + partStart, token.End));
        }
    }

    /// <summary>Lists the sentences the splitter got wrong, for error analysis.</summary>
    public static IEnumerable<string> ListSentenceErrors(string conlluPath, int max)
    {
        List<(string Text, List<string> Tokens)> sentences = ReadSurface(conlluPath);
        int shown = 0;
        for (int i = 0; i + 1 < sentences.Count && shown < max; i++)
        {
            string pair = sentences[i].Text + " " + sentences[i + 1].Text;
            Document document = GermanTokenizer.Tokenize(pair, CancellationToken.None);
            var starts = document.Sentences.Select(s => s.Start).ToList();
            var expected = new List<int> { 0, sentences[i].Text.Length + 1 };
            if (!starts.SequenceEqual(expected))
            {
                shown++;
                yield return string.Join(" ||| ", document.Sentences.Select(s => s.Text));
            }
        }
    }

    /// <summary>Lists the gold tokens the tokenizer missed, with context, for error analysis.</summary>
    public static IEnumerable<string> ListErrors(string conlluPath, int max)
    {
        int shown = 0;
        foreach ((string sentenceText, List<string> tokens) in ReadSurface(conlluPath))
        {
            Document document = GermanTokenizer.Tokenize(sentenceText, CancellationToken.None);
            var predicted = document.Tokens.Select(t => t.Text).ToList();
            if (!predicted.SequenceEqual(tokens))
            {
                yield return "GOLD " + string.Join(" | ", tokens) + "\nPRED " + string.Join(" | ", predicted);
                if (++shown >= max)
                {
                    yield break;
                }
            }
        }
    }

    // Surface tokens: a multiword token's range line gives the surface form, its word lines are skipped.
    private static List<(string Text, List<string> Tokens)> ReadSurface(string path)
    {
        var result = new List<(string, List<string>)>();
        string? sentenceText = null;
        var tokens = new List<string>();
        int skipUntil = 0;
        foreach (string line in File.ReadLines(path))
        {
            if (line.StartsWith("# text = ", StringComparison.Ordinal))
            {
                sentenceText = line["# text = ".Length..];
            }
            else if (line.Length == 0)
            {
                if (sentenceText is not null && tokens.Count > 0)
                {
                    result.Add((sentenceText, tokens));
                }

                sentenceText = null;
                tokens = [];
                skipUntil = 0;
            }
            else if (line[0] != '#')
            {
                string[] fields = line.Split('\t');
                string id = fields[0];
                int dash = id.IndexOf('-', StringComparison.Ordinal);
                if (dash > 0)
                {
                    skipUntil = int.Parse(id[(dash + 1)..], System.Globalization.CultureInfo.InvariantCulture);
                    tokens.Add(fields[1]);
                }
                else if (!id.Contains('.', StringComparison.Ordinal))
                {
                    int n = int.Parse(id, System.Globalization.CultureInfo.InvariantCulture);
                    if (n > skipUntil)
                    {
                        tokens.Add(fields[1]);
                    }
                }
            }
        }

        if (sentenceText is not null && tokens.Count > 0)
        {
            result.Add((sentenceText, tokens));
        }

        return result;
    }
}
