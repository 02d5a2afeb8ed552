using System.CommandLine;
using Extraction.Cli.Commands;

namespace Extraction.Cli;

/// <summary>The <c>extraction</c> command-line tool.</summary>
internal static class Program
{
    private static int Main(string[] args) => Run(args, CliConsole.FromProcess());

    /// <summary>Runs the tool with the given streams (tests call this in-process).</summary>
    internal static int Run(string[] args, CliConsole console)
    {
        var extractor = new Lazy<Extractor>(Extractor.CreateGerman);
        var root = new RootCommand("Extraction: German news information extraction (entities, roles, relations).");
        root.Subcommands.Add(ExtractCommand.Create(console, () => extractor.Value));
        root.Subcommands.Add(NerCommands.CreateTagCommand());
        root.Subcommands.Add(EvaluateCommands.Create(console));
        var train = new Command("train", "Train a model from the shared data and write its model card.");
        train.Subcommands.Add(NerCommands.CreateTrainNerCommand());
        train.Subcommands.Add(MorphologyCommands.CreateTrainCommand());
        train.Subcommands.Add(SyntaxCommands.CreateTrainCommand());
        root.Subcommands.Add(train);
        root.Subcommands.Add(InfoCommand.Create(console, () => extractor.Value));
        root.Subcommands.Add(StoreCommands.CreateIndexCommand(console, () => extractor.Value));
        root.Subcommands.Add(StoreCommands.CreateQueryCommand(console));

        ParseResult parseResult = root.Parse(args);
        var configuration = new InvocationConfiguration
        {
            Output = new StreamWriter(console.Output, InputText.Utf8NoBom, leaveOpen: true) { AutoFlush = true },
            Error = console.Error,
        };
        try
        {
            return parseResult.Invoke(configuration);
        }
        catch (OperationCanceledException)
        {
            return ExtractCommand.Fail(console, "cancelled.", ExitCodes.Cancelled);
        }
        catch (ModelFormatException e)
        {
            return ExtractCommand.Fail(console, e.Message, ExitCodes.ModelError);
        }
    }
}
