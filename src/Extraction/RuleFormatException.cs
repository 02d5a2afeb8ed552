namespace Extraction;

/// <summary>
/// A relation rule file could not be loaded: it is not valid JSON, or it names an unknown field,
/// relation type or argument, or a pattern is malformed. The message gives the file, the line and the
/// reason (<c>rules.json(12): unknown field 'lemmas'</c>). Thrown by
/// <see cref="Extractor.CreateGerman(ExtractorOptions)"/>; immutable.
/// </summary>
public sealed class RuleFormatException : Exception
{
    /// <summary>Creates the exception with no details.</summary>
    public RuleFormatException()
        : this("(unknown)", 0, "invalid rule file")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public RuleFormatException(string message)
        : base(message)
    {
        FileName = "(unknown)";
        Reason = message;
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public RuleFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        FileName = "(unknown)";
        Reason = message;
    }

    /// <summary>Creates the exception for a place in a rule file.</summary>
    /// <param name="fileName">The rule file (path or resource name).</param>
    /// <param name="line">The line, from 1 (0 when unknown).</param>
    /// <param name="reason">What is wrong.</param>
    /// <param name="innerException">The cause, or null.</param>
    public RuleFormatException(string fileName, int line, string reason, Exception? innerException = null)
        : base($"{fileName}({line}): {reason}", innerException)
    {
        FileName = fileName;
        Line = line;
        Reason = reason;
    }

    /// <summary>The rule file (path or embedded resource name).</summary>
    public string FileName { get; }

    /// <summary>The line of the error, from 1; 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>What is wrong, without the file and line.</summary>
    public string Reason { get; }
}
