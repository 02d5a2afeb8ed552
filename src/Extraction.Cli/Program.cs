using System.CommandLine;
using Extraction.Cli.Commands;

namespace Extraction.Cli;

internal static class Program
{
    private static int Main(string[] args)
    {
        var train = new Command("train", "Train models from the shared data.");
        train.Subcommands.Add(MorphologyCommands.CreateTrainCommand());
        var evaluate = new Command("evaluate", "Measure model accuracy on held-out data.");
        evaluate.Subcommands.Add(MorphologyCommands.CreateEvaluateCommand());
        var root = new RootCommand("Extraction: German news information extraction.");
        root.Subcommands.Add(train);
        root.Subcommands.Add(evaluate);
        return root.Parse(args).Invoke();
    }
}
