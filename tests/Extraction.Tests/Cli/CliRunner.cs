using System.Text;
using Extraction.Cli;

namespace Extraction.Tests.Cli;

/// <summary>Runs the CLI in-process with captured streams.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Output, string Error) Run(byte[] stdin, params string[] args)
    {
        using var input = new MemoryStream(stdin);
        using var output = new MemoryStream();
        using var error = new StringWriter();
        int code = Program.Run(args, new CliConsole(input, output, error, errorIsTerminal: false));
        return (code, Encoding.UTF8.GetString(output.ToArray()), error.ToString());
    }

    public static (int ExitCode, string Output, string Error) Run(params string[] args) => Run([], args);
}
