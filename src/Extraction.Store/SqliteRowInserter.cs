using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Extraction.Store;

/// <summary>
/// SQLite rows through the native API: one statement prepared once, bound by position and stepped per row. The
/// ADO.NET layer's per-execution work (statement lookup, binding by name, a data reader) cost several times what
/// SQLite spends on the row itself. Runs inside the connection's open transaction.
/// </summary>
internal sealed class SqliteRowInserter : RowInserter
{
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;
    private int _next;

    public SqliteRowInserter(SqliteConnection connection, string sql)
    {
        _database = connection.Handle ?? throw new InvalidOperationException("the SQLite connection is not open.");
        Check(raw.sqlite3_prepare_v2(_database, sql, out _statement));
    }

    public override void Begin(string documentId) => Check(raw.sqlite3_bind_text16(_statement, 1, documentId));

    public override void BeginRow() => _next = 2;

    public override void Add(string? value) => Check(value is null ? raw.sqlite3_bind_null(_statement, _next++) : raw.sqlite3_bind_text16(_statement, _next++, value));

    public override void Add(long value) => Check(raw.sqlite3_bind_int64(_statement, _next++, value));

    public override void Add(double value) => Check(raw.sqlite3_bind_double(_statement, _next++, value));

    public override void EndRow()
    {
        int rc = raw.sqlite3_step(_statement);
        // Reset before raising, so that the statement does not keep the transaction's locks.
        raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc, _database);
        }
    }

    public override void Finish()
    {
    }

    public override void Dispose() => _statement.Dispose();

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _database);
        }
    }
}
