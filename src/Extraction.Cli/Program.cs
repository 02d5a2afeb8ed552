using System.CommandLine;
using Extraction.Cli.Commands;

namespace Extraction.Cli;

internal static class Program
{
    private static int Main(string[] args)
    {
        var root = new RootCommand("Extraction: German news information extraction.");
        var train = new Command("train", "Train a model.");
        train.Subcommands.Add(NerCommands.CreateTrainNerCommand());
        var evaluate = new Command("evaluate", "Evaluate a model on gold data.");
        evaluate.Subcommands.Add(NerCommands.CreateEvaluateNerCommand());
        root.Subcommands.Add(train);
        root.Subcommands.Add(evaluate);
        root.Subcommands.Add(NerCommands.CreateTagCommand());
        return root.Parse(args).Invoke();
    }
}
