namespace Extraction.Store;

/// <summary>The SQLite schema (version 1): tables and the documented views (README, "News knowledge base").</summary>
internal static class Schema
{
    public const int Version = 1;

    public const string Create = """
        CREATE TABLE store_info(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE documents(
            id TEXT PRIMARY KEY,
            content_hash TEXT NOT NULL,
            date TEXT,
            source TEXT,
            title TEXT,
            text TEXT NOT NULL) WITHOUT ROWID;
        CREATE INDEX documents_date ON documents(date);
        CREATE TABLE sentences(
            document_id TEXT NOT NULL REFERENCES documents(id),
            idx INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            PRIMARY KEY(document_id, idx)) WITHOUT ROWID;
        CREATE TABLE entities(
            id TEXT PRIMARY KEY,
            label TEXT NOT NULL,
            name TEXT NOT NULL,
            key TEXT NOT NULL) WITHOUT ROWID;
        CREATE INDEX entities_key ON entities(key);
        CREATE TABLE mentions(
            document_id TEXT NOT NULL REFERENCES documents(id),
            entity_id TEXT NOT NULL REFERENCES entities(id),
            local_id TEXT NOT NULL,
            text TEXT NOT NULL,
            canonical TEXT NOT NULL,
            text_key TEXT NOT NULL,
            canonical_key TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            sentence INTEGER NOT NULL,
            score REAL NOT NULL,
            attributes TEXT);
        CREATE INDEX mentions_document ON mentions(document_id);
        CREATE INDEX mentions_entity ON mentions(entity_id);
        CREATE INDEX mentions_text_key ON mentions(text_key);
        CREATE INDEX mentions_canonical_key ON mentions(canonical_key);
        CREATE TABLE facts(
            id INTEGER PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents(id),
            ordinal INTEGER NOT NULL,
            type TEXT NOT NULL,
            sentence INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            modality TEXT NOT NULL,
            score REAL NOT NULL,
            rule TEXT NOT NULL,
            code TEXT,
            time TEXT,
            evidence TEXT NOT NULL,
            arguments TEXT NOT NULL);
        CREATE INDEX facts_document ON facts(document_id);
        CREATE INDEX facts_type ON facts(type);
        CREATE TABLE fact_arguments(
            fact_id INTEGER NOT NULL REFERENCES facts(id),
            ordinal INTEGER NOT NULL,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            is_list INTEGER NOT NULL,
            value TEXT NOT NULL,
            value_key TEXT NOT NULL,
            entity_id TEXT REFERENCES entities(id),
            PRIMARY KEY(fact_id, ordinal, position)) WITHOUT ROWID;
        CREATE INDEX fact_arguments_entity ON fact_arguments(entity_id);
        CREATE INDEX fact_arguments_value_key ON fact_arguments(value_key);

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
                   json_extract(f.arguments, '$.participants') AS participants,
                   json_extract(f.arguments, '$.place') AS place,
                   json_extract(f.arguments, '$.topic') AS topic,
                   json_extract(f.arguments, '$.kind') AS kind,
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
                   json_extract(f.arguments, '$.speaker') AS speaker,
                   (SELECT a.entity_id FROM fact_arguments a WHERE a.fact_id = f.id AND a.name = 'speaker') AS speaker_entity_id,
                   json_extract(f.arguments, '$.content') AS content,
                   json_extract(f.arguments, '$.topic') AS topic,
                   json_extract(f.arguments, '$.addressee') AS addressee,
                   json_extract(f.arguments, '$.target') AS target,
                   f.modality, f.code, s.text AS sentence_text
            FROM facts f
            JOIN documents d ON d.id = f.document_id
            LEFT JOIN sentences s ON s.document_id = f.document_id AND s.idx = f.sentence
            WHERE f.type IN ('Statement', 'Demand', 'Rejection', 'Criticism');
        CREATE VIEW holds_role AS
            SELECT f.id AS fact_id, f.document_id, d.date, d.source, f.sentence, f.start, f."end",
                   json_extract(f.arguments, '$.person') AS person,
                   (SELECT a.entity_id FROM fact_arguments a WHERE a.fact_id = f.id AND a.name = 'person') AS person_entity_id,
                   json_extract(f.arguments, '$.role') AS role,
                   json_extract(f.arguments, '$.organization') AS organization,
                   f.modality, s.text AS sentence_text
            FROM facts f
            JOIN documents d ON d.id = f.document_id
            LEFT JOIN sentences s ON s.document_id = f.document_id AND s.idx = f.sentence
            WHERE f.type = 'HoldsRole';
        """;
}
