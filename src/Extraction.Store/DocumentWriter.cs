using System.Globalization;
using System.Text.Json;
using System.Data.Common;

namespace Extraction.Store;

/// <summary>Writes documents inside one transaction with reused statements, for either backend. Used by one thread, under the store's lock.</summary>
internal sealed class DocumentWriter : IDisposable
{
    private readonly List<DbCommand> _commands = [];
    private readonly List<RowInserter> _inserters = [];
    private readonly DbCommand _hash;
    private readonly DbCommand _insertDocument;
    private readonly RowInserter _insertSentences;
    private readonly RowInserter _upsertEntities;
    private readonly RowInserter _insertMentions;
    private readonly RowInserter _insertFacts;
    private readonly RowInserter _insertArguments;
    private readonly DbCommand _documentEntities;
    private readonly DbCommand _deleteRows;
    private readonly DbCommand _deleteOrphan;

    public DocumentWriter(DbConnection connection, DbTransaction transaction, StoreDialect dialect)
    {
        DbCommand Prepare(string sql, params string[] parameters)
        {
            DbCommand command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            foreach (string parameter in parameters)
            {
                StoreDialect.AddParameter(command, parameter, null);
            }

            _commands.Add(command);
            return command;
        }

        // The many-row tables go through the backend's bulk path: per-row ADO.NET commands spent most of the
        // indexer's writing time in the provider, not in the database's own work.
        RowInserter PrepareRows(string template)
        {
            RowInserter inserter = dialect.CreateInserter(connection, transaction, template);
            _inserters.Add(inserter);
            return inserter;
        }

        _hash = Prepare("SELECT content_hash FROM documents WHERE id = @id", "@id");
        _insertDocument = Prepare("INSERT INTO documents(id, content_hash, date, source, title, text) VALUES (@id, @hash, @date, @source, @title, @text)", "@id", "@hash", "@date", "@source", "@title", "@text");
        _insertSentences = PrepareRows("INSERT INTO sentences(document_id, idx, start, \"end\", text) SELECT @document, {0:int}, {1:int}, {2:int}, {3:text} FROM {rows}");
        _upsertEntities = PrepareRows(dialect.UpsertEntitiesTemplate);
        _insertMentions = PrepareRows("INSERT INTO mentions(document_id, entity_id, local_id, text, canonical, text_key, canonical_key, start, \"end\", sentence, score, attributes) SELECT @document, {0:text}, {1:text}, {2:text}, {3:text}, {4:text}, {5:text}, {6:int}, {7:int}, {8:int}, {9:real}, {10:text} FROM {rows}");
        _insertFacts = PrepareRows("INSERT INTO facts(document_id, ordinal, type, sentence, start, \"end\", modality, score, rule, code, time, evidence, arguments) SELECT @document, {0:int}, {1:text}, {2:int}, {3:int}, {4:int}, {5:text}, {6:real}, {7:text}, {8:text}, {9:text}, {10:text}, {11:text} FROM {rows}");
        // Arguments find their fact's id by the fact's ordinal within the document.
        _insertArguments = PrepareRows("INSERT INTO fact_arguments(fact_id, ordinal, position, name, is_list, value, value_key, entity_id) SELECT f.id, {1:int}, {2:int}, {3:text}, {4:int}, {5:text}, {6:text}, {7:text} FROM {rows} JOIN facts f ON f.document_id = @document AND f.ordinal = {0:int}");
        _documentEntities = Prepare("SELECT DISTINCT entity_id FROM mentions WHERE document_id = @document", "@document");
        _deleteRows = Prepare("""
            DELETE FROM fact_arguments WHERE fact_id IN (SELECT id FROM facts WHERE document_id = @document);
            DELETE FROM facts WHERE document_id = @document;
            DELETE FROM mentions WHERE document_id = @document;
            DELETE FROM sentences WHERE document_id = @document;
            DELETE FROM documents WHERE id = @document;
            """, "@document");
        _deleteOrphan = Prepare("DELETE FROM entities WHERE id = @id AND NOT EXISTS (SELECT 1 FROM mentions WHERE entity_id = @id) AND NOT EXISTS (SELECT 1 FROM fact_arguments WHERE entity_id = @id)", "@id");
    }

    public AddOutcome Write(NewsDocument document, DocumentContent content)
    {
        string hash = document.ContentHash;
        _hash.Parameters["@id"].Value = document.Id;
        object? stored = _hash.ExecuteScalar();
        if (stored is string storedHash && storedHash == hash)
        {
            return AddOutcome.Unchanged;
        }

        List<string> previousEntities = stored is null ? [] : DeleteRows(document.Id);
        Insert(document, hash, content);
        foreach (string entityId in previousEntities)
        {
            _deleteOrphan.Parameters["@id"].Value = entityId;
            _deleteOrphan.ExecuteNonQuery();
        }

        return stored is null ? AddOutcome.Added : AddOutcome.Replaced;
    }

