namespace Extraction.Cli;

/// <summary>The process exit codes, documented in README.</summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Success = 0;

    /// <summary>The command line is wrong (unknown option, missing argument).</summary>
    public const int Usage = 1;

    /// <summary>The input cannot be read: missing, a directory, not permitted, binary, invalid UTF-8, too large.</summary>
    public const int InputError = 2;

    /// <summary>A model or rule file cannot be loaded.</summary>
    public const int ModelError = 3;

    /// <summary>Batch mode finished, but some input lines were reported as errors in the output.</summary>
    public const int BatchLineErrors = 4;

    /// <summary>Cancelled (Ctrl+C).</summary>
    public const int Cancelled = 130;
}
