"""The catalogue page's reads: listed films as cards, sorted, filtered by the search facets and
paginated with page numbers.

The filters are the search app's (``search.query.parse_request`` reads them from the query
string, ``search.facet_links`` makes the links, ``search.selectors`` counts them): without a
filter the films come straight from ``Film.objects.listed_for`` (exact count, 24 a page); with
one, the search index chooses the page's films (20 a page, its totals estimated past its
window, as on the search page) and they are read back through ``listed_for`` again, so the
access policy decides in both cases. ``catalogue_for`` builds the whole context in one call.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from django.core.paginator import Page, Paginator
from django.http import QueryDict
from django.utils.translation import gettext as _

from filmfolio.search.choices import Facet
from filmfolio.search.facet_links import FacetSection, facet_sections
from filmfolio.search.query import MAX_PAGE, PAGE_SIZE, SearchRequest, parse_request
from filmfolio.search.selectors import Hit, SearchPage, catalogue_facets_for
from filmfolio.search.selectors import catalogue_page_for as search_catalogue_page

from . import access, selectors
from .choices import FilmKind
from .models import Film

# The facets the catalogue filters on, in the order shown.
FILTERS = ("film_kind", Facet.COUNTRY.value, Facet.LANGUAGE.value, Facet.FESTIVAL.value, "decade")
FLAGS = ("award",)


@dataclass
class Catalogue:
    """Everything the catalogue page shows."""

    page: Page
    sort: str
    filters: list[FacetSection]
    is_filtered: bool
    total: int
    total_is_estimate: bool
    year_min: int | None
    year_max: int | None
    year_error: str
    # The query string's other parameters, kept by the year form.
    kept_params: list[tuple[str, str]]

    @property
    def without_years(self) -> str:
        """The query string without the years (the other filters and the sort kept)."""
        query = QueryDict(mutable=True)
        for name, value in self.kept_params:
            query.appendlist(name, value)
        return query.urlencode()


YEAR_PARAMS = ("year_min", "year_max")


def catalogue_for(viewer: access.Viewer, params: QueryDict) -> Catalogue:
    """The catalogue for ``viewer`` and the page's query string ``params`` (``sort``, ``page``
    and the filters); invalid values are ignored, never an error page."""
    sort = selectors.catalogue_sort(params.get("sort"))
    request = replace(parse_request(params), text="", kinds=(), sort=sort)
    if not is_filtered(request):
        page = selectors.catalogue_page_for(viewer, sort=sort, page=params.get("page"))
        facets = catalogue_facets_for(viewer, request)
        total, estimate = page.paginator.count, False
    else:
        facets = search_catalogue_page(viewer, request)
        if facets.num_pages and request.page > facets.num_pages:
            facets = search_catalogue_page(viewer, replace(request, page=facets.num_pages))
        page = _search_page(viewer, facets.hits, facets.total, facets.request.page)
        total, estimate = facets.total, facets.total_is_estimate
    return Catalogue(
        page=page,
        sort=sort,
        filters=_sections(facets, params),
        is_filtered=is_filtered(request),
        total=total,
        total_is_estimate=estimate,
        year_min=request.year_min,
        year_max=request.year_max,
        year_error=_year_error(params, request),
        kept_params=[
            (name, value)
            for name, values in params.lists()
            if name not in (*YEAR_PARAMS, "page")
            for value in values
        ],
    )


def _year_error(params: QueryDict, request: SearchRequest) -> str:
    """What is wrong with the years asked for (they are then not applied), or ''."""
    given = [params.get(name, "").strip() for name in YEAR_PARAMS]
    parsed = [request.year_min, request.year_max]
    if any(text and value is None for text, value in zip(given, parsed, strict=True)):
        return _("A year is a number from 1870 to 2100; that filter was not applied.")
    if None not in parsed and parsed[0] > parsed[1]:  # type: ignore[operator]
        return _("The first year is after the last one: no film can match.")
    return ""


def _sections(found: SearchPage, params: QueryDict) -> list[FacetSection]:
    """The filter links of the catalogue, in ``FILTERS`` order, the kinds of film named in
    the active language (the index, below films, knows only their codes)."""
    names: dict[str, Any] = dict(FilmKind.choices)
    kinds = [
        replace(item, label=str(names.get(item.value, item.label)))
        for item in found.facets.get("film_kind", [])
    ]
    labelled = replace(found, facets={**found.facets, "film_kind": kinds})
    order = FILTERS + FLAGS
    shown = [s for s in facet_sections(labelled, params) if s.name in order]
    return sorted(shown, key=lambda s: order.index(s.name))


def is_filtered(request: SearchRequest) -> bool:
    """Does ``request`` filter the films on anything?"""
    return any(
        (
            request.film_kinds,
            any(request.facets.values()),
            request.decades,
            request.runtimes,
            request.year_min is not None,
            request.year_max is not None,
            request.award_winning,
            request.has_trailer,
        )
    )


def _search_page(viewer: access.Viewer, hits: list[Hit], total: int, number: int) -> Page:
    """A page of the films the search index chose (``hits``, in their order), read again
    through the access policy, with their directors and card images."""
    ids = [hit.object_id for hit in hits]
    found = {
        film.pk: film
        for film in Film.objects.listed_for(viewer).filter(pk__in=ids).only(*selectors.CARD_FIELDS)
    }
    films = [found[pk] for pk in ids if pk in found]
    selectors.prefetch_card_parts(films)
    paginator = Paginator(range(min(total, MAX_PAGE * PAGE_SIZE)), PAGE_SIZE)
    page = paginator.get_page(number)
    page.object_list = films
    return page
