"""Filter tokens in the full-text index, one row per facet value, autocomplete keys.

The index is emptied: run ``filmfolio reindex`` after migrating.
"""

import django.db.models.deletion
from django.db import migrations, models

SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS search_fts_update",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DROP TABLE IF EXISTS search_fts",
]
SQLITE_CREATE = [
    """CREATE VIRTUAL TABLE search_fts USING fts5(
        terms, extra_terms, filters,
        content='search_searchdocument', content_rowid='id',
        tokenize='unicode61 remove_diacritics 0'
    )""",
    """CREATE TRIGGER search_fts_insert AFTER INSERT ON search_searchdocument BEGIN
        INSERT INTO search_fts(rowid, terms, extra_terms, filters)
        VALUES (new.id, new.terms, new.extra_terms, new.filters);
    END""",
    """CREATE TRIGGER search_fts_delete AFTER DELETE ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, terms, extra_terms, filters)
        VALUES ('delete', old.id, old.terms, old.extra_terms, old.filters);
    END""",
    """CREATE TRIGGER search_fts_update AFTER UPDATE OF terms, extra_terms, filters
    ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, terms, extra_terms, filters)
        VALUES ('delete', old.id, old.terms, old.extra_terms, old.filters);
        INSERT INTO search_fts(rowid, terms, extra_terms, filters)
        VALUES (new.id, new.terms, new.extra_terms, new.filters);
    END""",
]
POSTGRES_DROP = [
    "DROP INDEX IF EXISTS searchdoc_vector",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS search_vector",
]
POSTGRES_CREATE = [
    """ALTER TABLE search_searchdocument ADD COLUMN search_vector tsvector
        GENERATED ALWAYS AS (
            setweight(to_tsvector('simple', terms), 'A')
            || setweight(to_tsvector('simple', extra_terms), 'B')
            || setweight(to_tsvector('simple', filters), 'D')
        ) STORED""",
    "CREATE INDEX searchdoc_vector ON search_searchdocument USING gin (search_vector)",
    """CREATE INDEX searchsuggest_key_prefix
        ON search_searchsuggestion (is_public, key text_pattern_ops)""",
]
POSTGRES_UNCREATE = [
    "DROP INDEX IF EXISTS searchsuggest_key_prefix",
    *POSTGRES_DROP,
]
EMPTY = [
    "DELETE FROM search_searchfacetvalue",
    "DELETE FROM search_searchdocument",
    "DELETE FROM search_searchterm",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


def _empty(apps, schema_editor):
    for statement in EMPTY:
        schema_editor.execute(statement)


def _noop(apps, schema_editor):
    return None


class Migration(migrations.Migration):

    dependencies = [
        ('search', '0002_fulltext'),
    ]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}), _noop
        ),
        migrations.RunPython(_empty, _noop),
        migrations.CreateModel(
            name='SearchSuggestion',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('key', models.CharField(max_length=120, verbose_name='key')),
                ('is_public', models.BooleanField(default=False, verbose_name='listed for everyone')),
            ],
        ),
        migrations.RemoveIndex(
            model_name='searchdocument',
            name='searchdoc_public_kind',
        ),
        migrations.RemoveIndex(
            model_name='searchdocument',
            name='searchdoc_kind_year',
        ),
        migrations.RemoveIndex(
            model_name='searchfacetvalue',
            name='searchfacet_value_doc',
        ),
        migrations.RemoveIndex(
            model_name='searchfacetvalue',
            name='searchfacet_doc_facet',
        ),
        migrations.RemoveField(
            model_name='searchfacetvalue',
            name='document',
        ),
        migrations.AddField(
            model_name='searchdocument',
            name='filters',
            field=models.TextField(blank=True, verbose_name='filter tokens'),
        ),
        migrations.AddConstraint(
            model_name='searchfacetvalue',
            constraint=models.UniqueConstraint(fields=('facet', 'value'), name='unique_search_facet_value'),
        ),
        migrations.AddField(
            model_name='searchsuggestion',
            name='document',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='suggestions', to='search.searchdocument'),
        ),
        migrations.AddIndex(
            model_name='searchsuggestion',
            index=models.Index(fields=['is_public', 'key'], name='searchsuggest_public_key'),
        ),
        migrations.RunPython(
            _run({"sqlite": SQLITE_CREATE, "postgresql": POSTGRES_CREATE}),
            _run({"sqlite": SQLITE_DROP, "postgresql": POSTGRES_UNCREATE}),
        ),
    ]
