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
        command.Subcommands.Add(CreateAll(console));
        command.Subcommands.Add(CreateTokenization(console));
        command.Subcommands.Add(CreateSamples(console));
        command.Subcommands.Add(NerCommands.CreateEvaluateNerCommand());
        command.Subcommands.Add(MorphologyCommands.CreateEvaluateCommand());
        command.Subcommands.Add(SyntaxCommands.CreateEvaluateCommand());
        return command;
    }

    private static Command CreateAll(CliConsole console)
    {
        var data = new Option<string>("--data") { Description = "The shared data folder.", DefaultValueFactory = _ => Path.Combine("..", "shared", "data") };
        var samples = new Option<string>("--samples") { Description = "The team's sample set folder.", DefaultValueFactory = _ => Path.Combine("benchmarks", "data") };
        var output = new Option<string?>("--out") { Description = "Also write accuracy.json and accuracy.md to this folder." };
        var only = new Option<string[]>("--only") { Description = "Run only these sections: " + string.Join(", ", AccuracyReport.Sections.Select(s => s.Name)) + ".", AllowMultipleArgumentsPerToken = true };
        var command = new Command("all", "Run every accuracy evaluation and print one table (components not built yet show n/a).") { data, samples, output, only };
        command.SetAction(parseResult =>
        {
            IReadOnlyList<AccuracyRow> rows = AccuracyReport.Run(
                new EvaluationPaths(parseResult.GetValue(data)!, parseResult.GetValue(samples)!),
                Extractor.CreateGerman(),
                parseResult.GetValue(only) ?? [],
                console.Error);
            string markdown = AccuracyReport.ToMarkdown(rows);
            using (var writer = new StreamWriter(console.Output, InputText.Utf8NoBom, leaveOpen: true))
            {
                writer.Write(markdown);
            }

            if (parseResult.GetValue(output) is string folder)
            {
                Directory.CreateDirectory(folder);
                File.WriteAllText(Path.Combine(folder, "accuracy.json"), AccuracyReport.ToJson(rows) + "\n");
                File.WriteAllText(Path.Combine(folder, "accuracy.md"), markdown);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateSamples(CliConsole console)
    {
        var split = new Argument<string>("split") { Description = "dev or test (the team's samples), news-dev or news-test (real news).", DefaultValueFactory = _ => "news-dev" };
        var data = new Option<string>("--data") { Description = "The shared data folder (real-news texts).", DefaultValueFactory = _ => Path.Combine("..", "shared", "data") };
        var samples = new Option<string>("--samples") { Description = "The gold folder.", DefaultValueFactory = _ => Path.Combine("benchmarks", "data") };
        var errors = new Option<bool>("--errors") { Description = "List every miss, false positive and wrong argument with its sentence." };
        var command = new Command("samples", "Score entities and relations on one split of the annotated articles; with --errors, list what went wrong.") { split, data, samples, errors };
        command.SetAction(parseResult =>
        {
            string name = parseResult.GetValue(split)!;
            string path = Path.Combine(parseResult.GetValue(samples)!, name + ".jsonl");
            if (!File.Exists(path))
            {
                return ExtractCommand.Fail(console, $"no gold file '{path}' (splits: dev, test, news-dev, news-test).", ExitCodes.InputError);
            }

            IReadOnlyList<SampleArticle> articles;
            var problems = new List<string>();
            try
            {
                articles = name.StartsWith("news-", StringComparison.Ordinal)
                    ? NewsGoldSet.Load(path, NewsGoldSet.ReadCorpus(parseResult.GetValue(data)!), problems)
                    : SampleSet.Load(path, problems);
            }
            catch (FileNotFoundException e)
            {
                return ExtractCommand.Fail(console, e.Message, ExitCodes.InputError);
            }

            if (problems.Count > 0)
            {
                return ExtractCommand.Fail(console, $"{problems.Count} gold problem(s): " + string.Join("; ", problems.Take(10)), ExitCodes.InputError);
            }

            var found = parseResult.GetValue(errors) ? new List<EvaluationError>() : null;
            SampleScores scores = SampleEvaluation.Evaluate(Extractor.CreateGerman(), articles, found);
            using var output = new StreamWriter(console.Output, InputText.Utf8NoBom, leaveOpen: true);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {scores.Articles} articles"));
            output.WriteLine("| what | P | R | F1 | tp | fp | fn |");
            output.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
            void Line(string what, PrecisionRecall pr) =>
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {what} | {pr.Precision:F4} | {pr.Recall:F4} | {pr.F1:F4} | {pr.TruePositives} | {pr.FalsePositives} | {pr.FalseNegatives} |"));
            foreach ((string label, PrecisionRecall pr) in scores.EntitiesByLabel.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                Line("entities " + label, pr);
            }

            Line("entities all", scores.Entities);
            foreach ((string type, PrecisionRecall pr) in scores.RelationsByType.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                Line(type, pr);
            }

            Line("relations, all types", scores.Relations);
            Line("Meeting participants", scores.MeetingParticipants);
            Line("Meeting participant pairs", scores.MeetingPairs);
            foreach ((string argument, (int correct, int total)) in scores.ArgumentAccuracy.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {argument} (accuracy) | | | {(total == 0 ? 0 : (double)correct / total):F4} | {correct} of {total} | | |"));
            }

            if (found is not null)
            {
                output.WriteLine();
                foreach (EvaluationError error in found)
                {
                    output.WriteLine($"{error.Article}\t{error.Kind}\t{error.What}\t{error.Sentence.ReplaceLineEndings(" ")}");
                }
            }

            output.Flush();
            return ExitCodes.Success;
        });
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
