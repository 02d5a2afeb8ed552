namespace Extraction.Store;

/// <summary>
/// The store schema (version 1): tables and the documented views (README, "News knowledge base"), written once
/// with a few placeholders that each <see cref="StoreDialect"/> fills with its column types and JSON access.
/// </summary>
internal static class Schema
{
    public const int Version = 1;

    /// <summary>The tables; <c>{text}</c>, <c>{real}</c>, <c>{bigint}</c>, <c>{serial}</c> and <c>{norowid}</c> are the dialect's.</summary>
    public const string Tables = """
        CREATE TABLE store_info(key {text} PRIMARY KEY, value {text} NOT NULL){norowid};
        CREATE TABLE documents(
            id {text} PRIMARY KEY,
            content_hash {text} NOT NULL,
            date {text},
            source {text},
            title {text},
            text {text} NOT NULL){norowid};
        CREATE INDEX documents_date ON documents(date);
        CREATE TABLE sentences(
            document_id {text} NOT NULL REFERENCES documents(id),
            idx INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text {text} NOT NULL,
            PRIMARY KEY(document_id, idx)){norowid};
        CREATE TABLE entities(
            id {text} PRIMARY KEY,
            label {text} NOT NULL,
            name {text} NOT NULL,
            key {text} NOT NULL){norowid};
        CREATE INDEX entities_key ON entities(key);
        CREATE TABLE mentions(
            document_id {text} NOT NULL REFERENCES documents(id),
            entity_id {text} NOT NULL REFERENCES entities(id),
            local_id {text} NOT NULL,
            text {text} NOT NULL,
            canonical {text} NOT NULL,
            text_key {text} NOT NULL,
            canonical_key {text} NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            sentence INTEGER NOT NULL,
            score {real} NOT NULL,
            attributes {text});
        CREATE INDEX mentions_document ON mentions(document_id);
        CREATE INDEX mentions_entity ON mentions(entity_id);
        CREATE INDEX mentions_text_key ON mentions(text_key);
        CREATE INDEX mentions_canonical_key ON mentions(canonical_key);
        CREATE TABLE facts(
            id {serial},
            document_id {text} NOT NULL REFERENCES documents(id),
            ordinal INTEGER NOT NULL,
            type {text} NOT NULL,
            sentence INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            modality {text} NOT NULL,
            score {real} NOT NULL,
            rule {text} NOT NULL,
            code {text},
            time {text},
            evidence {text} NOT NULL,
            arguments {text} NOT NULL);
        CREATE INDEX facts_document ON facts(document_id);
        CREATE INDEX facts_type ON facts(type);
        CREATE TABLE fact_arguments(
            fact_id {bigint} NOT NULL REFERENCES facts(id),
            ordinal INTEGER NOT NULL,
            position INTEGER NOT NULL,
            name {text} NOT NULL,
            is_list INTEGER NOT NULL,
            value {text} NOT NULL,
            value_key {text} NOT NULL,
            entity_id {text} REFERENCES entities(id),
            PRIMARY KEY(fact_id, ordinal, position)){norowid};
        CREATE INDEX fact_arguments_entity ON fact_arguments(entity_id);
        CREATE INDEX fact_arguments_value_key ON fact_arguments(value_key);

        """;

    /// <summary>The views; <c>{json:NAME}</c> is the dialect's access to the arguments object's member NAME.</summary>
    public const string Views = """
        CREATE VIEW entity_aliases AS
            SELECT DISTINCT entity_id, text AS alias FROM mentions
            UNION SELECT DISTINCT entity_id, canonical FROM mentions;
        CREATE VIEW entity_facts AS
            SELECT e.id AS entity_id, e.name AS entity, e.label, a.name AS argument,
                   f.id AS fact_id, f.type, f.document_id, d.date, d.source, f.sentence, f.start, f."end",
                   f.modality, f.arguments, s.text AS sentence_text
            FROM fact_arguments a
            JOIN entities e ON e.id = a.entity_id
            JOIN facts f ON f.id = a.fact_id
            JOIN documents d ON d.id = f.document_id
            LEFT JOIN sentences s ON s.document_id = f.document_id AND s.idx = f.sentence;
        CREATE VIEW meetings AS
            SELECT f.id AS fact_id, f.document_id, d.date, d.source, d.title, f.sentence, f.start, f."end",
                   {json:participants} AS participants,
                   {json:place} AS place,
                   {json:topic} AS topic,
                   {json:kind} AS kind,
                   f.time, f.modality, f.code, s.text AS sentence_text
            FROM facts f
            JOIN documents d ON d.id = f.document_id
            LEFT JOIN sentences s ON s.document_id = f.document_id AND s.idx = f.sentence
            WHERE f.type = 'Meeting';
        CREATE VIEW meeting_participants AS
            SELECT a.fact_id, f.document_id, d.date, a.entity_id, a.value AS name
            FROM fact_arguments a
            JOIN facts f ON f.id = a.fact_id
            JOIN documents d ON d.id = f.document_id
            WHERE f.type = 'Meeting' AND a.name = 'participants';
        CREATE VIEW statements AS
            SELECT f.id AS fact_id, f.type, f.document_id, d.date, d.source, f.sentence, f.start, f."end",
                   {json:speaker} AS speaker,
                   (SELECT a.entity_id FROM fact_arguments a WHERE a.fact_id = f.id AND a.name = 'speaker') AS speaker_entity_id,
                   {json:content} AS content,
                   {json:topic} AS topic,
                   {json:addressee} AS addressee,
                   {json:target} AS target,
                   f.modality, f.code, s.text AS sentence_text
            FROM facts f
            JOIN documents d ON d.id = f.document_id
            LEFT JOIN sentences s ON s.document_id = f.document_id AND s.idx = f.sentence
            WHERE f.type IN ('Statement', 'Demand', 'Rejection', 'Criticism');
        CREATE VIEW holds_role AS
            SELECT f.id AS fact_id, f.document_id, d.date, d.source, f.sentence, f.start, f."end",
                   {json:person} AS person,
                   (SELECT a.entity_id FROM fact_arguments a WHERE a.fact_id = f.id AND a.name = 'person') AS person_entity_id,
                   {json:role} AS role,
                   {json:organization} AS organization,
                   f.modality, s.text AS sentence_text
            FROM facts f
            JOIN documents d ON d.id = f.document_id
            LEFT JOIN sentences s ON s.document_id = f.document_id AND s.idx = f.sentence
            WHERE f.type = 'HoldsRole';
        """;

    /// <summary>The whole schema in a dialect.</summary>
    public static string Create(StoreDialect dialect)
    {
        string tables = Schema.Tables
            .Replace("{text}", dialect.TextType, StringComparison.Ordinal)
            .Replace("{real}", dialect.RealType, StringComparison.Ordinal)
            .Replace("{bigint}", dialect.BigIntType, StringComparison.Ordinal)
            .Replace("{serial}", dialect.SerialPrimaryKey, StringComparison.Ordinal)
            .Replace("{norowid}", dialect.WithoutRowId, StringComparison.Ordinal);
        string views = System.Text.RegularExpressions.Regex.Replace(Schema.Views, @"\{json:(\w+)\}", m => dialect.JsonMember("f.arguments", m.Groups[1].Value));
        return tables + views;
    }
}
