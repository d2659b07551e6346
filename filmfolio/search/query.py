"""A search request as validated values, read from a query string without ever failing.

Anything that is not a valid value (unknown facet value, non-number year, negative page) is
dropped, so a hand-edited address gives a normal page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.http import QueryDict

from .choices import DocumentKind, Facet, SortOrder
from .filters import RUNTIME_RANGES

MAX_QUERY_LENGTH = 200
MAX_PAGE = 500
PAGE_SIZE = 20
_VALUE_RE = re.compile(r"^[\w.-]{1,80}$")
_FACET_PARAMS = {facet.value: facet for facet in Facet}


@dataclass(frozen=True)
class SearchRequest:
    """What to search for, which filters to apply and how to order the results."""

    text: str = ""
    kinds: tuple[str, ...] = ()
    film_kinds: tuple[str, ...] = ()
    facets: dict[str, tuple[str, ...]] = field(default_factory=dict)
    decades: tuple[int, ...] = ()
    runtimes: tuple[str, ...] = ()
    year_min: int | None = None
    year_max: int | None = None
    runtime_min: int | None = None
    runtime_max: int | None = None
    award_winning: bool = False
    has_trailer: bool = False
    sort: str = SortOrder.RELEVANCE
    page: int = 1


def _int(value: str | None, low: int, high: int) -> int | None:
    """An integer within [low, high] or None."""
    if value is None or not value.strip().isdigit() or len(value.strip()) > 6:
        return None
    number = int(value.strip())
    return number if low <= number <= high else None


def _values(params: QueryDict, name: str, allowed: set[str] | None = None) -> tuple[str, ...]:
    """Distinct well-formed values of a repeated parameter (at most 20)."""
    values = [v for v in params.getlist(name)[:20] if _VALUE_RE.match(v)]
    if allowed is not None:
        values = [v for v in values if v in allowed]
    return tuple(dict.fromkeys(values))


def _flag(params: QueryDict, name: str) -> bool:
    return params.get(name, "") in {"1", "on", "true", "yes"}


def parse_request(params: QueryDict) -> SearchRequest:
    """A ``SearchRequest`` from a query string; invalid parts are ignored."""
    sort = params.get("sort", SortOrder.RELEVANCE)
    return SearchRequest(
        text=params.get("q", "")[:MAX_QUERY_LENGTH].strip(),
        kinds=_values(params, "kind", set(DocumentKind.values)),
        film_kinds=_values(params, "film_kind"),
        facets={name: _values(params, name) for name in _FACET_PARAMS},
        decades=tuple(
            dict.fromkeys(
                decade
                for value in params.getlist("decade")[:20]
                if (decade := _int(value, 1870, 2100)) is not None and decade % 10 == 0
            )
        ),
        runtimes=_values(params, "runtime", {name for name, _low, _high in RUNTIME_RANGES}),
        year_min=_int(params.get("year_min"), 1870, 2100),
        year_max=_int(params.get("year_max"), 1870, 2100),
        runtime_min=_int(params.get("runtime_min"), 0, 10000),
        runtime_max=_int(params.get("runtime_max"), 0, 10000),
        award_winning=_flag(params, "award"),
        has_trailer=_flag(params, "trailer"),
        sort=sort if sort in SortOrder.values else SortOrder.RELEVANCE,
        page=_int(params.get("page"), 1, MAX_PAGE) or 1,
    )
