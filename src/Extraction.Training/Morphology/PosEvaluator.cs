using System.Diagnostics;
using Extraction.Morphology;
using Extraction.Training.Evaluation;

namespace Extraction.Training.Morphology;

/// <summary>The scores of the morphology on a CoNLL-U test set.</summary>
internal sealed record PosEvaluation(
    AccuracyCounter Upos,
    AccuracyCounter Stts,
    AccuracyCounter LemmaUd,
    AccuracyCounter LemmaPipeline,
    AccuracyCounter LemmaIgnoreCase,
    ConfusionCounter UposConfusions,
    ConfusionCounter LemmaErrors,
    ConfusionCounter UposWordErrors,
    AccuracyCounter CaseCovered,
    AccuracyCounter CaseExact,
    AccuracyCounter CaseCompatible,
    double TokensPerSecond,
    double TokensPerCpuSecond);

/// <summary>
/// Evaluates UPOS, STTS and lemma accuracy on UD German GSD test with gold tokenization (the UD words).
/// Lemma accuracy is reported twice: with UD conventions (the separated particle stays off the verb's
/// lemma, as GSD annotates it) and with the pipeline's conventions.
/// </summary>
internal static class PosEvaluator
{
    public static PosEvaluation Evaluate(MorphologyAnnotator annotator, string conlluPath)
    {
        List<ConlluSentence> sentences = ConlluReader.Read(conlluPath);
        Document MakeDocument() => Document.FromTokens(sentences.Select(s => (IReadOnlyList<string>)s.Words.Select(w => w.Form).ToArray()));
        Document ud = MakeDocument();
        Document pipeline = MakeDocument();

        // Time the UD run on one thread: the best of five runs after a warm-up.
        var component = new MorphologyComponent(annotator, LemmaConventions.UniversalDependencies);
        component.Process(MakeDocument(), CancellationToken.None);
        // On a shared machine wall time counts other jobs' time too; CPU time of this process does not.
        double seconds = double.MaxValue;
        double cpuSeconds = double.MaxValue;
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        for (int run = 0; run < 5; run++)
        {
            process.Refresh();
            TimeSpan cpu = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            component.Process(ud, CancellationToken.None);
            seconds = Math.Min(seconds, clock.Elapsed.TotalSeconds);
            process.Refresh();
            cpuSeconds = Math.Min(cpuSeconds, (process.TotalProcessorTime - cpu).TotalSeconds);
        }
        new MorphologyComponent(annotator, LemmaConventions.Default).Process(pipeline, CancellationToken.None);

        var result = new PosEvaluation(new(), new(), new(), new(), new(), new(), new(), new(), new(), new(), new(), ud.TokenCount / seconds, ud.TokenCount / Math.Max(cpuSeconds, 1e-6));
        int t = 0;
        foreach (ConlluSentence sentence in sentences)
        {
            foreach (ConlluWord word in sentence.Words)
            {
                Token token = ud.GetToken(t);
                Token other = pipeline.GetToken(t);
                t++;
                result.Upos.Add(token.Pos == word.Upos);
                result.UposConfusions.Add(word.Upos, token.Pos ?? "-");
                if (token.Pos != word.Upos)
                {
                    result.UposWordErrors.Add($"{word.Upos} {word.Form}", token.Pos ?? "-");
                }
                result.Stts.Add(token.Tag == word.Xpos);
                result.LemmaUd.Add(token.Lemma == word.Lemma);
                result.LemmaIgnoreCase.Add(string.Equals(token.Lemma, word.Lemma, StringComparison.OrdinalIgnoreCase));
                result.LemmaPipeline.Add(other.Lemma == word.Lemma);
                if (word.Upos is "NOUN" or "ADJ" or "DET" && Feature(word.Feats, "Case") is { } goldCase)
                {
                    string? predicted = Feature(other.Morph, "Case");
                    result.CaseCovered.Add(predicted is not null);
                    if (predicted is not null)
                    {
                        result.CaseExact.Add(predicted == goldCase);
                        result.CaseCompatible.Add(predicted.Split(',').Contains(goldCase));
                    }
                }
                if (token.Lemma != word.Lemma)
                {
                    result.LemmaErrors.Add($"{word.Upos} {word.Lemma}", token.Lemma ?? "-");
                }
            }
        }

        return result;
    }

    private static string? Feature(string? feats, string name)
    {
        if (feats is null)
        {
            return null;
        }

        foreach (string pair in feats.Split('|'))
        {
            if (pair.StartsWith(name + "=", StringComparison.Ordinal))
            {
                return pair[(name.Length + 1)..];
            }
        }

        return null;
    }

    public static void Print(PosEvaluation e, TextWriter output)
    {
        output.WriteLine($"UPOS accuracy:                 {e.Upos}");
        output.WriteLine($"STTS accuracy:                 {e.Stts}");
        output.WriteLine($"lemma accuracy (UD):           {e.LemmaUd}");
        output.WriteLine($"lemma accuracy (pipeline):     {e.LemmaPipeline}");
        output.WriteLine($"lemma accuracy (UD, any case): {e.LemmaIgnoreCase}");
        output.WriteLine($"case of NOUN/ADJ/DET with a gold case: given for {e.CaseCovered}; exactly right {e.CaseExact}; gold case among those given {e.CaseCompatible}");
        output.WriteLine($"speed (POS + lemma, 1 thread): {e.TokensPerSecond:N0} tokens/s wall clock, {e.TokensPerCpuSecond:N0} tokens per CPU second");
        output.WriteLine("most frequent UPOS confusions (gold -> predicted):");
        foreach ((string gold, string predicted, int count) in e.UposConfusions.Top(10))
        {
            output.WriteLine($"  {gold,-6} -> {predicted,-6} {count}");
        }

        output.WriteLine("most frequent UPOS errors by word (gold word -> predicted):");
        foreach ((string gold, string predicted, int count) in e.UposWordErrors.Top(40))
        {
            output.WriteLine($"  {gold} -> {predicted} {count}");
        }

        output.WriteLine("most frequent lemma errors (gold -> predicted):");
        foreach ((string gold, string predicted, int count) in e.LemmaErrors.Top(15))
        {
            output.WriteLine($"  {gold} -> {predicted} {count}");
        }
    }
}
