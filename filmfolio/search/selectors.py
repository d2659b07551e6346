"""Search reads: the results page, the catalogue with facets, and autocomplete.

Which documents a viewer may see comes from ``sharing.access`` through the registry
(``is_public`` is computed by it at index time; a signed-in viewer's own films come from
``IndexedKind.extra_listed_ids``). Nothing here decides visibility itself.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When
from django.utils.safestring import SafeString

from filmfolio.core.text import fold
from filmfolio.sharing.access import Viewer

from . import registry
from .backends import MatchQuery, get_backend
from .choices import DocumentKind, SortOrder
from .facets import FacetCount, facet_counts
from .highlight import highlight
from .models import SearchDocument, SearchFacetValue, SearchTerm
from .query import PAGE_SIZE, SearchRequest

_MIN_TYPO_LENGTH = 4
_SORTS: dict[SortOrder, list[Any]] = {
    SortOrder.YEAR_DESC: [F("year").desc(nulls_last=True), "title_folded"],
    SortOrder.YEAR: [F("year").asc(nulls_last=True), "title_folded"],
    SortOrder.TITLE: ["title_folded", "id"],
    SortOrder.RUNTIME: [F("runtime_minutes").asc(nulls_last=True), "title_folded"],
    SortOrder.RUNTIME_DESC: [F("runtime_minutes").desc(nulls_last=True), "title_folded"],
}


@dataclass(frozen=True)
class Hit:
    """One result as the page shows it."""

    kind: str
    title: str
    title_html: SafeString
    subtitle: str
    url: str
    year: int | None


@dataclass
class SearchPage:
    """A page of results with totals, facets and the typo corrections that were applied."""

    request: SearchRequest
    hits: list[Hit]
    total: int
    num_pages: int
    facets: dict[str, list[FacetCount]] = field(default_factory=dict)
    corrections: dict[str, list[str]] = field(default_factory=dict)


def listed_documents_for(viewer: Viewer) -> QuerySet:
    """Documents ``viewer`` may see in search results."""
    condition = Q(is_public=True)
    for indexed in registry.kinds():
        if indexed.extra_listed_ids is not None:
            extra = indexed.extra_listed_ids(viewer)
            if extra is not None:
                condition |= Q(kind=indexed.kind, film_id__in=extra)
    return SearchDocument.objects.filter(condition)


def _filtered(documents: QuerySet, request: SearchRequest) -> QuerySet:
    """Apply the kind, facet, range and flag filters: OR within a facet, AND across."""
    if request.kinds:
        documents = documents.filter(kind__in=request.kinds)
    if request.film_kinds:
        documents = documents.filter(film_kind__in=request.film_kinds)
    for facet, values in request.facets.items():
        if values:
            having = SearchFacetValue.objects.filter(facet=facet, value__in=values)
            documents = documents.filter(id__in=having.values("document_id"))
    ranges = {
        "year__gte": request.year_min,
        "year__lte": request.year_max,
        "runtime_minutes__gte": request.runtime_min,
        "runtime_minutes__lte": request.runtime_max,
    }
    documents = documents.filter(**{k: v for k, v in ranges.items() if v is not None})
    if request.award_winning:
        documents = documents.filter(is_award_winning=True)
    if request.has_trailer:
        documents = documents.filter(has_trailer=True)
    return documents


def typo_alternatives(query: MatchQuery) -> dict[int, list[str]]:
    """For query words missing from the vocabulary, vocabulary words one typo away."""
    words = {
        position: token.alternatives[0].tokens[0]
        for position, token in enumerate(query.tokens)
        if len(token.alternatives[0].tokens) == 1
        and token.alternatives[0].tokens[0].isalpha()
        and token.alternatives[0].tokens[0].isascii()
        and len(token.alternatives[0].tokens[0]) >= _MIN_TYPO_LENGTH
    }
    if not words:
        return {}
    known = set(SearchTerm.objects.filter(term__in=words.values()).values_list("term", flat=True))
    backend = get_backend()
    return {
        position: similar
        for position, word in words.items()
        if word not in known and (similar := backend.similar_words(word))
    }


def _ordered(documents: QuerySet, query: MatchQuery, request: SearchRequest) -> QuerySet:
    """Order by the requested sort; relevance puts exact titles first, then the engine rank."""
    if request.sort in _SORTS:
        return documents.order_by(*_SORTS[SortOrder(request.sort)])
    if query.is_empty:
        return documents.order_by("-boost", "title_folded")
    exact = Case(
        When(title_folded=fold(request.text), then=Value(0)),
        default=Value(1),
        output_field=IntegerField(),
    )
    ranked = get_backend().ranked(documents, query).annotate(exact=exact)
    return ranked.extra(order_by=["exact", "rank", "-boost", "title_folded"])


def _hit(document: SearchDocument, query: MatchQuery) -> Hit:
    return Hit(
        kind=document.kind,
        title=document.title,
        title_html=highlight(document.title, query),
        subtitle=document.subtitle,
        url=document.url,
        year=document.year,
    )


def search_page_for(
    viewer: Viewer, request: SearchRequest, *, browse: bool = False, with_facets: bool = True
) -> SearchPage:
    """A page of results for ``viewer``; ``browse`` lists everything when the text is empty
    (the catalogue); otherwise empty text gives an empty page."""
    query = MatchQuery.from_text(request.text)
    if query.is_empty and not browse:
        return SearchPage(request=request, hits=[], total=0, num_pages=0)
    corrections = typo_alternatives(query) if not query.is_empty else {}
    if corrections:
        query = MatchQuery.from_text(request.text, extra=corrections)
    documents = _filtered(listed_documents_for(viewer), request)
    if not query.is_empty:
        documents = get_backend().match(documents, query)
    total = documents.count()
    start = (request.page - 1) * PAGE_SIZE
    page = list(_ordered(documents, query, request)[start : start + PAGE_SIZE]) if total else []
    return SearchPage(
        request=request,
        hits=[_hit(document, query) for document in page],
        total=total,
        num_pages=math.ceil(total / PAGE_SIZE),
        facets=facet_counts(documents) if with_facets and total else {},
        corrections={
            query.tokens[position].alternatives[0].tokens[0]: words
            for position, words in corrections.items()
        },
    )


def catalogue_page_for(viewer: Viewer, request: SearchRequest) -> SearchPage:
    """The film catalogue: films only, all of them when there is no text, with facets."""
    films = SearchRequest(**{**request.__dict__, "kinds": (DocumentKind.FILM,)})
    return search_page_for(viewer, films, browse=True)


def autocomplete_for(viewer: Viewer, text: str, *, limit: int = 8) -> list[dict[str, str]]:
    """Titles and names completing ``text``: title prefixes first, then other matches."""
    query = MatchQuery.from_text(text[:100], prefix=True)
    if query.is_empty:
        return []
    listed = listed_documents_for(viewer)
    folded = fold(text[:100])
    backend = get_backend()
    starts = list(backend.title_prefix(listed, folded).order_by("-boost", "title_folded")[:limit])
    seen = {document.pk for document in starts}
    more = list(backend.match(listed.exclude(pk__in=seen), query)[: limit - len(starts)])
    return [
        {"kind": d.kind, "title": d.title, "subtitle": d.subtitle, "url": d.url}
        for d in [*starts, *more][:limit]
    ]
