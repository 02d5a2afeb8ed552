using System.CommandLine;
using System.Reflection;

namespace Extraction.Cli.Commands;

/// <summary><c>info</c>: library version, pipeline components and entity labels.</summary>
internal static class InfoCommand
{
    public static Command Create(CliConsole console, Func<Extractor> extractorFactory)
    {
        var command = new Command("info", "Show the library version, the pipeline's components and the labels they produce.");
        command.SetAction(_ =>
        {
            using var output = new StreamWriter(console.Output, InputText.Utf8NoBom, leaveOpen: true);
            Assembly library = typeof(Extractor).Assembly;
            string version = library.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
            output.WriteLine($"Extraction {version}");
            output.WriteLine("components: tokenizer (German rules)" + string.Concat(extractorFactory().ComponentNames.Select(n => ", " + n)));
            output.WriteLine("entity labels: " + string.Join(", ", Enum.GetValues<EntityLabel>().Select(Entity.ToCode)));
            return ExitCodes.Success;
        });
        return command;
    }
}
