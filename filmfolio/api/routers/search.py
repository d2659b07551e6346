"""Search and autocomplete, served by the search app's selectors (the same results as
``/search/``): films, people, festivals and organisations the caller may see listed."""

from __future__ import annotations

from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from pydantic import Field

from filmfolio.films.access import ViewerRequest
from filmfolio.films.choices import FilmKind
from filmfolio.search.choices import DocumentKind, SortOrder
from filmfolio.search.query import MAX_PAGE, MAX_QUERY_LENGTH, SearchRequest
from filmfolio.search.selectors import autocomplete_for, search_page_for

from ..auth import api_viewer
from ..errors import READ_ERRORS, ApiError
from ..pagination import decode_cursor, encode_cursor

router = Router(tags=["search"])
Code = Field(None, pattern=r"^[\w.-]{1,80}$")


class SearchQuery(Schema):
    q: str = Field(..., min_length=1, max_length=MAX_QUERY_LENGTH)
    kind: DocumentKind | None = None
    film_kind: FilmKind | None = None
    genre: str | None = Code
    country: str | None = Code
    language: str | None = Code
    subtitle: str | None = Code
    festival: str | None = Code
    year_min: int | None = Field(None, ge=1870, le=2100)
    year_max: int | None = Field(None, ge=1870, le=2100)
    runtime_min: int | None = Field(None, ge=0, le=10000)
    runtime_max: int | None = Field(None, ge=0, le=10000)
    awarded: bool = False
    sort: SortOrder = SortOrder.RELEVANCE
    cursor: str | None = Field(None, max_length=500)


class HitOut(Schema):
    kind: str
    title: str
    subtitle: str
    url: str
    year: int | None = None


class SearchOut(Schema):
    items: list[HitOut]
    total: int
    next_cursor: str | None
    corrections: dict[str, list[str]]


class AutocompleteOut(Schema):
    items: list[HitOut]


def _page(cursor: str | None) -> int:
    if not cursor:
        return 1
    page, _zero = decode_cursor(cursor)
    if not isinstance(page, int) or not 1 <= page <= MAX_PAGE:
        raise ApiError(400, "invalid_cursor", _("This cursor is not valid."))
    return page


def _request(query: SearchQuery) -> SearchRequest:
    facets: dict[str, tuple[str, ...]] = {
        name: (str(value),)
        for name in ("genre", "country", "language", "subtitle", "festival")
        if (value := getattr(query, name))
    }
    return SearchRequest(
        text=query.q.strip(),
        kinds=(query.kind,) if query.kind else (),
        film_kinds=(query.film_kind,) if query.film_kind else (),
        facets=facets,
        year_min=query.year_min,
        year_max=query.year_max,
        runtime_min=query.runtime_min,
        runtime_max=query.runtime_max,
        award_winning=query.awarded,
        sort=query.sort,
        page=_page(query.cursor),
    )


@router.get("/search", response={200: SearchOut, **READ_ERRORS}, operation_id="search")
def search(request: ViewerRequest, query: Query[SearchQuery]) -> dict:
    """Ranked results across films, people, festivals and organisations, in any language."""
    search_request = _request(query)
    page = search_page_for(api_viewer(request), search_request, with_facets=False)
    has_next = search_request.page < min(page.num_pages, MAX_PAGE)
    return {
        "items": page.hits,
        "total": page.total,
        "next_cursor": encode_cursor(search_request.page + 1, 0) if has_next else None,
        "corrections": page.corrections,
    }


class AutocompleteQuery(Schema):
    q: str = Field(..., min_length=1, max_length=100)


@router.get(
    "/autocomplete", response={200: AutocompleteOut, **READ_ERRORS}, operation_id="autocomplete"
)
def autocomplete(request: ViewerRequest, query: Query[AutocompleteQuery]) -> dict:
    """Up to eight titles and names completing ``q``, title prefixes first."""
    return {"items": autocomplete_for(api_viewer(request), query.q)}
