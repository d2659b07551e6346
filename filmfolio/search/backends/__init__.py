"""Search backends behind one interface, chosen by the database vendor.

``get_backend()`` returns the SQLite FTS5 backend or the PostgreSQL full-text backend for the
default database. Both take the same ``MatchQuery`` (built from ``core.text.query_terms``).
"""

from __future__ import annotations

from django.db import connection

from .base import Alternative, Candidate, Match, MatchQuery, SearchBackend, Token


def get_backend() -> SearchBackend:
    """The backend for the default database's vendor."""
    if connection.vendor == "postgresql":
        from .postgres import PostgresBackend

        return PostgresBackend()
    from .sqlite import SqliteBackend

    return SqliteBackend()


__all__ = [
    "Alternative",
    "Candidate",
    "Match",
    "MatchQuery",
    "SearchBackend",
    "Token",
    "get_backend",
]
