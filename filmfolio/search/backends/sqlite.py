"""SQLite FTS5 backend: MATCH over ``search_fts(terms, extra_terms, filters)``.

The FTS5 table is external-content over ``search_searchdocument`` and kept in step by
triggers. A full rebuild empties it and drops the triggers while it loads rows, adding each
batch to the full-text index with one statement as it is written; rebuilding some kinds drops
the triggers, loads the rows and runs FTS5 ``'rebuild'`` once.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from ..models import SearchTerm
from .base import Alternative, Match, MatchQuery, SearchBackend, SqlPart
from .typos import edits1

_TEXT_COLUMNS = "{terms extra_terms}"
TRIGGERS = {
    "search_fts_insert": """CREATE TRIGGER search_fts_insert AFTER INSERT ON search_searchdocument
    BEGIN
        INSERT INTO search_fts(rowid, terms, extra_terms, filters)
        VALUES (new.id, new.terms, new.extra_terms, new.filters);
    END""",
    "search_fts_delete": """CREATE TRIGGER search_fts_delete AFTER DELETE ON search_searchdocument
    BEGIN
        INSERT INTO search_fts(search_fts, rowid, terms, extra_terms, filters)
        VALUES ('delete', old.id, old.terms, old.extra_terms, old.filters);
    END""",
    "search_fts_update": """CREATE TRIGGER search_fts_update
    AFTER UPDATE OF terms, extra_terms, filters ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, terms, extra_terms, filters)
        VALUES ('delete', old.id, old.terms, old.extra_terms, old.filters);
        INSERT INTO search_fts(rowid, terms, extra_terms, filters)
        VALUES (new.id, new.terms, new.extra_terms, new.filters);
    END""",
}
_MERGE, _BULK_MERGE = 4, 16  # FTS5 'automerge': segments merged at once, normally and in a load
_BULK_CACHE = -512 * 1024  # pages kept in memory during a rebuild: 512 MiB (negative: KiB)
# secondary indexes dropped during a rebuild and created again after it
_BULK_TABLES = ("search_searchdocument", "search_searchsuggestion")


def _quote(token: str) -> str:
    """A token as an FTS5 string (tokens are letters and digits only; quotes are doubled)."""
    return '"' + token.replace('"', '""') + '"'


def _alternative(alternative: Alternative) -> str:
    """An alternative in FTS5 query syntax."""
    if alternative.is_phrase:
        return _quote(" ".join(alternative.tokens))
    parts = [_quote(token) for token in alternative.tokens]
    if alternative.is_prefix:
        parts[-1] += "*"
    return parts[0] if len(parts) == 1 else "(" + " AND ".join(parts) + ")"


def fts_expression(query: MatchQuery) -> str:
    """The whole query in FTS5 syntax: tokens joined by AND, alternatives by OR."""
    return " AND ".join(
        "(" + " OR ".join(_alternative(alt) for alt in token.alternatives) + ")"
        for token in query.tokens
    )


def _groups(groups: Sequence[Sequence[str]]) -> str:
    return " AND ".join(
        "{filters}: (" + " OR ".join(_quote(token) for token in group) + ")"
        for group in groups
        if group
    )


class SqliteBackend(SearchBackend):
    """Full-text search with SQLite's FTS5 (``unicode61`` tokenizer over normalised terms)."""

    vendor = "sqlite"

    def compile(
        self,
        query: MatchQuery | None,
        groups: Sequence[Sequence[str]],
        conditions: Sequence[SqlPart] = (),
    ) -> Match:
        parts = []
        if query is not None and not query.is_empty:
            parts.append(f"{_TEXT_COLUMNS}: ({fts_expression(query)})")
        if filters := _groups(groups):
            parts.append(filters)
        return Match(" AND ".join(parts), tuple(conditions))

    def _match_from(
        self, match: Match, *, document_first: bool = False, before: str = ""
    ) -> SqlPart:
        # CROSS JOIN fixes the join order in SQLite: FTS first for a broad match, the
        # document (by title or film id) first when that is narrower.
        join = (
            f"FROM {before}search_searchdocument d CROSS JOIN search_fts"
            if document_first
            else "FROM search_fts CROSS JOIN search_searchdocument d"
        )
        return f"{join} WHERE d.id = search_fts.rowid AND search_fts MATCH %s", [match.expression]

    def suggestion_ids(
        self, key: str, *, limit: int, own: Sequence[tuple[str, SqlPart]] = ()
    ) -> list[int]:
        # SQLite's LIKE ignores case and so cannot use the index; a range can.
        bounds = [key, key + "\U0010ffff"]
        sql = (
            "SELECT document_id FROM search_searchsuggestion "
            "WHERE is_public AND key >= %s AND key < %s LIMIT %s"
        )
        params: list[Any] = [*bounds, limit]
        if own:
            own_sql, own_params = self._own_suggestions(("s.key >= %s AND s.key < %s", bounds), own)
            sql = f"SELECT document_id FROM ({sql}) UNION ALL {own_sql}"
            params += own_params
        return [row[0] for row in self._fetch(sql, params)]

    def similar_words(self, word: str) -> list[str]:
        candidates = sorted(edits1(word))
        found = SearchTerm.objects.filter(term__in=candidates, documents__gt=0)
        return sorted(found.values_list("term", flat=True))

    @contextmanager
    def bulk_session(self, connection: Any) -> Iterator[None]:
        # a bigger page cache while the rebuild writes, the connection's own again after it
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size")
            before = int(cursor.fetchone()[0])
            cursor.execute(f"PRAGMA cache_size = {_BULK_CACHE}")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute(f"PRAGMA cache_size = {before}")

    def bulk_load_begin(self, cursor: Any, *, everything: bool) -> None:
        for name in TRIGGERS:
            cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
        placeholders = ", ".join(["%s"] * len(_BULK_TABLES))
        cursor.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            f"AND tbl_name IN ({placeholders})",
            list(_BULK_TABLES),
        )
        self._indexes = cursor.fetchall()
        for name, _sql in self._indexes:
            cursor.execute(f'DROP INDEX "{name}"')
        self._incremental = everything
        # merge segments sixteen at a time while loading (FTS5's default, four, rewrites
        # the postings about twice as often); the load ends with one merge of them all
        cursor.execute(
            f"INSERT INTO search_fts(search_fts, rank) VALUES ('automerge', {_BULK_MERGE})"
        )
        if everything:
            # the whole index goes: empty the full-text index; each batch of rows is added
            # to it as it is written (``bulk_rows_written``), while helpers build the next
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('delete-all')")

    def bulk_rows_written(self, cursor: Any, *, first_id: int, last_id: int) -> None:
        # One statement per batch, not the insert trigger: FTS5 writes out what it holds in
        # memory at the end of every statement that fires a trigger, so rows added one by one
        # made a segment each and merged them again and again (2-3 times the work).
        if self._incremental:
            cursor.execute(
                "INSERT INTO search_fts(rowid, terms, extra_terms, filters) "
                "SELECT id, terms, extra_terms, filters FROM search_searchdocument "
                "WHERE id BETWEEN %s AND %s",
                [first_id, last_id],
            )

    def bulk_load_end(self, cursor: Any, *, next_id: int) -> None:
        for _name, sql in self._indexes:
            cursor.execute(sql)
        if not self._incremental:
            # some kinds were replaced: their old entries are still in the full-text index
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")
        cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")  # one segment
        cursor.execute(f"INSERT INTO search_fts(search_fts, rank) VALUES ('automerge', {_MERGE})")
        for sql in TRIGGERS.values():
            cursor.execute(sql)
        cursor.execute("ANALYZE search_searchdocument")
        cursor.execute("ANALYZE search_searchsuggestion")
