using System.Globalization;
using System.Text.Json;
using System.Data.Common;

namespace Extraction.Store;

/// <summary>Writes documents inside one transaction with reused statements, for either backend. Used by one thread, under the store's lock.</summary>
internal sealed class DocumentWriter : IDisposable
{
    private readonly List<DbCommand> _commands = [];
    private readonly DbCommand _hash;
    private readonly DbCommand _insertDocument;
    private readonly DbCommand _insertSentence;
    private readonly DbCommand _upsertEntity;
    private readonly DbCommand _insertMention;
    private readonly DbCommand _insertFact;
    private readonly DbCommand _insertArgument;
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

        _hash = Prepare("SELECT content_hash FROM documents WHERE id = @id", "@id");
        _insertDocument = Prepare("INSERT INTO documents(id, content_hash, date, source, title, text) VALUES (@id, @hash, @date, @source, @title, @text)", "@id", "@hash", "@date", "@source", "@title", "@text");
        _insertSentence = Prepare("INSERT INTO sentences(document_id, idx, start, \"end\", text) VALUES (@document, @idx, @start, @end, @text)", "@document", "@idx", "@start", "@end", "@text");
        // The display name is the ordinal minimum of the names seen, so it does not depend on indexing order.
        _upsertEntity = Prepare(dialect.UpsertEntitySql, "@id", "@label", "@name", "@key");
        _insertMention = Prepare("INSERT INTO mentions(document_id, entity_id, local_id, text, canonical, text_key, canonical_key, start, \"end\", sentence, score, attributes) VALUES (@document, @entity, @local, @text, @canonical, @text_key, @canonical_key, @start, @end, @sentence, @score, @attributes)", "@document", "@entity", "@local", "@text", "@canonical", "@text_key", "@canonical_key", "@start", "@end", "@sentence", "@score", "@attributes");
        _insertFact = Prepare("INSERT INTO facts(document_id, ordinal, type, sentence, start, \"end\", modality, score, rule, code, time, evidence, arguments) VALUES (@document, @ordinal, @type, @sentence, @start, @end, @modality, @score, @rule, @code, @time, @evidence, @arguments) RETURNING id", "@document", "@ordinal", "@type", "@sentence", "@start", "@end", "@modality", "@score", "@rule", "@code", "@time", "@evidence", "@arguments");
        _insertArgument = Prepare("INSERT INTO fact_arguments(fact_id, ordinal, position, name, is_list, value, value_key, entity_id) VALUES (@fact, @ordinal, @position, @name, @is_list, @value, @value_key, @entity)", "@fact", "@ordinal", "@position", "@name", "@is_list", "@value", "@value_key", "@entity");
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
        for (int i = 0; i < content.Sentences.Count; i++)
        {
            TextSpan span = content.Sentences[i];
            sentenceStarts[i] = span.Start;
            Set(_insertSentence, "@document", document.Id);
            Set(_insertSentence, "@idx", i);
            Set(_insertSentence, "@start", span.Start);
            Set(_insertSentence, "@end", span.End);
            Set(_insertSentence, "@text", Slice(text, span.Start, span.End));
            _insertSentence.ExecuteNonQuery();
        }

        // Document-level entities (all mentions under one library id and label) become store-wide entities.
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
            Set(_upsertEntity, "@id", entityId);
            Set(_upsertEntity, "@label", Entity.ToCode(group.Key.Label));
            Set(_upsertEntity, "@name", name);
            Set(_upsertEntity, "@key", key);
            _upsertEntity.ExecuteNonQuery();
            foreach (Entity mention in group)
            {
                Set(_insertMention, "@document", document.Id);
                Set(_insertMention, "@entity", entityId);
                Set(_insertMention, "@local", mention.Id);
                Set(_insertMention, "@text", mention.Text);
                Set(_insertMention, "@canonical", mention.Canonical);
                Set(_insertMention, "@text_key", EntityKeys.Normalize(mention.Text));
                Set(_insertMention, "@canonical_key", EntityKeys.Normalize(mention.Canonical));
                Set(_insertMention, "@start", mention.Start);
                Set(_insertMention, "@end", mention.End);
                Set(_insertMention, "@sentence", SentenceOf(sentenceStarts, mention.Start));
                Set(_insertMention, "@score", mention.Score);
                Set(_insertMention, "@attributes", mention.Attributes.Count == 0 ? null : JsonSerializer.Serialize(mention.Attributes.ToDictionary(), StoreJsonContext.Default.DictionaryStringString));
                _insertMention.ExecuteNonQuery();
                AddTarget(byCanonical, mention.Canonical, group.Key.Label, entityId);
                AddTarget(byKey, EntityKeys.Normalize(mention.Canonical), group.Key.Label, entityId);
            }

            AddTarget(byCanonical, name, group.Key.Label, entityId);
            AddTarget(byKey, key, group.Key.Label, entityId);
        }

        for (int ordinal = 0; ordinal < content.Relations.Count; ordinal++)
        {
            Relation relation = content.Relations[ordinal];
            Set(_insertFact, "@document", document.Id);
            Set(_insertFact, "@ordinal", ordinal);
            Set(_insertFact, "@type", relation.Type);
            Set(_insertFact, "@sentence", relation.Sentence);
            Set(_insertFact, "@start", relation.Trigger.Start);
            Set(_insertFact, "@end", relation.Trigger.End);
            Set(_insertFact, "@modality", relation.Modality.ToString().ToLowerInvariant());
            Set(_insertFact, "@score", relation.Score);
            Set(_insertFact, "@rule", relation.Rule);
            Set(_insertFact, "@code", relation.Code);
            Set(_insertFact, "@time", relation.Time);
            Set(_insertFact, "@evidence", JsonSerializer.Serialize(relation.EvidenceSentences.ToArray(), StoreJsonContext.Default.Int32Array));
            Set(_insertFact, "@arguments", NewsStore.ArgumentsJson(relation));
            long factId = Convert.ToInt64(_insertFact.ExecuteScalar(), CultureInfo.InvariantCulture);
            int argumentOrdinal = 0;
            foreach (KeyValuePair<string, RelationArgument> argument in relation.Arguments)
            {
                for (int position = 0; position < argument.Value.Values.Count; position++)
                {
                    string value = argument.Value.Values[position];
                    Set(_insertArgument, "@fact", factId);
                    Set(_insertArgument, "@ordinal", argumentOrdinal);
                    Set(_insertArgument, "@position", position);
                    Set(_insertArgument, "@name", argument.Key);
                    Set(_insertArgument, "@is_list", argument.Value.IsList ? 1 : 0);
                    Set(_insertArgument, "@value", value);
                    Set(_insertArgument, "@value_key", EntityKeys.Normalize(value));
                    Set(_insertArgument, "@entity", Resolve(argument.Key, value, byCanonical, byKey));
                    _insertArgument.ExecuteNonQuery();
                }

                argumentOrdinal++;
            }
        }
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
    }
}