    public bool Delete(string documentId)
    {
        _hash.Parameters["@id"].Value = documentId;
        if (_hash.ExecuteScalar() is null)
        {
            return false;
        }

        foreach (string entityId in DeleteRows(documentId))
        {
            _deleteOrphan.Parameters["@id"].Value = entityId;
            _deleteOrphan.ExecuteNonQuery();
        }

        return true;
    }

    private List<string> DeleteRows(string documentId)
    {
        var entities = new List<string>();
        _documentEntities.Parameters["@document"].Value = documentId;
        using (DbDataReader reader = _documentEntities.ExecuteReader())
        {
            while (reader.Read())
            {
                entities.Add(reader.GetString(0));
            }
        }

        _deleteRows.Parameters["@document"].Value = documentId;
        _deleteRows.ExecuteNonQuery();
        return entities;
    }

    private void Insert(NewsDocument document, string hash, DocumentContent content)
    {
        string text = document.Text;
        Set(_insertDocument, "@id", document.Id);
        Set(_insertDocument, "@hash", hash);
        Set(_insertDocument, "@date", document.Date is { } date ? NewsStore.FormatDate(date) : null);
        Set(_insertDocument, "@source", document.Source);
        Set(_insertDocument, "@title", document.Title);
        Set(_insertDocument, "@text", text);
        _insertDocument.ExecuteNonQuery();

        var sentenceStarts = new int[content.Sentences.Count];
        _insertSentences.Begin(document.Id);
        for (int i = 0; i < content.Sentences.Count; i++)
        {
            TextSpan span = content.Sentences[i];
            sentenceStarts[i] = span.Start;
            _insertSentences.BeginRow();
            _insertSentences.Add(i);
            _insertSentences.Add(span.Start);
            _insertSentences.Add(span.End);
            _insertSentences.Add(Slice(text, span.Start, span.End));
            _insertSentences.EndRow();
        }

        _insertSentences.Finish();

        // Document-level entities (all mentions under one library id and label) become store-wide entities. Two of
        // them may be one store-wide entity (same label and key): one upsert row each, with the smaller name, in id
        // order (concurrent PostgreSQL writers then lock shared entities in the same order). Entities go first:
        // mentions and arguments reference them.
        var groups = new List<(string EntityId, IGrouping<(EntityLabel Label, string Id), Entity> Mentions, List<string> CanonicalKeys)>();
        var entities = new SortedDictionary<string, (EntityLabel Label, string Name, string Key)>(StringComparer.Ordinal);
        var byCanonical = new Dictionary<string, List<(EntityLabel Label, string EntityId)>>(StringComparer.Ordinal);
        var byKey = new Dictionary<string, List<(EntityLabel Label, string EntityId)>>(StringComparer.Ordinal);
        foreach (IGrouping<(EntityLabel Label, string Id), Entity> group in content.Entities.GroupBy(e => (e.Label, e.Id)))
        {
            string name = EntityKeys.GroupName(group);
            if (name.Length == 0)
            {
                name = group.First().Text.Trim();
            }

            string key = EntityKeys.Normalize(name);
            if (key.Length == 0)
            {
                continue;
            }

            string entityId = EntityKeys.EntityId(group.Key.Label, key);
            if (!entities.TryGetValue(entityId, out var known) || string.CompareOrdinal(name, known.Name) < 0)
            {
                entities[entityId] = (group.Key.Label, name, key);
            }

            // Each mention's canonical key is needed twice (argument resolution, the mention's row): computed once.
            var canonicalKeys = new List<string>();
            foreach (Entity mention in group)
            {
                string canonicalKey = EntityKeys.Normalize(mention.Canonical);
                canonicalKeys.Add(canonicalKey);
                AddTarget(byCanonical, mention.Canonical, group.Key.Label, entityId);
                AddTarget(byKey, canonicalKey, group.Key.Label, entityId);
            }

            groups.Add((entityId, group, canonicalKeys));

            AddTarget(byCanonical, name, group.Key.Label, entityId);
            AddTarget(byKey, key, group.Key.Label, entityId);
        }

        _upsertEntities.Begin(document.Id);
        foreach ((string entityId, (EntityLabel label, string name, string key)) in entities)
        {
            _upsertEntities.BeginRow();
            _upsertEntities.Add(entityId);
            _upsertEntities.Add(Entity.ToCode(label));
            _upsertEntities.Add(name);
            _upsertEntities.Add(key);
            _upsertEntities.EndRow();
        }

        _upsertEntities.Finish();
        _insertMentions.Begin(document.Id);
        foreach ((string entityId, IGrouping<(EntityLabel Label, string Id), Entity> group, List<string> canonicalKeys) in groups)
        {
            int index = 0;
            foreach (Entity mention in group)
            {
                _insertMentions.BeginRow();
                _insertMentions.Add(entityId);
                _insertMentions.Add(mention.Id);
                _insertMentions.Add(mention.Text);
                _insertMentions.Add(mention.Canonical);
                _insertMentions.Add(EntityKeys.Normalize(mention.Text));
                _insertMentions.Add(canonicalKeys[index++]);
                _insertMentions.Add(mention.Start);
                _insertMentions.Add(mention.End);
                _insertMentions.Add(SentenceOf(sentenceStarts, mention.Start));
                _insertMentions.Add(mention.Score);
                _insertMentions.Add(mention.Attributes.Count == 0 ? null : JsonSerializer.Serialize(mention.Attributes.ToDictionary(), StoreJsonContext.Default.DictionaryStringString));
                _insertMentions.EndRow();
            }
        }

        _insertMentions.Finish();
        _insertFacts.Begin(document.Id);
        for (int ordinal = 0; ordinal < content.Relations.Count; ordinal++)
        {
            Relation relation = content.Relations[ordinal];
            _insertFacts.BeginRow();
            _insertFacts.Add(ordinal);
            _insertFacts.Add(relation.Type);
            _insertFacts.Add(relation.Sentence);
            _insertFacts.Add(relation.Trigger.Start);
            _insertFacts.Add(relation.Trigger.End);
            _insertFacts.Add(relation.Modality.ToString().ToLowerInvariant());
            _insertFacts.Add(relation.Score);
            _insertFacts.Add(relation.Rule);
            _insertFacts.Add(relation.Code);
            _insertFacts.Add(relation.Time);
            _insertFacts.Add(JsonSerializer.Serialize(relation.EvidenceSentences.ToArray(), StoreJsonContext.Default.Int32Array));
            _insertFacts.Add(NewsStore.ArgumentsJson(relation));
            _insertFacts.EndRow();
        }

        _insertFacts.Finish();
        _insertArguments.Begin(document.Id);
        for (int ordinal = 0; ordinal < content.Relations.Count; ordinal++)
        {
            int argumentOrdinal = 0;
            foreach (KeyValuePair<string, RelationArgument> argument in content.Relations[ordinal].Arguments)
            {
                for (int position = 0; position < argument.Value.Values.Count; position++)
                {
                    string value = argument.Value.Values[position];
                    _insertArguments.BeginRow();
                    _insertArguments.Add(ordinal);
                    _insertArguments.Add(argumentOrdinal);
                    _insertArguments.Add(position);
                    _insertArguments.Add(argument.Key);
                    _insertArguments.Add(argument.Value.IsList ? 1 : 0);
                    _insertArguments.Add(value);
                    _insertArguments.Add(EntityKeys.Normalize(value));
                    _insertArguments.Add(Resolve(argument.Key, value, byCanonical, byKey));
                    _insertArguments.EndRow();
                }

                argumentOrdinal++;
            }
        }

        _insertArguments.Finish();
    }

