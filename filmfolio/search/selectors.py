"""Search reads: the results page, the catalogue with facets, and autocomplete.

Which documents a viewer may see comes from ``films.access``: ``is_public`` (the ``pub``
filter token) is computed by it at index time, and a signed-in viewer's other films come
from ``IndexedKind.extra_listed_ids``. Nothing here decides visibility itself.

Every read is bounded whatever the catalogue size (see docs/search.md): the ranked page is
chosen among the first ``RANK_WINDOW`` matches in index order plus exact titles and the
viewer's own films; a total beyond the window is estimated from how far into the index the
window reached; facets come from the same window.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from filmfolio.core.text import fold, prefix_query
from filmfolio.core.viewers import Viewer

from . import registry
from .backends import Candidate, Match, MatchQuery, get_backend
from .backends.base import SqlPart
from .choices import DocumentKind, SortOrder
from .corrections import corrected
from .editions import FestivalWords, edition_numbers
from .facets import FacetCount, facet_counts
from .filters import AWARD, NOT_PUBLIC, PUBLIC, TRAILER, token
from .highlight import highlight
from .query import MAX_PAGE, PAGE_SIZE, SearchRequest
from .ranking import names_whole_query, relevance_key
from .related import related_weights

RANK_WINDOW = 300
SORT_WINDOW = 10_000
SUGGESTION_SCAN = 200
_SORT_SQL: dict[str, str] = {
    SortOrder.YEAR_DESC: "d.year IS NULL, d.year DESC, d.title_folded, d.id",
    SortOrder.YEAR: "d.year IS NULL, d.year, d.title_folded, d.id",
    SortOrder.TITLE: "d.title_folded, d.id",
    SortOrder.RUNTIME: "d.runtime_minutes IS NULL, d.runtime_minutes, d.title_folded, d.id",
    SortOrder.RUNTIME_DESC: (
        "d.runtime_minutes IS NULL, d.runtime_minutes DESC, d.title_folded, d.id"
    ),
}
KIND_LABELS: dict[str, Any] = {
    DocumentKind.FILM: _("Film"),
    DocumentKind.PERSON: _("Person"),
    DocumentKind.FESTIVAL: _("Festival"),
    DocumentKind.ORGANISATION: _("Organisation"),
}


def _sort_key(sort: str) -> Any:
    """The Python twin of ``_SORT_SQL`` for sorting candidates."""

    def year(c: Candidate) -> int:
        return c.year if c.year is not None else 0

    def runtime(c: Candidate) -> int:
        return c.runtime_minutes if c.runtime_minutes is not None else 0

    keys = {
        SortOrder.YEAR_DESC: lambda c: (c.year is None, -year(c), c.title_folded, c.id),
        SortOrder.YEAR: lambda c: (c.year is None, year(c), c.title_folded, c.id),
        SortOrder.TITLE: lambda c: (c.title_folded, c.id),
        SortOrder.RUNTIME: lambda c: (c.runtime_minutes is None, runtime(c), c.title_folded, c.id),
        SortOrder.RUNTIME_DESC: lambda c: (
            c.runtime_minutes is None,
            -runtime(c),
            c.title_folded,
            c.id,
        ),
    }
    return keys[SortOrder(sort)]


@dataclass(frozen=True)
class Hit:
    """One result as the page shows it."""

    kind: str
    kind_label: str
    title: str
    title_html: SafeString
    subtitle: str
    url: str
    year: int | None
    object_id: int = 0


@dataclass
class SearchPage:
    """A page of results with totals, facets and the typo corrections that were applied.

    ``total_is_estimate``: more than ``RANK_WINDOW`` matches, ``total`` is extrapolated from
    the window. ``facets_are_estimates``: facet counts were scaled from the window.
    """

    request: SearchRequest
    hits: list[Hit]
    total: int
    num_pages: int
    facets: dict[str, list[FacetCount]] = field(default_factory=dict)
    corrections: dict[str, list[str]] = field(default_factory=dict)
    total_is_estimate: bool = False
    facets_are_estimates: bool = False


def own_documents_for(viewer: Viewer) -> list[tuple[str, SqlPart]]:
    """(kind, SQL subquery of object ids) the viewer sees listed beyond the public ones."""
    found = []
    for indexed in registry.kinds():
        if indexed.extra_listed_ids is not None:
            extra = indexed.extra_listed_ids(viewer)
            if extra is not None:
                sql, params = extra.query.sql_with_params()
                found.append((indexed.kind, (sql, list(params))))
    return found


def _year_tokens(low: int | None, high: int | None) -> list[str]:
    """Tokens for a year range: whole decades as decade tokens, the ends as years."""
    low, high = low or 1870, high or 2100
    tokens: list[str] = []
    year = low
    while year <= high:
        if year % 10 == 0 and year + 9 <= high:
            tokens.append(token("decade", year))
            year += 10
        else:
            tokens.append(token("year", year))
            year += 1
    return tokens or ["xnone"]


def filter_groups(request: SearchRequest) -> tuple[list[list[str]], list[SqlPart]]:
    """Filter-token groups (OR inside, AND across) and SQL conditions for ``request``."""
    groups = _token_groups(request)
    if request.year_min is not None or request.year_max is not None:
        groups.append(_year_tokens(request.year_min, request.year_max))
    return [group for group in groups if group], _runtime_conditions(request)


def _token_groups(request: SearchRequest) -> list[list[str]]:
    """One group of tokens per facet the request filters on (empty when it does not)."""
    return [
        [token("kind", value) for value in request.kinds],
        [token("film_kind", value) for value in request.film_kinds],
        *([token(facet, value) for value in values] for facet, values in request.facets.items()),
        [token("decade", value) for value in request.decades],
        [token("runtime", value) for value in request.runtimes],
        [AWARD] if request.award_winning else [],
        [TRAILER] if request.has_trailer else [],
    ]


def _runtime_conditions(request: SearchRequest) -> list[SqlPart]:
    """The running-time bounds as SQL conditions on the document."""
    conditions: list[SqlPart] = []
    if request.runtime_min is not None:
        conditions.append(("d.runtime_minutes >= %s", [request.runtime_min]))
    if request.runtime_max is not None:
        conditions.append(("d.runtime_minutes <= %s", [request.runtime_max]))
    return conditions


@dataclass
class _Found:
    """What the bounded reads found: public window, extras, and the total."""

    public: Match
    candidates: list[Candidate]
    total: int
    window_is_complete: bool
    related: dict[int, float] = field(default_factory=dict)


def _find(
    viewer: Viewer,
    query: MatchQuery | None,
    request: SearchRequest,
    festivals: FestivalWords | None = None,
) -> _Found:
    """Candidates for ``request``: the public window, exact titles, the viewer's own films;
    ``festivals``: the search's reader of festival names, if it has one already."""
    backend = get_backend()
    groups, conditions = filter_groups(request)
    public = backend.compile(query, [*groups, [PUBLIC]], conditions)
    window = backend.window(public, limit=RANK_WINDOW)
    complete = len(window) < RANK_WINDOW
    total = len(window) if complete else _estimate(window, backend.max_document_id())
    found = {c.id: c for c in window}
    if query is not None and not complete:
        for candidate in backend.exact_titles(public, fold(request.text), limit=PAGE_SIZE):
            found.setdefault(candidate.id, candidate)
    own = backend.compile(query, [*groups, [NOT_PUBLIC]], conditions)
    if own_documents := own_documents_for(viewer):
        for candidate in backend.among(own, own_documents, limit=SORT_WINDOW):
            found.setdefault(candidate.id, candidate)
            total += 1
    related = _add_related(
        found, query, request, public if groups or conditions else None, festivals
    )
    return _Found(public, list(found.values()), total, complete, related)


