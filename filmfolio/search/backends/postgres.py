"""PostgreSQL backend: ``tsvector`` (simple configuration) with a GIN index, pg_trgm for typos.

Titles weigh A and other terms B in ``search_vector``; filter tokens have their own
``filter_vector``, so a word typed by a user never matches a filter token and no query needs
weight restrictions (which would make PostgreSQL recheck every match on the heap). A rebuild
loads rows with ``COPY`` and creates the GIN indexes once at the end.

The window (the first matches in index order) is read range by range of document ids, each
range with a GIN index of its own (``_RANGE_SHARES``): a GIN bitmap is built whole before a
row is returned, so two common words ("Wu Fan") made PostgreSQL combine posting lists of
hundreds of thousands of documents to return 300. The first range holds the most prominent
1/64 of the index; a query with many matches fills its window there and the later ranges are
never read (at a million films, 38 ms -> 3 ms); a rare query reads every range, each small.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from typing import Any

from django.db import connection

from ..filters import NOT_PUBLIC, PUBLIC
from .base import (
    CANDIDATE_COLUMNS,
    Alternative,
    Candidate,
    Match,
    MatchQuery,
    SearchBackend,
    SqlPart,
)
from .typos import edits1

_TSQUERY = "to_tsquery('simple', %s)"
_SIMILARITY_THRESHOLD = 0.15
_SEPARATOR = "\n"
# GIN only over public documents: access is the index's own condition
_GIN = {
    "searchdoc_vector_public": (
        "CREATE INDEX searchdoc_vector_public ON search_searchdocument "
        "USING gin (search_vector) WHERE is_public"
    ),
    "searchdoc_filter_public": (
        "CREATE INDEX searchdoc_filter_public ON search_searchdocument "
        "USING gin (filter_vector) WHERE is_public"
    ),
}
# the window's id ranges end at these shares of the index (then one open range)
_RANGE_SHARES = (64, 16, 4)
_RANGE_PREFIX = "searchdoc_vector_ids_"
_RANGES_TTL = 60.0  # seconds a process trusts the ranges it read (a rebuild changes them)
_ACCESS = {PUBLIC: "d.is_public", NOT_PUBLIC: "NOT d.is_public"}
_ACCESS_GROUPS = [[PUBLIC], [NOT_PUBLIC]]
_BULK_TABLES = ("search_searchdocument", "search_searchsuggestion")
# the documents with one folded title, kept apart from the full-text condition (OFFSET 0)
_TITLED = "(SELECT * FROM search_searchdocument WHERE title_folded = %s OFFSET 0)"


def _quote(token: str, suffix: str = "") -> str:
    """A token as a tsquery lexeme (tokens are letters and digits; quotes are doubled)."""
    return "'" + token.replace("'", "''") + "'" + suffix


def _alternative(alternative: Alternative) -> str:
    """An alternative in tsquery syntax."""
    parts = [_quote(token) for token in alternative.tokens]
    if alternative.is_phrase:
        return "(" + " <-> ".join(parts) + ")"
    if alternative.is_prefix:
        parts[-1] = _quote(alternative.tokens[-1], ":*")
    return parts[0] if len(parts) == 1 else "(" + " & ".join(parts) + ")"


def _searched(alternatives: Sequence[Alternative]) -> Sequence[Alternative]:
    """The alternatives worth a GIN lookup: a reading of a word that splits off a one-letter
    syllable ("xiaofan" as xi a o fan, "silva" as si lu a) reads the posting lists of the
    most frequent lexemes and matches nothing a person means, so it is left out when the
    word has another reading (a one-letter word typed alone is kept; Chinese characters are
    one-letter tokens and always kept)."""
    kept = [
        alt
        for alt in alternatives
        if not any(len(token) == 1 and token.isascii() for token in alt.tokens)
    ]
    return kept or alternatives


def tsquery_expression(query: MatchQuery) -> str:
    """The whole query in tsquery syntax: tokens joined by &, alternatives by |."""
    return " & ".join(
        "(" + " | ".join(_alternative(alt) for alt in _searched(token.alternatives)) + ")"
        for token in query.tokens
    )


def _groups(groups: Sequence[Sequence[str]]) -> str:
    return " & ".join(
        "(" + " | ".join(_quote(token) for token in group) + ")" for group in groups if group
    )


class PostgresBackend(SearchBackend):
    """Full-text search with PostgreSQL's ``tsvector`` over the same normalised terms."""

    vendor = "postgresql"

    def compile(
        self,
        query: MatchQuery | None,
        groups: Sequence[Sequence[str]],
        conditions: Sequence[SqlPart] = (),
    ) -> Match:
        # "text\nfilters": two tsqueries, for the two vectors; access is the is_public column
        # (the GIN indexes are partial on it)
        text = tsquery_expression(query) if query is not None and not query.is_empty else ""
        access: list[tuple[str, list[Any]]] = [
            (_ACCESS[group[0]], []) for group in groups if list(group) in _ACCESS_GROUPS
        ]
        others = [group for group in groups if list(group) not in _ACCESS_GROUPS]
        return Match(f"{text}{_SEPARATOR}{_groups(others)}", (*access, *conditions))

    def _match_from(
        self,
        match: Match,
        *,
        document_first: bool = False,
        before: str = "",
        table: SqlPart = ("search_searchdocument", []),
    ) -> SqlPart:
        text, filters = match.expression.split(_SEPARATOR)
        parts, params = [], [*table[1]]
        if text:
            parts.append(f"d.search_vector @@ {_TSQUERY}")
            params.append(text)
        if filters:
            parts.append(f"d.filter_vector @@ {_TSQUERY}")
            params.append(filters)
        where = " AND ".join(parts) or "TRUE"
        return f"FROM {before}{table[0]} d WHERE {where}", params

    def exact_titles(self, match: Match, folded: str, *, limit: int) -> list[Candidate]:
        # The title index finds the few documents with this title and the match is checked
        # on them alone: left to itself, the planner ANDed the title index with a bitmap of
        # every full-text match (at a million films, 21 ms of the 21 for "Yuyu Zhang").
        return self._candidates(match, "LIMIT %s", [limit], table=(_TITLED, [folded]))

    def suggestion_ids(
        self, key: str, *, limit: int, own: Sequence[tuple[str, SqlPart]] = ()
    ) -> list[int]:
        pattern = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        sql = (
            "(SELECT document_id FROM search_searchsuggestion "
            "WHERE is_public AND key LIKE %s LIMIT %s)"
        )
        params: list[Any] = [pattern, limit]
        if own:
            own_sql, own_params = self._own_suggestions(("s.key LIKE %s", [pattern]), own)
            sql += f" UNION ALL {own_sql}"
            params += own_params
        return [row[0] for row in self._fetch(sql, params)]

    def similar_words(self, word: str) -> list[str]:
        # Trigram similarity finds candidates through the GIN index; one-letter typos of short
        # words share few trigrams, hence the low threshold and the exact check after it.
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_limit(%s)", [_SIMILARITY_THRESHOLD])
            cursor.execute(
                "SELECT term FROM search_searchterm WHERE term %% %s AND documents > 0 "
                "ORDER BY similarity(term, %s) DESC LIMIT 50",
                [word, word],
            )
            candidates = [row[0] for row in cursor.fetchall()]
        neighbours = edits1(word)
        return [term for term in candidates if term in neighbours][:5]

    def insert_rows(
        self, connection: Any, table: str, columns: Sequence[str], rows: list[tuple]
    ) -> None:
        if not rows:
            return
        with connection.cursor() as cursor:
            raw = cursor.cursor
            with raw.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)

    def bulk_load_begin(self, cursor: Any, *, everything: bool) -> None:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = ANY(%s) "
            "AND indexname NOT LIKE '%%_pkey'",
            [list(_BULK_TABLES)],
        )
        indexes = [
            (name, sql)
            for name, sql in cursor.fetchall()
            if not name.startswith("unique_") and name not in _GIN
        ]
        for name, _sql in indexes:
            cursor.execute(f'DROP INDEX "{name}"')
        # the window's ranges are made again for the new ids at the end, not as they were
        self._indexes = [(name, sql) for name, sql in indexes if not name.startswith(_RANGE_PREFIX)]
        for name in _GIN:
            cursor.execute(f"DROP INDEX IF EXISTS {name}")

    def bulk_load_end(self, cursor: Any, *, next_id: int) -> None:
        # Django's foreign keys are deferred; their checks must run before CREATE INDEX
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
        for _name, sql in self._indexes:
            cursor.execute(sql)
        for sql in _GIN.values():
            cursor.execute(sql)
        for low, high in _ranges_of(next_id):
            name = f"{_RANGE_PREFIX}{low}_{high or 'end'}"
            cursor.execute(
                f"CREATE INDEX {name} ON search_searchdocument USING gin (search_vector) "
                f"WHERE is_public AND {_range_sql(low, high, column='id')}"
            )
        _RANGES.clear()
        cursor.execute(
            "SELECT setval(pg_get_serial_sequence('search_searchdocument', 'id'), %s, false)",
            [max(next_id, 1)],
        )
        cursor.execute("ANALYZE search_searchdocument")
        cursor.execute("ANALYZE search_searchsuggestion")

    def after_rebuild(self, connection: Any, *, compact: bool = False) -> None:
        # the rebuild deleted every old row in its transaction; make their space reusable now
        # (VACUUM cannot run inside a transaction), or rewrite the tables without it: VACUUM
        # FULL holds a lock that makes searches wait until it is done
        vacuum = "VACUUM (FULL, ANALYZE)" if compact else "VACUUM ANALYZE"
        with connection.cursor() as cursor:
            for table in ("search_searchdocument", "search_searchsuggestion"):
                cursor.execute(f"{vacuum} {table}")

    def window(self, match: Match, *, limit: int) -> list[Candidate]:
        ranges = _id_ranges() if match.expression.split(_SEPARATOR)[0] else []
        if not ranges:
            return super().window(match, limit=limit)
        from_sql, from_params = self._match_from(match)
        where_sql, where_params = match.where()
        parts, params = [], []
        for low, high in ranges:
            # each range's id bounds make its own partial index usable; Append stops
            # reading ranges once the outer LIMIT is reached
            bounds = _range_sql(low, high, column="d.id")
            parts.append(
                f"(SELECT {CANDIDATE_COLUMNS} {from_sql}{where_sql} AND {bounds} LIMIT %s)"
            )
            params += [*from_params, *where_params, limit]
        rows = self._fetch(f"{' UNION ALL '.join(parts)} LIMIT %s", [*params, limit])
        return [Candidate(*row) for row in rows]


