using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Data;
using System.Data.Common;

namespace Extraction.Store;

/// <summary>
/// A news knowledge base in one SQLite file (WAL mode) or in a PostgreSQL database shared by many processes: documents with their metadata, sentences, store-wide
/// entities with every mention, and facts (relations) with provenance. Open with <see cref="Open"/>; add
/// extraction results with <see cref="Add"/> or <see cref="AddRange"/>; query with <see cref="QueryFacts"/>,
/// <see cref="Timeline"/>, <see cref="TopPairs"/> and <see cref="FindEntities"/>. Every filter is a bound
/// parameter, never part of the SQL text.
/// </summary>
/// <remarks>
/// Thread-safe: every member may be called from any thread; calls are serialized on the store's one connection.
/// Other processes (or other <see cref="NewsStore"/> instances) may read the same store while this one writes:
/// each query runs in one read transaction and sees a consistent snapshot. Each document with all its rows is
/// written in one transaction, so a crash never leaves part of a document behind. On PostgreSQL several
/// processes may also write at once; a batch that conflicts with another writer (a deadlock, the same new
/// document) is rolled back and run again.
/// </remarks>
public sealed class NewsStore : IDisposable
{
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // How often a PostgreSQL batch is run again after a conflict with a concurrent writer.
    private const int MaxAttempts = 8;

    private readonly DbConnection _connection;
    private readonly StoreDialect _dialect;
    private readonly Lock _lock = new();
    private bool _disposed;

    private NewsStore(DbConnection connection, StoreDialect dialect, string path, bool isReadOnly)
    {
        _connection = connection;
        _dialect = dialect;
        Path = path;
        IsReadOnly = isReadOnly;
    }

    /// <summary>
    /// The file path as given to <see cref="Open"/>; for PostgreSQL the target as <c>postgres://user@host:port/database</c>
    /// without its password.
    /// </summary>
    public string Path { get; }

    /// <summary>Whether the store was opened read-only.</summary>
    public bool IsReadOnly { get; }

