namespace Extraction.Cli;

/// <summary>The streams a command reads and writes, so tests can run commands in-process.</summary>
internal sealed class CliConsole
{
    public CliConsole(Stream input, Stream output, TextWriter error, bool errorIsTerminal)
    {
        Input = input;
        Output = output;
        Error = error;
        ErrorIsTerminal = errorIsTerminal;
    }

    public Stream Input { get; }

    public Stream Output { get; }

    public TextWriter Error { get; }

    /// <summary>Whether stderr is an interactive terminal (progress bars are drawn only then).</summary>
    public bool ErrorIsTerminal { get; }

    public static CliConsole FromProcess() =>
        new(Console.OpenStandardInput(), Console.OpenStandardOutput(), Console.Error, !Console.IsErrorRedirected);
}
