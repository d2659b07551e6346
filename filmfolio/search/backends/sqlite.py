"""SQLite FTS5 backend: MATCH over the ``search_fts`` table kept in step by triggers."""

from __future__ import annotations

from django.db import connection
from django.db.models import QuerySet

from ..models import SearchTerm
from .base import Alternative, MatchQuery, SearchBackend
from .typos import edits1

# Titles and names weigh ten times the other terms.
_RANK = "bm25(search_fts, 10.0, 1.0)"


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


class SqliteBackend(SearchBackend):
    """Full-text search with SQLite's FTS5 (``unicode61`` tokenizer over normalised terms)."""

    vendor = "sqlite"

    def match(self, queryset: QuerySet, query: MatchQuery) -> QuerySet:
        return queryset.extra(
            tables=["search_fts"],
            where=["search_fts.rowid = search_searchdocument.id", "search_fts MATCH %s"],
            params=[fts_expression(query)],
        )

    def ranked(self, queryset: QuerySet, query: MatchQuery) -> QuerySet:
        return queryset.extra(select={"rank": _RANK})

    def title_prefix(self, queryset: QuerySet, folded: str) -> QuerySet:
        # SQLite's LIKE ignores case and so cannot use the index; a range can.
        return queryset.filter(title_folded__gte=folded, title_folded__lt=folded + "\U0010ffff")

    def raw_ids(self, query: MatchQuery, limit: int) -> list[int]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT rowid FROM search_fts WHERE search_fts MATCH %s "
                "ORDER BY bm25(search_fts, 10.0, 1.0) LIMIT %s",
                [fts_expression(query), limit],
            )
            return [row[0] for row in cursor.fetchall()]

    def similar_words(self, word: str) -> list[str]:
        candidates = sorted(edits1(word))
        return sorted(SearchTerm.objects.filter(term__in=candidates).values_list("term", flat=True))
