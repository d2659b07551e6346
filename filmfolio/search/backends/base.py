"""The backend interface, the engine-neutral query it receives, and the bounded reads.

Every read is bounded: the ranked window looks at the first ``limit`` matches in index order
(most prominent first at the last rebuild), nothing counts every match, the page of a sorted
list sorts at most a capped number of matches. Filters and access are part of the full-text match
(``search.filters``), so bounds never let a document through that fails a filter.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from typing import Any

from filmfolio.core.text import is_phrase, query_terms

SqlPart = tuple[str, list[Any]]
CANDIDATE_COLUMNS = "d.id, d.terms, d.title_folded, d.boost, d.year, d.runtime_minutes, d.filters"


@dataclass(frozen=True)
class Alternative:
    """One way a query token may match: tokens that must all occur (in order if a phrase)."""

    tokens: tuple[str, ...]
    is_phrase: bool = False
    is_prefix: bool = False


@dataclass(frozen=True)
class Token:
    """One query token: any of its alternatives may match."""

    alternatives: tuple[Alternative, ...]


@dataclass(frozen=True)
class MatchQuery:
    """A whole query: every token must match."""

    tokens: tuple[Token, ...]

    @classmethod
    def from_text(
        cls,
        text: str,
        *,
        prefix: bool = False,
        extra: dict[int, list[str]] | None = None,
        edition_context: Callable[[str], bool] | None = None,
    ) -> MatchQuery:
        """Build from user text; ``prefix`` makes the last word match as a prefix;
        ``extra`` adds alternatives (typo corrections) to tokens by position;
        ``edition_context`` says which words name a festival (``core.text.query_terms``)."""
        tokens = []
        terms = query_terms(text, edition_context=edition_context)
        for position, alternatives in enumerate(terms):
            options = [*alternatives, *(extra or {}).get(position, [])]
            last = prefix and position == len(terms) - 1
            tokens.append(Token(tuple(_alternative(text, last) for text in options)))
        return cls(tuple(tokens))

    @property
    def is_empty(self) -> bool:
        return not self.tokens


def _alternative(text: str, last: bool) -> Alternative:
    """An alternative from a ``query_terms`` string; a single Latin last word becomes a prefix."""
    tokens = tuple(text.split())
    single_word = len(tokens) == 1 and tokens[0].isascii() and len(tokens[0]) >= 2
    return Alternative(tokens, is_phrase(text), is_prefix=last and single_word)


@dataclass(frozen=True)
class Candidate:
    """A matching document with what ranking, sorting and facet counts need."""

    id: int
    terms: str
    title_folded: str
    boost: float
    year: int | None
    runtime_minutes: int | None
    filters: str


@dataclass(frozen=True)
class Match:
    """A compiled match: the engine's query string plus SQL conditions on the document row
    ``d`` (ranges that are not filter tokens)."""

    expression: str
    conditions: tuple[SqlPart, ...] = ()

    def where(self) -> SqlPart:
        sql = "".join(f" AND ({part})" for part, _params in self.conditions)
        params = [param for _part, params in self.conditions for param in params]
        return sql, params


class SearchBackend:
    """What every backend provides. Subclasses say how to match (``_match_from``); the
    bounded reads are written once here. Ranking is not the engine's: FTS5's bm25 counts
    every match of every query word (its IDF), which a bounded read must not do, so both
    engines hand the window to ``search.ranking``."""

    vendor = ""

    def compile(
        self,
        query: MatchQuery | None,
        groups: Sequence[Sequence[str]],
        conditions: Sequence[SqlPart] = (),
    ) -> Match:
        """A match for ``query`` (``None``: any document) within filter-token ``groups``
        (OR inside a group, AND across groups) and SQL ``conditions`` on ``d``."""
        raise NotImplementedError

    def _match_from(
        self, match: Match, *, document_first: bool = False, before: str = ""
    ) -> SqlPart:
        """``FROM … WHERE …`` selecting matching documents as ``d``; ``document_first`` when
        other conditions on ``d`` are more selective than the match; ``before`` joins a
        source ahead of the documents (``"(…) w CROSS JOIN "``)."""
        raise NotImplementedError

    def _candidates(self, match: Match, tail: str, params: list[Any], **kwargs: Any) -> list:
        from_sql, from_params = self._match_from(match, **kwargs)
        where_sql, where_params = match.where()
        sql = f"SELECT {CANDIDATE_COLUMNS} {from_sql}{where_sql} {tail}"
        rows = self._fetch(sql, [*from_params, *where_params, *params])
        return [Candidate(*row) for row in rows]

    def _fetch(self, sql: str, params: list[Any]) -> list[tuple]:
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def documents(self, ids: Sequence[int], columns: Sequence[str]) -> list[tuple]:
        """``columns`` of the documents with these ids (a page's rows: plain SQL, no model
        instances)."""
        if not ids:
            return []
        marks = ", ".join(["%s"] * len(ids))
        return self._fetch(
            f"SELECT {', '.join(columns)} FROM search_searchdocument WHERE id IN ({marks})",
            list(ids),
        )

    def known_words(self, words: Sequence[str]) -> set[str]:
        """The ``words`` in the vocabulary of documents listed for everyone."""
        if not words:
            return set()
        marks = ", ".join(["%s"] * len(words))
        sql = f"SELECT term FROM search_searchterm WHERE term IN ({marks}) AND documents > 0"
        return {row[0] for row in self._fetch(sql, list(words))}

    def facet_values(self, facets: Sequence[str]) -> list[tuple[str, str, str]]:
        """(facet, value, label) of every indexed value of ``facets``."""
        marks = ", ".join(["%s"] * len(facets))
        sql = f"SELECT facet, value, label FROM search_searchfacetvalue WHERE facet IN ({marks})"
        return self._fetch(sql, list(facets))

    def window(self, match: Match, *, limit: int) -> list[Candidate]:
        """The first ``limit`` matches in index order."""
        return self._candidates(match, "LIMIT %s", [limit])

    def exact_titles(self, match: Match, folded: str, *, limit: int) -> list[Candidate]:
        """Matches whose folded title is ``folded`` (found through the title index)."""
        return self._candidates(
            match, "AND d.title_folded = %s LIMIT %s", [folded, limit], document_first=True
        )

    def among(
        self, match: Match, own: Sequence[tuple[str, SqlPart]], *, limit: int
    ) -> list[Candidate]:
        """Matches among the documents of each (kind, SQL subquery of object ids) of ``own``
        that are not public, found through the (kind, object id) index, in one query (the
        public ones are in the window already; most of a viewer's people are public)."""
        parts: list[str] = []
        params: list[Any] = []
        for kind, (sql, sql_params) in own:
            parts.append(f"(d.kind = %s AND d.object_id IN ({sql}))")
            params += [kind, *sql_params]
        return self._candidates(
            match,
            f"AND NOT d.is_public AND ({' OR '.join(parts)}) LIMIT %s",
            [*params, limit],
            document_first=True,
        )

    def max_document_id(self) -> int:
        """The highest document id (the end of the index order)."""
        rows = self._fetch("SELECT coalesce(max(id), 0) FROM search_searchdocument", [])
        return int(rows[0][0])

    def sorted_candidates(
        self, match: Match, order_by: str, *, within: int, limit: int
    ) -> list[Candidate]:
        """The first ``limit`` of the first ``within`` matches sorted by ``order_by``."""
        from_sql, from_params = self._match_from(match)
        where_sql, where_params = match.where()
        columns = CANDIDATE_COLUMNS
        sql = (
            f"SELECT {columns} FROM search_searchdocument d WHERE d.id IN "
            f"(SELECT d.id {from_sql}{where_sql} LIMIT %s) ORDER BY {order_by} LIMIT %s"
        )
        rows = self._fetch(sql, [*from_params, *where_params, within, limit])
        return [Candidate(*row) for row in rows]

    def ids_after(self, match: Match, *, offset: int, limit: int) -> list[int]:
        """Matches in index order from ``offset`` (pages beyond the ranked window)."""
        from_sql, from_params = self._match_from(match)
        where_sql, where_params = match.where()
        sql = f"SELECT d.id {from_sql}{where_sql} LIMIT %s OFFSET %s"
        return [row[0] for row in self._fetch(sql, [*from_params, *where_params, limit, offset])]

    def raw_ids(self, query: MatchQuery, limit: int, *, window: int = 300) -> list[int]:
        """The engine alone: the window of public matches, ranked, best ``limit`` ids."""
        from ..filters import PUBLIC
        from ..ranking import relevance_key

        candidates = self.window(self.compile(query, [[PUBLIC]]), limit=window)
        key = relevance_key(query, "")
        return [c.id for c in sorted(candidates, key=key)[:limit]]

    def suggestion_ids(
        self, key: str, *, limit: int, own: Sequence[tuple[str, SqlPart]] = ()
    ) -> list[int]:
        """Documents with an autocomplete key starting with ``key``: public ones and, for each
        (kind, SQL subquery of object ids) of ``own``, the non-public documents of that kind
        among those objects."""
        raise NotImplementedError

    def _own_suggestions(self, condition: SqlPart, own: Sequence[tuple[str, SqlPart]]) -> SqlPart:
        """``SELECT document_id`` of the non-public suggestions whose key meets ``condition``
        (SQL on ``s.key``) among ``own``'s objects (one scan of the key range)."""
        condition_sql, condition_params = condition
        parts: list[str] = []
        params: list[Any] = [*condition_params]
        for kind, (sql, sql_params) in own:
            parts.append(f"(d.kind = %s AND d.object_id IN ({sql}))")
            params += [kind, *sql_params]
        sql = (
            "SELECT s.document_id FROM search_searchsuggestion s "
            "JOIN search_searchdocument d ON d.id = s.document_id "
            f"WHERE NOT s.is_public AND {condition_sql} AND ({' OR '.join(parts)})"
        )
        return sql, params

    def similar_words(self, word: str) -> list[str]:
        """Vocabulary words one typo away from ``word``, best first."""
        raise NotImplementedError

    def insert_rows(
        self, connection: Any, table: str, columns: Sequence[str], rows: list[tuple]
    ) -> None:
        """Insert many rows at once."""
        if not rows:
            return
        placeholders = ", ".join(["%s"] * len(columns))
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders})", rows
            )

    def bulk_session(self, connection: Any) -> AbstractContextManager[None]:
        """Connection settings for the whole of a rebuild, undone after it, failed or not."""
        return nullcontext()

    def bulk_load_begin(self, cursor: Any, *, everything: bool) -> None:
        """Switch incremental index maintenance off before a rebuild (``everything``: of
        every kind, so the whole index is about to be emptied)."""

    def bulk_rows_written(self, cursor: Any, *, first_id: int, last_id: int) -> None:
        """A rebuild wrote the documents ``first_id``..``last_id`` (one batch)."""

    def bulk_load_end(self, cursor: Any, *, next_id: int) -> None:
        """Build the full-text index once and switch incremental maintenance back on."""

    def after_rebuild(self, connection: Any, *, compact: bool = False) -> None:
        """Maintenance after the rebuild has committed; ``compact`` also gives back the space
        of the replaced rows where the engine keeps it (readers may wait meanwhile)."""

    def object_ids_sql(self, kind: str, document_ids: Sequence[int]) -> SqlPart:
        """SQL selecting the object ids of these documents of ``kind``."""
        marks = ", ".join(["%s"] * len(document_ids))
        return (
            f"SELECT n.object_id FROM search_searchdocument n WHERE n.kind = %s "
            f"AND n.id IN ({marks})",
            [kind, *document_ids],
        )

    def related(
        self, match: Match | None, kind: str, source: SqlPart, *, limit: int
    ) -> list[tuple[Candidate, float]]:
        """The ``limit`` heaviest documents of ``kind`` whose objects ``source`` gives as
        ``(object_id, weight)`` rows, that match ``match`` (``None``: that are public), with
        their weights: one query, found through the (kind, object id) index."""
        source_sql, source_params = source
        weighed = (
            f"(SELECT object_id, weight FROM ({source_sql}) s ORDER BY weight DESC, "
            f"object_id LIMIT %s) w CROSS JOIN "
        )
        params: list[Any] = [*source_params, limit]
        if match is None:
            from_sql, where_sql = f"FROM {weighed}search_searchdocument d WHERE d.is_public", ""
        else:
            from_sql, from_params = self._match_from(match, document_first=True, before=weighed)
            where_sql, where_params = match.where()
            params += [*from_params, *where_params]
        sql = (
            f"SELECT {CANDIDATE_COLUMNS}, w.weight {from_sql}{where_sql} "
            "AND d.kind = %s AND d.object_id = w.object_id"
        )
        rows = self._fetch(sql, [*params, kind])
        return [(Candidate(*row[:-1]), float(row[-1])) for row in rows]
