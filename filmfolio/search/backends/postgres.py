"""PostgreSQL backend: ``tsvector`` (simple configuration) with a GIN index, pg_trgm for typos."""

from __future__ import annotations

from django.db import connection
from django.db.models import QuerySet

from .base import Alternative, MatchQuery, SearchBackend
from .typos import edits1

_TSQUERY = "to_tsquery('simple', %s)"
_RANK = "(0 - ts_rank(search_vector, to_tsquery('simple', %s)))"
_SIMILARITY_THRESHOLD = 0.15


def _quote(token: str) -> str:
    """A token as a tsquery lexeme (tokens are letters and digits; quotes are doubled)."""
    return "'" + token.replace("'", "''") + "'"


def _alternative(alternative: Alternative) -> str:
    """An alternative in tsquery syntax."""
    parts = [_quote(token) for token in alternative.tokens]
    if alternative.is_phrase:
        return "(" + " <-> ".join(parts) + ")"
    if alternative.is_prefix:
        parts[-1] += ":*"
    return parts[0] if len(parts) == 1 else "(" + " & ".join(parts) + ")"


def tsquery_expression(query: MatchQuery) -> str:
    """The whole query in tsquery syntax: tokens joined by &, alternatives by |."""
    return " & ".join(
        "(" + " | ".join(_alternative(alt) for alt in token.alternatives) + ")"
        for token in query.tokens
    )


class PostgresBackend(SearchBackend):
    """Full-text search with PostgreSQL's ``tsvector`` over the same normalised terms."""

    vendor = "postgresql"

    def match(self, queryset: QuerySet, query: MatchQuery) -> QuerySet:
        return queryset.extra(
            where=[f"search_vector @@ {_TSQUERY}"], params=[tsquery_expression(query)]
        )

    def ranked(self, queryset: QuerySet, query: MatchQuery) -> QuerySet:
        expression = tsquery_expression(query)
        # negated so that lower is better, as with SQLite's bm25
        return queryset.extra(select={"rank": _RANK}, select_params=[expression])

    def raw_ids(self, query: MatchQuery, limit: int) -> list[int]:
        expression = tsquery_expression(query)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT id FROM search_searchdocument "
                f"WHERE search_vector @@ {_TSQUERY} "
                "ORDER BY ts_rank(search_vector, to_tsquery('simple', %s)) DESC LIMIT %s",
                [expression, expression, limit],
            )
            return [row[0] for row in cursor.fetchall()]

    def similar_words(self, word: str) -> list[str]:
        # Trigram similarity finds candidates through the GIN index; one-letter typos of short
        # words share few trigrams, hence the low threshold and the exact check after it.
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_limit(%s)", [_SIMILARITY_THRESHOLD])
            cursor.execute(
                "SELECT term FROM search_searchterm WHERE term %% %s "
                "ORDER BY similarity(term, %s) DESC LIMIT 50",
                [word, word],
            )
            candidates = [row[0] for row in cursor.fetchall()]
        neighbours = edits1(word)
        return [term for term in candidates if term in neighbours][:5]
