"""Full-text structures per database: FTS5 on SQLite, tsvector + GIN and pg_trgm on PostgreSQL."""

from django.db import migrations

SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE search_fts USING fts5(
        terms, extra_terms,
        content='search_searchdocument', content_rowid='id',
        tokenize='unicode61 remove_diacritics 0', prefix='2 3'
    )""",
    """CREATE TRIGGER search_fts_insert AFTER INSERT ON search_searchdocument BEGIN
        INSERT INTO search_fts(rowid, terms, extra_terms)
        VALUES (new.id, new.terms, new.extra_terms);
    END""",
    """CREATE TRIGGER search_fts_delete AFTER DELETE ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, terms, extra_terms)
        VALUES ('delete', old.id, old.terms, old.extra_terms);
    END""",
    """CREATE TRIGGER search_fts_update AFTER UPDATE OF terms, extra_terms
    ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, terms, extra_terms)
        VALUES ('delete', old.id, old.terms, old.extra_terms);
        INSERT INTO search_fts(rowid, terms, extra_terms)
        VALUES (new.id, new.terms, new.extra_terms);
    END""",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_fts_update",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DROP TABLE IF EXISTS search_fts",
]
POSTGRES_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    """ALTER TABLE search_searchdocument ADD COLUMN search_vector tsvector
        GENERATED ALWAYS AS (
            setweight(to_tsvector('simple', terms), 'A')
            || setweight(to_tsvector('simple', extra_terms), 'B')
        ) STORED""",
    "CREATE INDEX searchdoc_vector ON search_searchdocument USING gin (search_vector)",
    "CREATE INDEX searchterm_trgm ON search_searchterm USING gin (term gin_trgm_ops)",
    """CREATE INDEX searchdoc_title_prefix
        ON search_searchdocument (title_folded text_pattern_ops)""",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS searchdoc_title_prefix",
    "DROP INDEX IF EXISTS searchterm_trgm",
    "DROP INDEX IF EXISTS searchdoc_vector",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS search_vector",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        )
    ]