def _ranges_of(next_id: int) -> list[tuple[int, int | None]]:
    """The id ranges of an index whose ids end before ``next_id``: up to each share, then
    the rest and every id after it (documents added later)."""
    bounds = sorted({max(1, next_id // share) for share in _RANGE_SHARES})
    lows = [0, *bounds]
    return [(low, high) for low, high in zip(lows, [*bounds, None], strict=True)]


def _range_sql(low: int, high: int | None, *, column: str) -> str:
    """The condition of a range, with literal numbers (a partial index's condition must be
    implied by the query's) on ``column + 0``: on the bare id the planner walked the primary
    key testing every row's vector, 21 ms for a common word where the range's own index
    takes 0.6 ms."""
    condition = f"({column} + 0) >= {int(low)}"
    return condition if high is None else f"{condition} AND ({column} + 0) < {int(high)}"


_RANGES: dict[str, tuple[float, list[tuple[int, int | None]]]] = {}
_RANGE_NAME = re.compile(rf"^{_RANGE_PREFIX}(\d+)_(\d+|end)$")


def _id_ranges() -> list[tuple[int, int | None]]:
    """The window's id ranges, from the names of their indexes (read again after
    ``_RANGES_TTL`` seconds); ``[]`` when they are missing or do not cover every id."""
    cached = _RANGES.get(connection.alias)
    if cached is not None and time.monotonic() - cached[0] < _RANGES_TTL:
        return cached[1]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'search_searchdocument' "
            "AND indexname LIKE %s",
            [_RANGE_PREFIX + "%"],
        )
        found = [m.groups() for (name,) in cursor.fetchall() if (m := _RANGE_NAME.match(name))]
    ranges = sorted((int(low), None if high == "end" else int(high)) for low, high in found)
    _RANGES[connection.alias] = (time.monotonic(), ranges if _covers_all(ranges) else [])
    return _RANGES[connection.alias][1]


def _covers_all(ranges: list[tuple[int, int | None]]) -> bool:
    """Whether sorted ``ranges`` start at 0, follow each other and end open."""
    lows = [low for low, _high in ranges]
    highs = [high for _low, high in ranges]
    return bool(ranges) and lows[0] == 0 and highs[-1] is None and highs[:-1] == lows[1:]