    /// <summary>
    /// Opens a store. A file path opens (or creates) an SQLite file: read-write (the default) creates the file and
    /// its schema when missing and switches the file to WAL mode; read-only requires an existing store and never
    /// writes. A PostgreSQL target (<c>postgres://user:password@host:port/database</c>, <c>postgresql://...</c>,
    /// or an Npgsql connection string with <c>Host=</c>) opens the store in the connection's current schema: the
    /// same tables and views are created there when the schema is empty (read-write); read-only requires them and
    /// runs every transaction read-only. A missing password comes from <c>PGPASSWORD</c>, <c>PGPASSFILE</c> or
    /// <c>~/.pgpass</c>; it never appears in <see cref="Path"/> or in an exception message.
    /// </summary>
    /// <param name="path">The file path, or a PostgreSQL URL or connection string.</param>
    /// <param name="options">How to open; null for <see cref="NewsStoreOptions.Default"/>.</param>
    /// <returns>The open store; dispose it to close the file or connection.</returns>
    /// <exception cref="NewsStoreException">The file is missing (read-only), a directory, not SQLite, corrupt, a
    /// foreign database, or of a newer schema version; the PostgreSQL server cannot be reached, refuses the login,
    /// or the connection string is malformed.</exception>
    public static NewsStore Open(string path, NewsStoreOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= NewsStoreOptions.Default;
        StoreDialect dialect = StoreDialect.For(path);
        DbConnection connection = dialect.CreateConnection(path, options, out string displayName);
        try
        {
            connection.Open();
            Initialize(connection, dialect, displayName, options.IsReadOnly);
            return new NewsStore(connection, dialect, displayName, options.IsReadOnly);
        }
        catch (DbException e)
        {
            connection.Dispose();
            throw new NewsStoreException(dialect.Describe(displayName, e), e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static void Initialize(DbConnection connection, StoreDialect dialect, string path, bool isReadOnly)
    {
        dialect.PrepareSession(connection, isReadOnly);
        if (Scalar(connection, null, dialect.HasStoreInfoSql) is null)
        {
            long objects = Convert.ToInt64(Scalar(connection, null, dialect.CountObjectsSql), CultureInfo.InvariantCulture);
            if (isReadOnly || objects > 0)
            {
                throw new NewsStoreException($"'{path}' is {dialect.DatabaseNoun} but not an Extraction news store (it has no store_info table).");
            }

            using DbTransaction transaction = connection.BeginTransaction();
            dialect.LockForCreate(connection, transaction);
            // Another process may have created the store while this one waited for the lock.
            if (Scalar(connection, transaction, dialect.HasStoreInfoSql) is null)
            {
                using DbCommand create = connection.CreateCommand();
                create.Transaction = transaction;
                create.CommandText = Schema.Create(dialect);
                create.ExecuteNonQuery();
                create.CommandText = "INSERT INTO store_info(key, value) VALUES ('format', 'extraction-news-store'), ('schema_version', @version)";
                StoreDialect.AddParameter(create, "@version", Schema.Version.ToString(CultureInfo.InvariantCulture));
                create.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        object? version = Scalar(connection, null, "SELECT value FROM store_info WHERE key = 'schema_version'");
        if (version is not string text || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int number))
        {
            throw new NewsStoreException($"'{path}' is not an Extraction news store (no schema version).");
        }

        if (number != Schema.Version)
        {
            throw new NewsStoreException($"'{path}' has store schema version {number}; this package reads version {Schema.Version}.");
        }
    }

    /// <summary>Whether a document with the same id and the same <see cref="NewsDocument.ContentHash"/> is stored (re-indexing it would change nothing).</summary>
    /// <param name="document">The document.</param>
    /// <returns>True when it is stored unchanged.</returns>
    public bool Contains(NewsDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        string hash = document.ContentHash;
        return Guard(() =>
        {
            using DbCommand command = _connection.CreateCommand();
            command.CommandText = "SELECT content_hash FROM documents WHERE id = @id";
            StoreDialect.AddParameter(command, "@id", document.Id);
            return command.ExecuteScalar() is string stored && stored == hash;
        });
    }

    /// <summary>The number of stored documents.</summary>
    /// <returns>The count.</returns>
    public int CountDocuments() => Guard(() => Convert.ToInt32(Scalar(_connection, null, "SELECT count(*) FROM documents"), CultureInfo.InvariantCulture));

    /// <summary>The number of stored facts.</summary>
    /// <returns>The count.</returns>
    public int CountFacts() => Guard(() => Convert.ToInt32(Scalar(_connection, null, "SELECT count(*) FROM facts"), CultureInfo.InvariantCulture));

    /// <summary>
    /// Adds one document with its extraction result in one transaction: new ids are added, a changed document
    /// (different content hash) replaces its old facts, an unchanged one is skipped.
    /// </summary>
    /// <param name="document">The document and its metadata.</param>
    /// <param name="result">What the extractor found in <see cref="NewsDocument.Text"/>.</param>
    /// <returns>What was done.</returns>
    /// <exception cref="ArgumentException">The result is not of the document's text.</exception>
    /// <exception cref="InvalidOperationException">The store is read-only.</exception>
    public AddOutcome Add(NewsDocument document, ExtractionResult result) => AddRange([(document, result)])[0];

    /// <summary>
    /// Adds documents in one transaction (a batch commit); each document with all its rows is in that
    /// transaction, so after a crash either the whole batch is stored or none of it.
    /// </summary>
    /// <param name="items">The documents with their extraction results.</param>
    /// <returns>What was done with each, in order.</returns>
    /// <exception cref="ArgumentException">A result is not of its document's text.</exception>
    /// <exception cref="InvalidOperationException">The store is read-only.</exception>
    public IReadOnlyList<AddOutcome> AddRange(IEnumerable<(NewsDocument Document, ExtractionResult Result)> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var contents = new List<(NewsDocument, DocumentContent)>();
        foreach ((NewsDocument document, ExtractionResult result) in items)
        {
            ArgumentNullException.ThrowIfNull(document);
            ArgumentNullException.ThrowIfNull(result);
            if (!string.Equals(document.Text, result.Text, StringComparison.Ordinal))
            {
                throw new ArgumentException($"the extraction result of document '{document.Id}' is not of its text.", nameof(items));
            }

            contents.Add((document, DocumentContent.From(result)));
        }

        return AddContents(contents);
    }

    internal IReadOnlyList<AddOutcome> AddContents(IReadOnlyList<(NewsDocument Document, DocumentContent Content)> items)
    {
        if (IsReadOnly)
        {
            throw new InvalidOperationException($"the store '{Path}' is open read-only.");
        }

        return Guard(() =>
        {
            for (int attempt = 1; ; attempt++)
            {
                try
                {
                    var outcomes = new List<AddOutcome>(items.Count);
                    using DbTransaction transaction = _connection.BeginTransaction();
                    using var writer = new DocumentWriter(_connection, transaction, _dialect);
                    foreach ((NewsDocument document, DocumentContent content) in items)
                    {
                        outcomes.Add(writer.Write(document, content));
                    }

                    transaction.Commit();
                    return (IReadOnlyList<AddOutcome>)outcomes;
                }
                catch (DbException e) when (attempt < MaxAttempts && _dialect.IsTransient(e))
                {
                    // A concurrent writer won (a deadlock on the same new entities, the same new document): the
                    // transaction is rolled back; run the batch again, which now sees the other writer's rows.
                    Thread.Sleep(Random.Shared.Next(5, 20 * attempt));
                }
            }
        });
    }

    /// <summary>Removes a document and its facts; entities no document mentions any more are removed too.</summary>
    /// <param name="documentId">The document id.</param>
    /// <returns>Whether the document was stored.</returns>
    /// <exception cref="InvalidOperationException">The store is read-only.</exception>
    public bool Remove(string documentId)
    {
        ArgumentException.ThrowIfNullOrEmpty(documentId);
        if (IsReadOnly)
        {
            throw new InvalidOperationException($"the store '{Path}' is open read-only.");
        }

        return Guard(() =>
        {
            using DbTransaction transaction = _connection.BeginTransaction();
            using var writer = new DocumentWriter(_connection, transaction, _dialect);
            bool removed = writer.Delete(documentId);
            transaction.Commit();
            return removed;
        });
    }

    /// <summary>
    /// The facts that pass every filter, ordered by document date (undated last), document id and position in
    /// the document, each with its provenance.
    /// </summary>
    /// <param name="query">The filters; null for all facts.</param>
    /// <returns>The facts.</returns>
    public IReadOnlyList<StoredFact> QueryFacts(FactQuery? query = null)
    {
        query ??= new FactQuery();
        if (query.Limit is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(query), "the limit must not be negative.");
        }

        return Guard(() =>
        {
            using DbTransaction snapshot = _dialect.BeginSnapshot(_connection);
            using DbCommand command = _connection.CreateCommand();
            command.Transaction = snapshot;
            // The SQL text is made only of constant fragments; every value is a bound parameter.
            var sql = new StringBuilder("""
                SELECT f.id, f.document_id, d.date, d.source, d.title, f.sentence, coalesce(s.text, ''), f.start, f."end",
                       f.type, f.modality, f.score, f.rule, f.code, f.time, f.evidence
                FROM facts f
                JOIN documents d ON d.id = f.document_id
                LEFT JOIN sentences s ON s.document_id = f.document_id AND s.idx = f.sentence
                WHERE 1 = 1
                """);
            if (query.Type is not null)
            {
                // Relation types are ASCII; lower() folds ASCII alike in both backends.
                sql.Append(" AND lower(f.type) = lower(@type)");
                StoreDialect.AddParameter(command, "@type", query.Type);
            }

            AppendNameFilter(sql, command, "@entity", null, query.Entity);
            AppendNameFilter(sql, command, "@participant", "participants", query.Participant);
            AppendNameFilter(sql, command, "@place", "place", query.Place);
            if (query.From is { } from)
            {
                sql.Append(" AND d.date >= @from");
                StoreDialect.AddParameter(command, "@from", FormatDate(from));
            }

            if (query.To is { } to)
            {
                sql.Append(" AND d.date <= @to");
                StoreDialect.AddParameter(command, "@to", FormatDate(to));
            }

            sql.Append(" ORDER BY d.date IS NULL, d.date, f.document_id, f.sentence, f.start, f.ordinal");
            if (query.Limit is { } limit)
            {
                sql.Append(" LIMIT @limit");
                StoreDialect.AddParameter(command, "@limit", limit);
            }

            command.CommandText = sql.ToString();

            var rows = new List<(long Id, StoredFact Fact)>();
            using (DbDataReader reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    rows.Add((Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), new StoredFact
                    {
                        DocumentId = reader.GetString(1),
                        Date = reader.IsDBNull(2) ? null : DateOnly.ParseExact(reader.GetString(2), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                        Source = reader.IsDBNull(3) ? null : reader.GetString(3),
                        Title = reader.IsDBNull(4) ? null : reader.GetString(4),
                        Sentence = reader.GetInt32(5),
                        SentenceText = reader.GetString(6),
                        Start = reader.GetInt32(7),
                        End = reader.GetInt32(8),
                        Type = reader.GetString(9),
                        Modality = Enum.Parse<Modality>(reader.GetString(10), ignoreCase: true),
                        Score = reader.GetDouble(11),
                        Rule = reader.GetString(12),
                        Code = reader.IsDBNull(13) ? null : reader.GetString(13),
                        Time = reader.IsDBNull(14) ? null : reader.GetString(14),
                        EvidenceSentences = JsonSerializer.Deserialize(reader.GetString(15), StoreJsonContext.Default.Int32Array) ?? [],
                        Arguments = [],
                    }));
                }
            }

            using DbCommand arguments = _connection.CreateCommand();
            arguments.Transaction = snapshot;
            arguments.CommandText = "SELECT ordinal, name, is_list, value, entity_id FROM fact_arguments WHERE fact_id = @id ORDER BY ordinal, position";
            DbParameter id = StoreDialect.AddParameter(arguments, "@id", 0L, DbType.Int64);
            var facts = new List<StoredFact>(rows.Count);
            foreach ((long factId, StoredFact fact) in rows)
            {
                id.Value = factId;
                facts.Add(fact with { Arguments = ReadArguments(arguments) });
            }

            snapshot.Commit();
            return (IReadOnlyList<StoredFact>)facts;
        });
    }

    private static List<StoredArgument> ReadArguments(DbCommand command)
    {
        var result = new List<StoredArgument>();
        using DbDataReader reader = command.ExecuteReader();
        int current = -1;
        string name = "";
        bool isList = false;
        var values = new List<string>();
        var ids = new List<string?>();
        while (reader.Read())
        {
            int ordinal = reader.GetInt32(0);
            if (ordinal != current && current >= 0)
            {
                result.Add(new StoredArgument(name, values.ToArray(), ids.ToArray(), isList));
                values.Clear();
                ids.Clear();
            }

            current = ordinal;
            name = reader.GetString(1);
            isList = Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture) != 0;
            values.Add(reader.GetString(3));
            ids.Add(reader.IsDBNull(4) ? null : reader.GetString(4));
        }

        if (current >= 0)
        {
            result.Add(new StoredArgument(name, values.ToArray(), ids.ToArray(), isList));
        }

        return result;
    }

    // An argument matches a name when its value is the name, or when its entity has the name as canonical name or alias.
    // The candidate facts are found from the name (indexed value and entity look-ups), not by testing every fact in the
    // date range (at 20,000 articles a count query went from 48 ms to 7 ms in sqlite3).
    private static void AppendNameFilter(StringBuilder sql, DbCommand command, string parameter, string? argument, string? name)
    {
        if (name is null)
        {
            return;
        }

        string onArgument = string.Empty;
        if (argument is not null)
        {
            onArgument = " AND a.name = " + parameter + "_argument";
            StoreDialect.AddParameter(command, parameter + "_argument", argument);
        }

        sql.Append(" AND f.id IN (SELECT a.fact_id FROM fact_arguments a WHERE a.value_key = ").Append(parameter).Append(onArgument)
            .Append(" UNION SELECT a.fact_id FROM fact_arguments a WHERE a.entity_id IN (SELECT id FROM entities WHERE key = ").Append(parameter)
            .Append(" UNION SELECT entity_id FROM mentions WHERE text_key = ").Append(parameter)
            .Append(" OR canonical_key = ").Append(parameter).Append(")").Append(onArgument).Append(')');
        StoreDialect.AddParameter(command, parameter, EntityKeys.Normalize(name));
    }

    /// <summary>
    /// The facts about one entity in date order: every fact with an argument that matches the name (canonical
    /// name, alias or value), such as the offices a person held over time and the meetings they had.
    /// </summary>
    /// <param name="name">The entity's name or alias.</param>
    /// <param name="filters">Further filters (type, dates, limit); its <see cref="FactQuery.Entity"/> is replaced by <paramref name="name"/>.</param>
    /// <returns>The facts, oldest first.</returns>
    public IReadOnlyList<StoredFact> Timeline(string name, FactQuery? filters = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return QueryFacts((filters ?? new FactQuery()) with { Entity = name });
    }

    /// <summary>
    /// Who meets whom most often: pairs of store-wide entities that are participants of the same Meeting fact
    /// (negated meetings excluded), with the number of such facts and of their documents, most frequent first.
    /// </summary>
    /// <param name="limit">The most pairs to return.</param>
    /// <param name="from">The first document date to include, or null.</param>
    /// <param name="to">The last document date to include, or null.</param>
    /// <returns>The pairs.</returns>
    public IReadOnlyList<EntityPair> TopPairs(int limit = 20, DateOnly? from = null, DateOnly? to = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return Guard(() =>
        {
            using DbCommand command = _connection.CreateCommand();
            var sql = new StringBuilder("""
                SELECT p.first, e1.name, p.second, e2.name, p.meetings, p.documents FROM (
                    SELECT a.entity_id AS first, b.entity_id AS second,
                           count(DISTINCT a.fact_id) AS meetings, count(DISTINCT f.document_id) AS documents
                    FROM fact_arguments a
                    JOIN fact_arguments b ON b.fact_id = a.fact_id AND b.name = 'participants' AND b.entity_id > a.entity_id
                    JOIN facts f ON f.id = a.fact_id
                    JOIN documents d ON d.id = f.document_id
                    WHERE a.name = 'participants' AND f.type = 'Meeting' AND f.modality <> 'negated'
                """);
            if (from is { } first)
            {
                sql.Append(" AND d.date >= @from");
                StoreDialect.AddParameter(command, "@from", FormatDate(first));
            }

            if (to is { } last)
            {
                sql.Append(" AND d.date <= @to");
                StoreDialect.AddParameter(command, "@to", FormatDate(last));
            }

            sql.Append("""
                     GROUP BY a.entity_id, b.entity_id) p
                JOIN entities e1 ON e1.id = p.first
                JOIN entities e2 ON e2.id = p.second
                ORDER BY p.meetings DESC, p.documents DESC, e1.name, e2.name
                LIMIT @limit
                """);
            StoreDialect.AddParameter(command, "@limit", limit);
            command.CommandText = sql.ToString();
            var pairs = new List<EntityPair>();
            using DbDataReader reader = command.ExecuteReader();
            while (reader.Read())
            {
                pairs.Add(new EntityPair(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), ToInt32(reader.GetValue(4)), ToInt32(reader.GetValue(5))));
            }

            return (IReadOnlyList<EntityPair>)pairs;
        });
    }

