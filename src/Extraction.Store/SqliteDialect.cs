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
    // ("WHERE true" tells SQLite's parser that ON CONFLICT belongs to the INSERT, not to a join of the SELECT.)
    public override string UpsertEntitiesTemplate =>
        "INSERT INTO entities(id, label, name, key) SELECT {0:text}, {1:text}, {2:text}, {3:text} FROM {rows} WHERE true ON CONFLICT(id) DO UPDATE SET name = excluded.name WHERE excluded.name < entities.name";

    // One row per step of a prepared statement: the row source is a single row, @document is ?1 and value N is ?(N+2).
    public override RowInserter CreateInserter(DbConnection connection, DbTransaction transaction, string template) =>
        new SqliteRowInserter((SqliteConnection)connection, ExpandRows(template, "(SELECT 1) AS r", (index, _) => "?" + (index + 2).ToString(System.Globalization.CultureInfo.InvariantCulture)).Replace("@document", "?1", StringComparison.Ordinal));

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
        Execute(connection, null, isReadOnly ? "PRAGMA query_only = ON;" : WriterPragmas);

    // A writer's page cache of 64 MiB (default 2 MiB): index pages of a growing store are otherwise read again for
    // every batch. Checkpoints every 40 MiB of WAL (default 4 MiB): fewer, larger copies into the database file.
    private const string WriterPragmas = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536; PRAGMA wal_autocheckpoint = 10000;";

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