def _add_related(
    found: dict[int, Candidate],
    query: MatchQuery | None,
    request: SearchRequest,
    match: Any,
    festivals: FestivalWords | None,
) -> dict[int, float]:
    """Add the documents that follow a document the query names (a person's films) to
    ``found``; their weights by document id (``search.related``)."""
    if query is None:
        return {}
    named = names_whole_query(query, fold(request.text))
    numbers = edition_numbers(query)
    editions = (festivals or FestivalWords()).named(query, numbers) if numbers else []
    also_named: dict[str, list[int]] = {DocumentKind.FESTIVAL: editions}
    extra, related = related_weights(
        list(found.values()), named, match, numbers=numbers, also_named=also_named
    )
    for candidate in extra:
        found.setdefault(candidate.id, candidate)
    return related


def _estimate(window: list[Candidate], top_id: int) -> int:
    """How many documents match, from a full window: matches are spread over the index in id
    order, so the window's share of the id range it covers is its share of all matches."""
    first = min(c.id for c in window)
    last = max(c.id for c in window)
    return max(len(window), round(len(window) * (top_id - first + 1) / (last - first + 1)))


def _ranked(found: _Found, request: SearchRequest, query: MatchQuery | None) -> list[Candidate]:
    """Candidates in page order for the relevance sort."""
    if query is None:
        return sorted(found.candidates, key=lambda c: (-c.boost, c.title_folded, c.id))
    key = relevance_key(query, fold(request.text), found.related)
    return sorted(found.candidates, key=key)