    /// <summary>The store-wide entities whose canonical name or one of whose aliases is the name (case-insensitive), most mentioned first.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The entities.</returns>
    public IReadOnlyList<StoreEntity> FindEntities(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return Guard(() =>
        {
            using DbTransaction snapshot = _dialect.BeginSnapshot(_connection);
            using DbCommand command = _connection.CreateCommand();
            command.Transaction = snapshot;
            command.CommandText = """
                SELECT e.id, e.label, e.name, (SELECT count(DISTINCT m.document_id) FROM mentions m WHERE m.entity_id = e.id) AS documents
                FROM entities e
                WHERE e.key = @key OR e.id IN (SELECT entity_id FROM mentions WHERE text_key = @key OR canonical_key = @key)
                ORDER BY documents DESC, e.name, e.id
                """;
            StoreDialect.AddParameter(command, "@key", EntityKeys.Normalize(name));
            var rows = new List<(string Id, string Label, string Name, int Documents)>();
            using (DbDataReader reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), ToInt32(reader.GetValue(3))));
                }
            }

            using DbCommand aliases = _connection.CreateCommand();
            aliases.Transaction = snapshot;
            aliases.CommandText = "SELECT DISTINCT alias FROM entity_aliases WHERE entity_id = @id ORDER BY alias";
            DbParameter id = StoreDialect.AddParameter(aliases, "@id", "", DbType.String);
            var entities = new List<StoreEntity>(rows.Count);
            foreach ((string entityId, string label, string entityName, int documents) in rows)
            {
                id.Value = entityId;
                var names = new List<string>();
                using (DbDataReader reader = aliases.ExecuteReader())
                {
                    while (reader.Read())
                    {
                        string alias = reader.GetString(0);
                        if (alias != entityName)
                        {
                            names.Add(alias);
                        }
                    }
                }

                entities.Add(new StoreEntity(entityId, EntityKeys.ParseLabel(label), entityName, names.ToArray(), documents));
            }

            snapshot.Commit();
            return (IReadOnlyList<StoreEntity>)entities;
        });
    }

    /// <summary>Closes the file or connection. Thread-safe; later calls on the store throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _connection.Dispose();
        }
    }

    private T Guard<T>(Func<T> action)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            try
            {
                return action();
            }
            catch (DbException e)
            {
                throw new NewsStoreException(_dialect.Describe(Path, e), e);
            }
        }
    }

    internal static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static object? Scalar(DbConnection connection, DbTransaction? transaction, string sql)
    {
        using DbCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    // Counts are 64-bit in PostgreSQL (count(*) is bigint), any integer in SQLite.
    private static int ToInt32(object value) => Convert.ToInt32(value, CultureInfo.InvariantCulture);

    internal static string ArgumentsJson(Relation relation)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, JsonOptions))
        {
            writer.WriteStartObject();
            Serialization.ResultJsonWriter.WriteArgumentMembers(writer, relation.Arguments);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}

/// <summary>Source-generated JSON for the evidence arrays (trimming-safe).</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(int[]))]
[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class StoreJsonContext : System.Text.Json.Serialization.JsonSerializerContext
{
}
