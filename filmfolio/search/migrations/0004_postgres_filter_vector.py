"""PostgreSQL: filter tokens in their own ``filter_vector``, the text vector without them,
so that no query needs weight restrictions (which force a heap recheck of every match); GIN
indexes only over public documents (``WHERE is_public``: access costs nothing, and a signed-in
viewer's other films are found from their ids). Nothing changes on SQLite. Run ``filmfolio reindex`` afterwards (the index is not emptied,
but its vectors are regenerated from the stored columns by PostgreSQL itself)."""

from django.db import migrations

POSTGRES_FORWARD = [
    "DROP INDEX IF EXISTS searchdoc_vector",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS search_vector",
    """ALTER TABLE search_searchdocument ADD COLUMN search_vector tsvector
        GENERATED ALWAYS AS (
            setweight(to_tsvector('simple', terms), 'A')
            || setweight(to_tsvector('simple', extra_terms), 'B')
        ) STORED""",
    """ALTER TABLE search_searchdocument ADD COLUMN filter_vector tsvector
        GENERATED ALWAYS AS (to_tsvector('simple', filters)) STORED""",
    """CREATE INDEX searchdoc_vector_public ON search_searchdocument
        USING gin (search_vector) WHERE is_public""",
    """CREATE INDEX searchdoc_filter_public ON search_searchdocument
        USING gin (filter_vector) WHERE is_public""",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS searchdoc_filter_public",
    "DROP INDEX IF EXISTS searchdoc_vector_public",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS filter_vector",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS search_vector",
    """ALTER TABLE search_searchdocument ADD COLUMN search_vector tsvector
        GENERATED ALWAYS AS (
            setweight(to_tsvector('simple', terms), 'A')
            || setweight(to_tsvector('simple', extra_terms), 'B')
            || setweight(to_tsvector('simple', filters), 'D')
        ) STORED""",
    "CREATE INDEX searchdoc_vector ON search_searchdocument USING gin (search_vector)",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0003_fast_index")]

    operations = [migrations.RunPython(_run(POSTGRES_FORWARD), _run(POSTGRES_BACKWARD))]
