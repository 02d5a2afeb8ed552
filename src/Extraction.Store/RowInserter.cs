using System.Data.Common;

namespace Extraction.Store;

/// <summary>
/// Inserts one table's rows of a document inside a writer's transaction: <see cref="Begin"/> with the document id,
/// then per row <see cref="BeginRow"/>, the values in column order, <see cref="EndRow"/>, then <see cref="Finish"/>.
/// Each backend does this its cheapest way (StoreDialect.CreateInserter): SQLite steps one prepared
/// statement per row through the native API, PostgreSQL sends a document's rows as one statement over a JSON array.
/// Used by one thread; not thread-safe.
/// </summary>
internal abstract class RowInserter : IDisposable
{
    public abstract void Begin(string documentId);

    public abstract void BeginRow();

    public abstract void Add(string? value);

    public abstract void Add(long value);

    public abstract void Add(double value);

    public abstract void EndRow();

    public abstract void Finish();

    public abstract void Dispose();
}

/// <summary>The rows as one <see cref="JsonRows"/> array bound to <c>@rows</c> of one command, run at <see cref="Finish"/>.</summary>
internal sealed class JsonRowInserter : RowInserter
{
    private readonly JsonRows _rows = new();
    private readonly DbCommand _command;
    private readonly DbParameter? _document;
    private readonly DbParameter _rowsParameter;

    public JsonRowInserter(DbConnection connection, DbTransaction transaction, string sql)
    {
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText = sql;
        if (sql.Contains("@document", StringComparison.Ordinal))
        {
            _document = StoreDialect.AddParameter(_command, "@document", null);
        }

        _rowsParameter = StoreDialect.AddParameter(_command, "@rows", null);
    }

    public override void Begin(string documentId)
    {
        if (_document is not null)
        {
            _document.Value = documentId;
        }
    }

    public override void BeginRow() => _rows.BeginRow();

    public override void Add(string? value) => _rows.Add(value);

    public override void Add(long value) => _rows.Add(value);

    public override void Add(double value) => _rows.Add(value);

    public override void EndRow() => _rows.EndRow();

    public override void Finish()
    {
        if (_rows.Count == 0)
        {
            return;
        }

        _rowsParameter.Value = _rows.Take();
        _command.ExecuteNonQuery();
    }

    public override void Dispose() => _command.Dispose();
}