def _page_ids(found: _Found, request: SearchRequest, query: MatchQuery | None) -> list[int]:
    """Document ids of the requested page, in order."""
    start = (request.page - 1) * PAGE_SIZE
    if request.sort in _SORT_SQL:
        return _sorted_page(found, request.sort, start)
    return _ranked_page(found, _ranked(found, request, query), start)


def _sorted_page(found: _Found, sort: str, start: int) -> list[int]:
    """A page in the order of a sort column, reading sorted candidates past the window."""
    candidates = found.candidates
    if not found.window_is_complete:
        extra = get_backend().sorted_candidates(
            found.public, _SORT_SQL[sort], within=SORT_WINDOW, limit=start + PAGE_SIZE
        )
        candidates = list({c.id: c for c in [*candidates, *extra]}.values())
    ordered = sorted(candidates, key=_sort_key(sort))
    return [c.id for c in ordered[start : start + PAGE_SIZE]]


def _ranked_page(found: _Found, ranked: list[Candidate], start: int) -> list[int]:
    """A page in rank order; past the ranked window, the remaining matches in index order
    (only exact-title extras can repeat there, at most a page of them)."""
    page = [c.id for c in ranked[start : start + PAGE_SIZE]]
    if len(page) == PAGE_SIZE or found.window_is_complete:
        return page
    offset = RANK_WINDOW + max(0, start - len(ranked))
    seen = {c.id for c in ranked}
    more = get_backend().ids_after(found.public, offset=offset, limit=2 * PAGE_SIZE)
    return [*page, *(pk for pk in more if pk not in seen)][:PAGE_SIZE]


def _hits(ids: list[int], query: MatchQuery | None) -> list[Hit]:
    """The page's documents as hits, in the order of ``ids``."""
    fields = ("id", "kind", "object_id", "title", "subtitle", "url", "year")
    rows = {row[0]: row for row in get_backend().documents(ids, fields)}
    empty = MatchQuery(())
    return [
        Hit(
            kind=kind,
            kind_label=str(KIND_LABELS.get(kind, kind)),
            title=title,
            title_html=highlight(title, query or empty),
            subtitle=subtitle,
            url=url,
            year=year,
            object_id=object_id,
        )
        for _pk, kind, object_id, title, subtitle, url, year in (
            rows[pk] for pk in ids if pk in rows
        )
    ]


