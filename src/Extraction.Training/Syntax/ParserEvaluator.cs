using System.Diagnostics;
using System.Text;
using Extraction.Morphology;
using Extraction.Syntax;
using Extraction.Tokenization;
using Extraction.Training.Evaluation;
using Extraction.Training.Morphology;

namespace Extraction.Training.Syntax;

/// <summary>Labelled attachment counts of one relation: arcs right (head and label), predicted with it, gold with it.</summary>
internal sealed class RelationCounts
{
    public int Correct;
    public int Predicted;
    public int Gold;

    public PrecisionRecall ToPrecisionRecall() => new(Correct, Predicted - Correct, Gold - Correct);
}

/// <summary>The parser's scores on a CoNLL-U test set.</summary>
internal sealed record ParserEvaluation(
    AccuracyCounter Uas,
    AccuracyCounter Las,
    IReadOnlyDictionary<string, RelationCounts> Labels,
    AccuracyCounter RawUas,
    AccuracyCounter RawLas,
    int RawExcluded,
    double TokensPerSecond);

/// <summary>
/// Scores the parser on UD German GSD test twice. With gold tokens and sentences: the UD words are the
/// tokens (a contraction is its words "in" "dem", a hyphenated compound its parts), tagged by our morphology;
/// every word counts, punctuation included. From raw text: the sentences' text joined into paragraphs as
/// the tokenization evaluation does, then our tokenizer, sentence splitter, morphology and parser; a gold
/// word counts when our tokens are aligned with it; words inside contractions and inside our hyphenated
/// compounds are excluded (they have no token of their own), and a word our tokenizer splits or joins
/// otherwise counts as wrong. A head is right when it is the token that holds the gold head word.
/// </summary>
internal static class ParserEvaluator
{
    public static ParserEvaluation Evaluate(DependencyParser parser, MorphologyAnnotator annotator, string conlluPath)
    {
        List<ConlluSentence> sentences = ConlluReader.Read(conlluPath);
        var morphology = new MorphologyComponent(annotator);
        var component = new ParserComponent(parser);

        Document document = Document.FromTokens(sentences.Select(s => (IReadOnlyList<string>)s.Words.Select(w => w.Form).ToArray()));
        morphology.Process(document, CancellationToken.None);
        component.Process(document, CancellationToken.None); // warm-up
        double seconds = double.MaxValue;
        for (int run = 0; run < 3; run++)
        {
            var clock = Stopwatch.StartNew();
            component.Process(document, CancellationToken.None);
            seconds = Math.Min(seconds, clock.Elapsed.TotalSeconds);
        }

        var uas = new AccuracyCounter();
        var las = new AccuracyCounter();
        var labels = new Dictionary<string, RelationCounts>(StringComparer.Ordinal);
        RelationCounts Counts(string label) => labels.TryGetValue(label, out RelationCounts? c) ? c : labels[label] = new RelationCounts();
        int t = 0;
        foreach (ConlluSentence sentence in sentences)
        {
            int first = t;
            foreach (ConlluWord word in sentence.Words)
            {
                Token token = document.GetToken(t++);
                bool head = token.Head == (word.Head < 0 ? -1 : first + word.Head);
                bool label = head && token.DepRel == word.DepRel;
                uas.Add(head);
                las.Add(label);
                Counts(word.DepRel).Gold++;
                Counts(token.DepRel ?? "-").Predicted++;
                if (label)
                {
                    Counts(word.DepRel).Correct++;
                }
            }
        }

        (AccuracyCounter rawUas, AccuracyCounter rawLas, int excluded) = RawText(sentences, morphology, component);
        return new ParserEvaluation(uas, las, labels, rawUas, rawLas, excluded, document.TokenCount / seconds);
    }

    private static (AccuracyCounter Uas, AccuracyCounter Las, int Excluded) RawText(List<ConlluSentence> sentences, MorphologyComponent morphology, ParserComponent component)
    {
        var text = new StringBuilder();
        var offsets = new int[sentences.Count];
        var spans = new (int Start, int End, bool InMultiword)[]?[sentences.Count];
        for (int i = 0; i < sentences.Count; i++)
        {
            if (i > 0)
            {
                text.Append(i % TokenizationEvaluation.SentencesPerParagraph == 0 ? "\n\n" : " ");
            }

            offsets[i] = text.Length;
            text.Append(sentences[i].Text);
            spans[i] = Treebank.WordSpans(sentences[i]);
        }

        Document document = GermanTokenizer.Tokenize(text.ToString(), CancellationToken.None);
        morphology.Process(document, CancellationToken.None);
        component.Process(document, CancellationToken.None);
        var uas = new AccuracyCounter();
        var las = new AccuracyCounter();
        int excluded = 0;
        for (int i = 0; i < sentences.Count; i++)
        {
            IReadOnlyList<ConlluWord> words = sentences[i].Words;
            if (spans[i] is not { } s)
            {
                for (int w = 0; w < words.Count; w++)
                {
                    uas.Add(false);
                    las.Add(false);
                }

                continue;
            }

            int offset = offsets[i];
            for (int w = 0; w < words.Count; w++)
            {
                int t = document.FindTokenAt(offset + s[w].Start);
                bool exact = t >= 0 && document.TokenStarts[t] == offset + s[w].Start && document.TokenLengths[t] == s[w].End - s[w].Start;
                if (s[w].InMultiword || (!exact && t >= 0 && (document.TokenFlagsArray[t] & (TokenFlags.Hyphenated | TokenFlags.Truncated)) != 0))
                {
                    excluded++;
                    continue;
                }

                bool head = false;
                if (exact)
                {
                    int gold = words[w].Head;
                    int expected = gold < 0 ? -1 : document.FindTokenAt(offset + s[gold].Start);
                    head = document.HeadArray![t] == expected;
                }

                uas.Add(head);
                las.Add(head && document.DepRelArray![t] == words[w].DepRel);
            }
        }

        return (uas, las, excluded);
    }

    /// <summary>The relations the issue sets targets for, in report order.</summary>
    public static readonly string[] KeyLabels = ["nsubj", "nsubj:pass", "obj", "obl", "nmod", "conj", "appos", "acl"];

    public static void Print(ParserEvaluation e, TextWriter output)
    {
        output.WriteLine($"gold tokens and sentences: UAS {e.Uas}, LAS {e.Las}");
        output.WriteLine($"raw text (our tokens and sentences): UAS {e.RawUas}, LAS {e.RawLas}; {e.RawExcluded} words inside contractions and hyphenated compounds excluded");
        output.WriteLine($"speed (parser only, gold tokens, 1 thread): {e.TokensPerSecond:N0} tokens/s");
        output.WriteLine("| relation | gold | predicted | P | R | F1 |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach ((string label, RelationCounts c) in e.Labels.OrderByDescending(p => p.Value.Gold).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            PrecisionRecall pr = c.ToPrecisionRecall();
            string mark = KeyLabels.Contains(label) ? " **" : string.Empty;
            output.WriteLine(FormattableString.Invariant($"| {label}{mark} | {c.Gold} | {c.Predicted} | {pr.Precision:0.0000} | {pr.Recall:0.0000} | {pr.F1:0.0000} |"));
        }
    }
}
