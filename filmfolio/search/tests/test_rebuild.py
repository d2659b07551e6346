"""``filmfolio reindex`` with helper processes builds exactly the index built in one process,
and a rebuild that fails part-way leaves the old index as it was."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection

from filmfolio.media.tests.processes import env_for, manage
from filmfolio.people.models import Person
from filmfolio.search import batches, index, registry
from filmfolio.search.backends import MatchQuery, get_backend
from filmfolio.search.models import SearchDocument, SearchSuggestion, SearchTerm

COLUMNS = ", ".join(column for column in batches.DOCUMENT_COLUMNS if column != "indexed_at")


def _index_dump(execute: Any) -> tuple[list, list, list]:
    """Every document (without its time), suggestion and vocabulary word, in a fixed order."""
    return (
        execute(f"SELECT {COLUMNS} FROM search_searchdocument ORDER BY id"),
        execute(
            "SELECT key, document_id, is_public FROM search_searchsuggestion "
            "ORDER BY key, document_id"
        ),
        execute("SELECT term FROM search_searchterm ORDER BY term"),
    )


def _django_dump() -> tuple[list, list, list]:
    def execute(sql: str) -> list:
        with connection.cursor() as cursor:
            cursor.execute(sql)
            return [tuple(row) for row in cursor.fetchall()]

    return _index_dump(execute)


def _table_pages() -> int:
    """Pages of the documents table (its own storage, without indexes)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_relation_size('search_searchdocument') / 8192")
        else:
            cursor.execute("SELECT count(*) FROM dbstat WHERE name = 'search_searchdocument'")
        return int(cursor.fetchone()[0])


def _end_idle_transactions() -> None:
    """End sessions that earlier tests' threads left idle inside a transaction: their
    snapshot keeps the replaced rows alive, and VACUUM FULL rightly keeps what a snapshot
    may still read."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = "
            "current_database() AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%%'"
        )


def _matching_titles(text: str) -> list[str]:
    ids = get_backend().raw_ids(MatchQuery.from_text(text), 20)
    return list(SearchDocument.objects.filter(id__in=ids).values_list("title", flat=True))


def test_helpers_build_the_same_index_on_a_file_database(tmp_path: Path) -> None:
    env = env_for(tmp_path)
    manage(env, "migrate", "-v0")
    manage(env, "generate-catalogue", "--films", "300", "--seed", "3", "--no-index")
    database = tmp_path / "db.sqlite3"

    def dump() -> tuple[list, list, list]:
        with closing(sqlite3.connect(database)) as conn:
            return _index_dump(lambda sql: conn.execute(sql).fetchall())

    alone = manage(env, "reindex", "--workers", "1", "--batch-size", "25")
    built_alone = dump()
    helped = manage(env, "reindex", "--workers", "2", "--batch-size", "25", "-v2")
    built_with_helpers = dump()

    assert alone.stdout.splitlines()[:4] == helped.stdout.splitlines()[:4]
    assert alone.stdout.splitlines()[2] == "film: 300"
    assert "film: 300 documents" in helped.stderr
    assert len(built_alone[0]) == 300 + 100 + 20  # films, people, festivals
    assert built_with_helpers == built_alone
    with closing(sqlite3.connect(database)) as conn:
        # the full-text index was built over the new rows: every film has the public token
        matches = conn.execute(
            "SELECT count(*) FROM search_fts WHERE search_fts MATCH 'filters: xkxfilm'"
        ).fetchone()[0]
        # and it agrees with the rows, term by term
        conn.execute("INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)")
        # the load's settings are undone: later edits reach the index through the triggers
        triggers = conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
        ).fetchall()
        merge = conn.execute("SELECT v FROM search_fts_config WHERE k = 'automerge'").fetchone()
    assert matches == 300
    assert triggers == [("search_fts_delete",), ("search_fts_insert",), ("search_fts_update",)]
    assert merge == (4,)


@pytest.mark.django_db(transaction=True)
class TestInProcess:
    """On PostgreSQL the helpers run against the test database; an in-memory SQLite database
    cannot be opened by another process, so there the rebuild stays in this process."""

    def test_helpers_are_used_where_the_database_allows(self) -> None:
        expected = 0 if connection.vendor == "sqlite" else 2
        assert batches.helper_count(2, documents=10) == expected
        assert batches.helper_count(1, documents=10) == 0

    def test_helpers_build_the_same_index(self) -> None:
        call_command("generate-catalogue", films=120, seed=5, no_index=True)
        counts = index.rebuild(workers=1, batch_size=10)
        built_alone = _django_dump()
        assert index.rebuild(workers=2, batch_size=10) == counts
        assert counts["film"] == 120
        assert _django_dump() == built_alone

    def test_rebuilding_one_kind_leaves_the_others(self) -> None:
        call_command("generate-catalogue", films=40, seed=9)
        films_before = list(SearchDocument.objects.filter(kind="film").values_list("id", "terms"))
        person = Person.objects.order_by("id")[0]
        # changed without the service, so only a rebuild can bring the index up to date
        Person.objects.filter(pk=person.pk).update(display_name="Quillon Vexmarra")
        assert _matching_titles("vexmarra") == []

        counts = index.rebuild(["person"])

        assert counts == {"person": Person.objects.count()}
        assert _matching_titles("vexmarra") == ["Quillon Vexmarra"]
        assert (
            list(SearchDocument.objects.filter(kind="film").values_list("id", "terms"))
            == films_before
        )
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute(
                    "INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)"
                )

    def test_compact_gives_the_old_rows_space_back(self) -> None:
        call_command("generate-catalogue", films=60, seed=7)
        built = _django_dump()
        fresh = _table_pages()
        index.rebuild()
        grown = _table_pages()
        _end_idle_transactions()
        index.rebuild(compact=True)

        assert _django_dump() == built
        if connection.vendor == "postgresql":
            # the deleted rows' pages stay after a plain rebuild (reusable, not given back)
            assert grown >= 2 * fresh - 1
            # rewritten: about the size of a fresh load (VACUUM FULL packs rows its own way)
            assert fresh - 1 <= _table_pages() <= fresh + 1
        else:
            # SQLite keeps a table in id order and reuses freed pages: nothing to give back
            assert grown == fresh == _table_pages()

    def test_a_failed_rebuild_keeps_the_old_index(self) -> None:
        call_command("generate-catalogue", films=60, seed=7)
        before = _django_dump()

        def broken(ids: list[int]) -> Any:
            raise RuntimeError(f"broken kind cannot build {len(ids)} documents")

        registry.register(
            registry.IndexedKind(
                kind="broken",
                model_label="search.Broken",
                documents=broken,
                all_ids=lambda: list(range(1, 101)),
            )
        )
        try:
            # the helpers do not know the kind (KeyError), this process fails in ``broken``
            with pytest.raises((RuntimeError, KeyError), match="broken"):
                index.rebuild(workers=2, batch_size=20)
        finally:
            registry._KINDS.pop("broken")
        assert _django_dump() == before
        assert SearchDocument.objects.count() == 119  # 60 films, 39 people, 20 festivals
        assert SearchDocument.objects.filter(kind="person").count() == Person.objects.count()
        assert SearchSuggestion.objects.exists()
        assert SearchTerm.objects.exists()
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA cache_size")
                # the rebuild's bigger page cache is the connection's own again (settings)
                assert cursor.fetchone()[0] == -64000
