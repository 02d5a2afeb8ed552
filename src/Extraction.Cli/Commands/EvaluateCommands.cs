using System.CommandLine;
using System.Globalization;
using Extraction.Training.Evaluation;

namespace Extraction.Cli.Commands;

/// <summary><c>evaluate</c>: accuracy of each component against public gold data.</summary>
internal static class EvaluateCommands
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("evaluate", "Measure accuracy against gold data.");
        command.Subcommands.Add(CreateTokenization(console));
        return command;
    }

    private static Command CreateTokenization(CliConsole console)
    {
        var data = new Option<string>("--data")
        {
            Description = "The UD German folder (de_gsd-ud-test.conllu, ...).",
            DefaultValueFactory = _ => Path.Combine("..", "shared", "data", "ud-german"),
        };
        var command = new Command("tokenization", "Token and sentence boundary F1 on the raw text of UD German.") { data };
        command.SetAction(parseResult =>
        {
            string folder = parseResult.GetValue(data)!;
            using var output = new StreamWriter(console.Output, InputText.Utf8NoBom, leaveOpen: true);
            int found = 0;
            output.WriteLine("| corpus | layout | sentences | tokens | token F1 | token F1 (UD hyphen convention) | sentence-boundary P | R | F1 |");
            output.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
            foreach (string name in new[] { "de_gsd-ud-test.conllu", "de_gsd-ud-dev.conllu", "de_pud-ud-test.conllu" })
            {
                string path = Path.Combine(folder, name);
                if (!File.Exists(path))
                {
                    continue;
                }

                found++;
                foreach (bool layout in new[] { true, false })
                {
                    TokenizationScores s = TokenizationEvaluation.Evaluate(path, layout);
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {s.Corpus} | {(layout ? "lines" : "spaces")} | {s.Sentences} | {s.Tokens} | {s.TokenBoundaries.F1:F4} | {s.TokenBoundariesUdConvention.F1:F4} | {s.SentenceBoundaries.Precision:F4} | {s.SentenceBoundaries.Recall:F4} | {s.SentenceBoundaries.F1:F4} |"));
                }
            }

            output.Flush();
            return found == 0 ? ExtractCommand.Fail(console, $"no UD German CoNLL-U files in '{folder}'.", ExitCodes.InputError) : ExitCodes.Success;
        });
        return command;
    }
}
