"""Page-shaped reads of films: the film's record (``films.record``, for the film page, the API,
the press kit, citations and exports) and the catalogue, each with a fixed query plan.

Visibility is decided by ``films.access``. Festival entries are declared by the festivals app
(to the right of films); they are reached through the reverse relation ``festival_entries``
without importing that app.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import F, Prefetch, QuerySet, prefetch_related_objects

from filmfolio.core.audit import changes_for
from filmfolio.films import access

from .cards import attach_card_images
from .models import DIRECTING, Credit, Film
from .record import FilmRecord, record_from_prefetched, record_prefetches

CATALOGUE_PAGE_SIZE = 24
CATALOGUE_SORTS = {
    "title": ("title", "id"),
    "year": ("year", "title", "id"),
    "-year": ("-year", "title", "id"),
}
DEFAULT_SORT = "-year"
# The columns a film's card shows (``films/_card.html``).
CARD_FIELDS = ("slug", "title", "year", "kind", "runtime_minutes", "visibility")


def film_access_for(viewer: access.Viewer, slug: str) -> tuple[Film, access.Access] | None:
    """The film and what ``viewer`` may do with it, or None when the film does not exist or the
    viewer may not know it exists (one query, two for signed-in users)."""
    # Slugs are unique: no ORDER BY (it costs more to compile than the lookup costs to run).
    film = next(iter(Film.objects.filter(slug=slug).order_by()[:1]), None)
    if film is None:
        return None
    level = access.film_access(viewer, film)
    return None if level == access.Access.NONE else (film, level)


def film_record_for(film: Film) -> FilmRecord:
    """``film`` with all its facts (``films.record``), loaded with the record's prefetch plan:
    one query per relation. Who may see the film is the caller's question, asked before."""
    prefetch_related_objects([film], *record_prefetches())
    return record_from_prefetched(film)


def film_records(films: QuerySet[Film], *, chunk_size: int = 500) -> Iterator[FilmRecord]:
    """The record of every film of ``films`` (in its order), read in chunks with the same
    plan: a fixed number of queries per chunk."""
    for film in films.prefetch_related(*record_prefetches()).iterator(chunk_size=chunk_size):
        yield record_from_prefetched(film)


def catalogue_page_for(viewer: access.Viewer, *, sort: str | None, page: str | None) -> Page:
    """A page of listed films in the order ``sort`` (unknown values fall back to newest first);
    each film carries ``director_credits`` and ``card_image`` (four queries)."""
    order = CATALOGUE_SORTS.get(sort or "", CATALOGUE_SORTS[DEFAULT_SORT])
    films = Film.objects.listed_for(viewer).only(*CARD_FIELDS).order_by(*order)
    result = Paginator(films, CATALOGUE_PAGE_SIZE).get_page(page)
    result.object_list = list(result.object_list)
    prefetch_card_parts(result.object_list)
    return result


def prefetch_card_parts(films: list[Film]) -> None:
    """What a card shows beyond the film's row, for all ``films`` at once (films listed for
    the viewer): ``director_credits`` and ``card_image`` (two queries, none for no films)."""
    prefetch_related_objects(films, director_prefetch())
    attach_card_images(films)


def director_prefetch() -> Prefetch:
    """Directors of films in lists, as ``film.director_credits``."""
    return Prefetch(
        "credits",
        queryset=Credit.objects.filter(DIRECTING)
        .select_related("person", "role")
        .order_by("role__position", "position", "id"),
        to_attr="director_credits",
    )


def catalogue_sort(sort: str | None) -> str:
    """The sort actually applied for the ``sort`` parameter."""
    return sort if sort in CATALOGUE_SORTS else DEFAULT_SORT


def recent_films_for(viewer: access.Viewer, *, limit: int = 12) -> list[Film]:
    """The most recently published listed films, for the home page, as cards (a viewer's own
    films not yet public come after them, newest first; three queries)."""
    order = (F("published_at").desc(nulls_last=True), "-created_at", "-id")
    listed = Film.objects.listed_for(viewer).only(*CARD_FIELDS, "published_at")
    films = list(listed.order_by(*order)[:limit])
    prefetch_card_parts(films)
    return films


HISTORY_PAGE_SIZE = 50


def film_history_page_for(viewer: access.Viewer, film: Film, page_number: Any) -> Page:
    """One page of ``film``'s change records, newest first. Records whose details the viewer
    may not read (``access.history_details_visible``) keep who, when and what kind of change,
    with their fields and summary left out and ``details_withheld`` set."""
    page = Paginator(changes_for(film), HISTORY_PAGE_SIZE).get_page(page_number)
    withheld = {
        section
        for section in access.OWNER_ONLY_HISTORY_SECTIONS
        if not access.history_details_visible(viewer, film, section)
    }
    for record in page:
        if record.section in withheld:
            record.changes, record.summary = {}, ""
            record.details_withheld = True  # type: ignore[attr-defined]
    return page
