using Extraction.Training.Evaluation;

foreach (bool layout in new[] { false, true })
{
var s = TokenizationEvaluation.Evaluate(args[0], layout);
Console.WriteLine($"{s.Corpus} layout={layout} sentences={s.Sentences} tokens={s.Tokens} tokF1={s.TokenBoundaries.F1:F4} udF1={s.TokenBoundariesUdConvention.F1:F4} P={s.TokenBoundariesUdConvention.Precision:F4} R={s.TokenBoundariesUdConvention.Recall:F4} sentF1={s.SentenceBoundaries.F1:F4} P={s.SentenceBoundaries.Precision:F4} R={s.SentenceBoundaries.Recall:F4}");
}
if (args.Length > 2)
{
    foreach (var e in args[2] == "s" ? TokenizationEvaluation.ListSentenceErrors(args[0], int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture)) : TokenizationEvaluation.ListErrors(args[0], int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture)))
    {
        Console.WriteLine(e);
    }
}
return 0;
