namespace Extraction.Store;

/// <summary>
/// The store cannot be used: the file is missing (read-only open), not an SQLite database, corrupt, a foreign
/// database, or written by a newer version of this package; or the PostgreSQL server cannot be reached, refuses
/// the login, or its connection string is malformed. The message names the file or the server (never a password)
/// and the problem.
/// </summary>
public sealed class NewsStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NewsStoreException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong, naming the file.</param>
    public NewsStoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying error.</summary>
    /// <param name="message">What is wrong, naming the file.</param>
    /// <param name="innerException">The SQLite or I/O error.</param>
    public NewsStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
