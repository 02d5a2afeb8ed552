namespace Extraction.Store;

/// <summary>How <see cref="NewsStore.Open"/> opens a store file. Immutable and thread-safe.</summary>
public sealed record NewsStoreOptions
{
    /// <summary>The defaults: read-write, the file and schema are created when missing.</summary>
    public static NewsStoreOptions Default { get; } = new();

    /// <summary>Read-only: for querying (possibly someone else's) file. The file must exist; nothing is ever written.</summary>
    public static NewsStoreOptions ReadOnly { get; } = new() { IsReadOnly = true };

    /// <summary>Whether to open the file read-only (SQLite <c>Mode=ReadOnly</c>); writes then throw <see cref="InvalidOperationException"/>.</summary>
    public bool IsReadOnly { get; init; }

    /// <summary>How long a statement waits for a lock held by another process (another writer) before failing; default 30 seconds.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