    // An argument value refers to the document's entity with that canonical name (exactly, else case-insensitively),
    // preferring the label the argument expects; free-text arguments (topic, content, time, ...) refer to none.
    private static string? Resolve(string argument, string value, Dictionary<string, List<(EntityLabel Label, string EntityId)>> byCanonical, Dictionary<string, List<(EntityLabel Label, string EntityId)>> byKey)
    {
        if (EntityKeys.IsFreeText(argument))
        {
            return null;
        }

        if (!byCanonical.TryGetValue(value, out List<(EntityLabel Label, string EntityId)>? targets) && !byKey.TryGetValue(EntityKeys.Normalize(value), out targets))
        {
            return null;
        }

        foreach (EntityLabel label in EntityKeys.PreferredLabels(argument))
        {
            foreach ((EntityLabel targetLabel, string entityId) in targets)
            {
                if (targetLabel == label)
                {
                    return entityId;
                }
            }
        }

        return null;
    }

    private static void AddTarget(Dictionary<string, List<(EntityLabel, string)>> map, string name, EntityLabel label, string entityId)
    {
        if (!map.TryGetValue(name, out List<(EntityLabel, string)>? list))
        {
            map[name] = list = [];
        }

        if (!list.Contains((label, entityId)))
        {
            list.Add((label, entityId));
        }
    }

    private static int SentenceOf(int[] starts, int offset)
    {
        int index = Array.BinarySearch(starts, offset);
        return index >= 0 ? index : Math.Max(0, ~index - 1);
    }

    private static string Slice(string text, int start, int end)
    {
        start = Math.Clamp(start, 0, text.Length);
        end = Math.Clamp(end, start, text.Length);
        return text[start..end];
    }

    private static void Set(DbCommand command, string name, object? value) => command.Parameters[name].Value = value ?? DBNull.Value;

    public void Dispose()
    {
        foreach (DbCommand command in _commands)
        {
            command.Dispose();
        }

        foreach (RowInserter inserter in _inserters)
        {
            inserter.Dispose();
        }
    }
}
