using System.CommandLine;
using System.Diagnostics;
using Extraction.Morphology;
using Extraction.Syntax;
using Extraction.Training.Syntax;

namespace Extraction.Cli.Commands;

/// <summary>The <c>train parser</c> and <c>evaluate parser</c> commands.</summary>
internal static class SyntaxCommands
{
    /// <summary><c>train parser --data ../shared/data --out models/</c>: trains the dependency parser on GSD dev + PUD.</summary>
    public static Command CreateTrainCommand()
    {
        var data = new Option<string>("--data") { Description = "The shared data folder (with ud-german/).", Required = true };
        var output = new Option<string>("--out") { Description = "Where to write parser-de.bin.", DefaultValueFactory = _ => "models" };
        var epochs = new Option<int>("--max-epochs") { Description = "The most epochs tried in model selection.", DefaultValueFactory = _ => 15 };
        var goldTags = new Option<bool>("--gold-tags") { Description = "Train and select with the treebanks' own tags instead of our morphology's (for comparison only)." };
        var noSurface = new Option<bool>("--no-surface") { Description = "Train on UD words only, without the trees over our tokens (contractions, hyphenated compounds)." };
        var explore = new Option<double>("--explore") { Description = "Probability of following the parser's own mistaken transition in training, from the second epoch.", DefaultValueFactory = _ => 0.9 };
        var selectOnly = new Option<bool>("--select-only") { Description = "Only print the held-out scores per epoch; write no model." };
        var jackknife = new Option<int>("--jackknife") { Description = "Folds for jackknifed training tags (0: the shipped morphology tags the training data it was trained on).", DefaultValueFactory = _ => 5 };
        var command = new Command("parser", "Train the German dependency parser (UD GSD dev + PUD).") { data, output, epochs, goldTags, noSurface, explore, selectOnly, jackknife };
        command.SetAction(parseResult => ParserTrainer.Run(
            parseResult.GetValue(data)!,
            parseResult.GetValue(output)!,
            new ParserTrainer.Options(parseResult.GetValue(epochs), parseResult.GetValue(goldTags), !parseResult.GetValue(noSurface), parseResult.GetValue(explore), parseResult.GetValue(selectOnly), parseResult.GetValue(jackknife)),
            Console.Out));
        return command;
    }

    /// <summary><c>evaluate parser --data ../shared/data/ud-german</c>: UAS, LAS and per-relation F1 on GSD test, gold tokens and raw text.</summary>
    public static Command CreateEvaluateCommand()
    {
        var data = new Option<string>("--data") { Description = "The UD German folder (with de_gsd-ud-test.conllu).", Required = true };
        var models = new Option<string?>("--models") { Description = "Read parser-de.bin from this folder instead of the embedded model." };
        var command = new Command("parser", "Evaluate the dependency parser on UD German GSD test.") { data, models };
        command.SetAction(parseResult =>
        {
            var clock = Stopwatch.StartNew();
            DependencyParser parser = parseResult.GetValue(models) is { } folder
                ? Load(Path.Combine(folder, ParserComponent.ModelFileName))
                : ParserComponent.Embedded;
            Console.WriteLine($"model loaded in {clock.ElapsedMilliseconds} ms");
            string path = Path.Combine(parseResult.GetValue(data)!, "de_gsd-ud-test.conllu");
            ParserEvaluator.Print(ParserEvaluator.Evaluate(parser, EmbeddedMorphology.Annotator, path), Console.Out);
            return 0;
        });
        return command;
    }

    private static DependencyParser Load(string path)
    {
        using FileStream file = File.OpenRead(path);
        return new DependencyParser(ParserModel.Read(file, path));
    }
}
