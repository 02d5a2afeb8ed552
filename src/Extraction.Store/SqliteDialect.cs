using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Extraction.Store;

/// <summary>The embedded backend: one SQLite file in WAL mode (Microsoft.Data.Sqlite). Stateless and thread-safe.</summary>
internal sealed class SqliteDialect : StoreDialect
{
    public static readonly SqliteDialect Instance = new();

    private SqliteDialect()
    {
    }

    public override string DatabaseNoun => "an SQLite database";

    public override string TextType => "TEXT";

    public override string RealType => "REAL";

    public override string BigIntType => "INTEGER";

    public override string SerialPrimaryKey => "INTEGER PRIMARY KEY";

    public override string WithoutRowId => " WITHOUT ROWID";

    public override string JsonMember(string column, string name) => $"json_extract({column}, '$.{name}')";

    public override string CountObjectsSql => "SELECT count(*) FROM sqlite_master";

    public override string HasStoreInfoSql => "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'store_info'";

    // The display name is the ordinal minimum of the names seen, so it does not depend on indexing order.
    public override string UpsertEntitySql => "INSERT INTO entities(id, label, name, key) VALUES (@id, @label, @name, @key) ON CONFLICT(id) DO UPDATE SET name = excluded.name WHERE excluded.name < entities.name";

    public override DbConnection CreateConnection(string target, NewsStoreOptions options, out string displayName)
    {
        displayName = target;
        string full = Path.GetFullPath(target);
        if (Directory.Exists(full))
        {
            throw new NewsStoreException($"'{target}' is a directory, not a store file.");
        }

        if (options.IsReadOnly && !File.Exists(full))
        {
            throw new NewsStoreException($"store file not found: '{target}'.");
        }

        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = options.IsReadOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds)),
        };
        return new SqliteConnection(builder.ToString());
    }

    public override void PrepareSession(DbConnection connection, bool isReadOnly) =>
        Execute(connection, null, isReadOnly ? "PRAGMA query_only = ON;" : "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");

    public override DbTransaction BeginSnapshot(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: true);

    public override string Describe(string displayName, DbException exception) => exception is not SqliteException e
        ? $"'{displayName}': {exception.Message}"
        : e.SqliteErrorCode switch
        {
            26 => $"'{displayName}' is not an SQLite database (file is not a database).",
            11 => $"'{displayName}' is corrupt (database disk image is malformed).",
            14 => $"'{displayName}' cannot be opened.",
            8 => $"'{displayName}' is read-only or on a read-only file system.",
            5 or 6 => $"'{displayName}' is locked by another writer.",
            10 => $"'{displayName}' could not be read or written (disk I/O error).",
            13 => $"'{displayName}': the disk is full.",
            _ => $"'{displayName}': {e.Message}",
        };
}
