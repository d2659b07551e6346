"""Cursor pagination over a (sort key, id) order.

A cursor is the signed, URL-safe form of the last row's sort key and id, so clients cannot forge
positions and pages stay stable while rows are added. Bad cursors are a clear 400.
"""

from __future__ import annotations

from typing import Any

from django.core import signing
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from .errors import ApiError

_SALT = "filmfolio.api.cursor"
DEFAULT_LIMIT = 20
MAX_LIMIT = 100


def encode_cursor(key: Any, pk: int) -> str:
    """An opaque cursor for the row with sort value ``key`` and id ``pk``."""
    return signing.dumps([key, pk], salt=_SALT, compress=True)


def decode_cursor(cursor: str) -> tuple[Any, int]:
    """The (sort value, id) inside ``cursor``; a 400 error when it was not made by us."""
    try:
        key, pk = signing.loads(cursor, salt=_SALT)
    except (signing.BadSignature, ValueError, TypeError) as exc:
        raise ApiError(400, "invalid_cursor", _("This cursor is not valid.")) from exc
    if not isinstance(pk, int):
        raise ApiError(400, "invalid_cursor", _("This cursor is not valid."))
    return key, pk


def paginate(
    queryset: QuerySet, *, field: str, cursor: str | None, limit: int
) -> tuple[list[Any], str | None]:
    """One page of ``queryset`` ordered by ``field`` then id, and the next page's cursor."""
    queryset = queryset.order_by(field, "pk")
    if cursor:
        key, pk = decode_cursor(cursor)
        queryset = queryset.filter(Q(**{f"{field}__gt": key}) | Q(**{field: key, "pk__gt": pk}))
    rows = list(queryset[: limit + 1])
    next_cursor = None
    if len(rows) > limit:
        rows = rows[:limit]
        last = rows[-1]
        next_cursor = encode_cursor(getattr(last, field), last.pk)
    return rows, next_cursor