def search_page_for(
    viewer: Viewer, request: SearchRequest, *, browse: bool = False, with_facets: bool = True
) -> SearchPage:
    """A page of results for ``viewer``; ``browse`` lists everything when the text is empty
    (the catalogue); otherwise empty text gives an empty page."""
    festivals = FestivalWords()  # read once, if the query asks, for every step below
    query = MatchQuery.from_text(request.text, edition_context=festivals)
    if query.is_empty and not browse:
        return SearchPage(request=request, hits=[], total=0, num_pages=0)
    query, corrections, found = _found_corrected(viewer, query, request, festivals)
    text_query = None if query.is_empty else query
    total = found.total
    return SearchPage(
        request=request,
        hits=_hits(_page_ids(found, request, text_query), query) if total else [],
        total=total,
        num_pages=math.ceil(min(total, MAX_PAGE * PAGE_SIZE) / PAGE_SIZE),
        facets=_facets(found) if with_facets and total else {},
        corrections={
            query.tokens[position].alternatives[0].tokens[0]: words
            for position, words in corrections.items()
        },
        total_is_estimate=not found.window_is_complete,
        facets_are_estimates=not found.window_is_complete,
    )


def _found_corrected(
    viewer: Viewer, query: MatchQuery, request: SearchRequest, festivals: FestivalWords
) -> tuple[MatchQuery, dict[int, list[str]], _Found]:
    """The query with its corrections (``search.corrections``) and what it finds. A query
    that finds nothing is tried again with its known words' neighbours too ("Zhengfan Yan"
    for Yang)."""
    query, corrections = corrected(query, request.text, festivals)
    found = _find(viewer, None if query.is_empty else query, request, festivals)
    if found.total or query.is_empty or corrections:
        return query, corrections, found
    fixed, corrections = corrected(query, request.text, festivals, known_too=True)
    if not corrections:
        return query, corrections, found
    return fixed, corrections, _find(viewer, fixed, request, festivals)


def _facets(found: _Found) -> dict:
    """Facet counts of the candidates, scaled up when they are a sample of the matches."""
    sample = found.candidates
    scale = 1.0 if found.window_is_complete else found.total / max(1, len(sample))
    return facet_counts((c.filters for c in sample), scale=scale)


def catalogue_page_for(viewer: Viewer, request: SearchRequest) -> SearchPage:
    """The film catalogue: films only, all of them when there is no text, with facets."""
    films = SearchRequest(**{**request.__dict__, "kinds": (DocumentKind.FILM,)})
    return search_page_for(viewer, films, browse=True)


def catalogue_facets_for(viewer: Viewer, request: SearchRequest) -> SearchPage:
    """The facets of the film catalogue for ``request`` without a page of results (for a
    catalogue whose films are read elsewhere): two queries, the window and the facet labels."""
    films = SearchRequest(**{**request.__dict__, "kinds": (DocumentKind.FILM,)})
    found = _find(viewer, None, films)
    return SearchPage(
        request=films,
        hits=[],
        total=found.total,
        num_pages=0,
        facets=_facets(found) if found.total else {},
        facets_are_estimates=not found.window_is_complete,
        total_is_estimate=not found.window_is_complete,
    )


def autocomplete_for(viewer: Viewer, text: str, *, limit: int = 8) -> list[dict[str, str]]:
    """Titles and names starting with ``text`` (any word of a title, pinyin of Chinese, the
    initials of Chinese names): exact completions first, then prominence."""
    key = prefix_query(text[:100])
    if not key:
        return []
    backend = get_backend()
    ids = backend.suggestion_ids(key, limit=SUGGESTION_SCAN, own=own_documents_for(viewer))
    fields = ("title_folded", "boost", "id", "kind", "title", "subtitle", "url")
    rows = backend.documents(sorted(set(ids)), fields)
    # exact completions first, then prominence, then the title
    ordered = sorted(rows, key=lambda r: (r[0].replace(" ", "") != key, -r[1], r[0], r[2]))
    return [
        {"kind": kind, "title": title, "subtitle": subtitle, "url": url}
        for _folded, _boost, _pk, kind, title, subtitle, url in ordered[:limit]
    ]
