using System.Data;
using System.Data.Common;

namespace Extraction.Store;

/// <summary>
/// What differs between the store's two backends (SQLite for files, PostgreSQL for a shared server): how a target
/// is opened, the column types and JSON access of <see cref="Schema"/>, the catalog queries, the entity upsert,
/// snapshot reads, which errors a batch retries, and how errors are worded. Everything else (the merge rule, the
/// writes, the queries) is one implementation in <see cref="NewsStore"/> and <see cref="DocumentWriter"/> over
/// ADO.NET's base classes. Stateless and thread-safe.
/// </summary>
internal abstract partial class StoreDialect
{
    /// <summary>The backend for a <see cref="NewsStore.Open"/> target: PostgreSQL for a connection URL or string, else SQLite.</summary>
    public static StoreDialect For(string target) => PostgresDialect.IsPostgresTarget(target) ? PostgresDialect.Instance : SqliteDialect.Instance;

    /// <summary>"an SQLite database" or "a PostgreSQL database", for messages.</summary>
    public abstract string DatabaseNoun { get; }

    public abstract string TextType { get; }

    public abstract string RealType { get; }

    public abstract string BigIntType { get; }

    public abstract string SerialPrimaryKey { get; }

    public abstract string WithoutRowId { get; }

    /// <summary>SQL for the member <paramref name="name"/> of the JSON object in <paramref name="column"/>: text for strings, JSON text for arrays and objects.</summary>
    public abstract string JsonMember(string column, string name);

    /// <summary>The number of tables and views in the store's database (schema), to tell an empty one from a foreign one.</summary>
    public abstract string CountObjectsSql { get; }

    /// <summary>One row when the store's <c>store_info</c> table exists.</summary>
    public abstract string HasStoreInfoSql { get; }

    /// <summary>
    /// Inserts the entities of a <see cref="JsonRows"/> set (id, label, name, key; ids distinct) whose ids are new and
    /// keeps the ordinal minimum of the names as each one's display name; a <see cref="CreateInserter"/> template.
    /// </summary>
    public abstract string UpsertEntitiesTemplate { get; }

    /// <summary>
    /// The inserter of one table's rows for <paramref name="template"/>: an <c>INSERT ... SELECT</c> whose values are
    /// <c>@document</c> and <c>{N:text}</c>, <c>{N:int}</c>, <c>{N:real}</c> (the N-th value of a row as that type), read
    /// from <c>{rows}</c> (the row source, named <c>r</c>).
    /// </summary>
    public abstract RowInserter CreateInserter(DbConnection connection, DbTransaction transaction, string template);

    /// <summary>Fills a <see cref="CreateInserter"/> template: <c>{rows}</c> with <paramref name="source"/>, each value with <paramref name="value"/>(N, type).</summary>
    protected static string ExpandRows(string template, string source, Func<int, string, string> value) => RowPlaceholder().Replace(template, m => m.Groups[1].Success
        ? value(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups[2].Value)
        : source);

    [System.Text.RegularExpressions.GeneratedRegex(@"\{rows\}|\{(\d+):(text|int|real)\}")]
    private static partial System.Text.RegularExpressions.Regex RowPlaceholder();

    /// <summary>
    /// Checks the target, builds the connection (not yet open) and the target's name for messages and
    /// <see cref="NewsStore.Path"/>, which never holds a password.
    /// </summary>
    /// <exception cref="NewsStoreException">The target cannot be used (no such file for read-only, a directory, a malformed connection string).</exception>
    public abstract DbConnection CreateConnection(string target, NewsStoreOptions options, out string displayName);

    /// <summary>Session settings after opening (SQLite's pragmas; nothing for PostgreSQL, whose settings travel in the connection).</summary>
    public virtual void PrepareSession(DbConnection connection, bool isReadOnly)
    {
    }

    /// <summary>Within the schema-creating transaction: waits for other processes creating the same store at the same moment.</summary>
    public virtual void LockForCreate(DbConnection connection, DbTransaction transaction)
    {
    }

    /// <summary>A read transaction that sees one consistent snapshot of the store.</summary>
    public abstract DbTransaction BeginSnapshot(DbConnection connection);

    /// <summary>Whether a batch that failed with this error may succeed when run again (a conflict with a concurrent writer).</summary>
    public virtual bool IsTransient(DbException exception) => false;

    /// <summary>The message for an error of this backend, naming the target (never a password).</summary>
    public abstract string Describe(string displayName, DbException exception);

    internal static void Execute(DbConnection connection, DbTransaction? transaction, string sql)
    {
        using DbCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    internal static DbParameter AddParameter(DbCommand command, string name, object? value, DbType? type = null)
    {
        DbParameter parameter = command.CreateParameter();
        parameter.ParameterName = name;
        if (type is { } dbType)
        {
            parameter.DbType = dbType;
        }

        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
