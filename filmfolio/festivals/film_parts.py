"""What festivals add to films: the entries and awards in a film's search document, the festivals'
search listing when a film is deleted, and the entries of a film's record (``films.record``),
registered by ``FestivalsConfig.ready``."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, QuerySet, Window
from django.db.models.functions import RowNumber

from filmfolio.core.text import index_terms_of
from filmfolio.films.hooks import FILM_DELETING, FilmDeleting
from filmfolio.films.record import FESTIVAL_ORDER, RECORD_QUERYSETS, RecordQueryset
from filmfolio.films.reindex import search_update_listings
from filmfolio.films.search_facts import FILM_FACTS, FilmFacts, FilmFactsPart
from filmfolio.search.choices import DocumentKind, Facet

from .choices import EntryResult
from .models import Entry, Festival


def add_entries(facts: dict[int, FilmFacts], ids: Any) -> None:
    """The festivals each film entered (terms and facet), their other names, the number and
    year of each edition (so "Golden Horse 49" finds the films of the 49th), the names of the
    section and the award ("Golden Horse Best Short Film"), and how many awards the film
    won."""
    awarded = set(EntryResult.awarded())
    rows = Entry.objects.filter(film_id__in=ids).values_list(
        "film_id",
        "edition__festival__slug",
        "edition__festival__name",
        "edition__festival__aliases",
        "edition__number",
        "edition__year",
        "result",
        "section__name",
        "award__name",
    )
    for film_id, slug, name, aliases, number, year, result, section, award in rows:
        film = facts[film_id]
        film.festivals[slug] = name
        film.add_facet(Facet.FESTIVAL, slug, name)
        film.awards += result in awarded
        film.words += index_terms_of(str(alias) for alias in aliases or ())
        film.words += [str(value) for value in (number, year) if value]
        film.words += index_terms_of(text for text in (section, award) if text)


def entries_prominence() -> dict[int, int]:
    """Film id -> ten per award plus one per festival entry (about a document's boost)."""
    entries = Entry.objects.order_by().values("film_id")
    return {
        film_id: 10 * awards + count
        for film_id, count, awards in entries.annotate(
            count=Count("*"), awards=Count("result", filter=Q(result__in=EntryResult.awarded()))
        ).values_list("film_id", "count", "awards")
    }


def entered_festivals(ids: Any) -> dict[str, list[int]]:
    """The festivals the films entered: their listing follows the films'."""
    festivals = Entry.objects.filter(film_id__in=ids).order_by()
    return {
        DocumentKind.FESTIVAL: sorted(set(festivals.values_list("edition__festival_id", flat=True)))
    }


def festivals_of(film: Any) -> list[int]:
    """The festivals a film entered, before it is deleted."""
    entries = Entry.objects.filter(film=film)
    return sorted(set(entries.values_list("edition__festival_id", flat=True)))


def festivals_relisted(ids: list[int]) -> None:
    """A festival reached only through a deleted film leaves anonymous search at once."""
    search_update_listings(Festival, ids)


def record_entries() -> QuerySet:
    """A film record's festival entries in their stored order, each numbered in the film page's
    order too (``festival_order``), so one query serves both."""
    by_festival = Window(RowNumber(), order_by=list(FESTIVAL_ORDER))
    return Entry.objects.select_related("edition__festival", "section", "award").annotate(
        festival_order=by_festival
    )


def register() -> None:
    """Add the festivals' parts to the films' registries."""
    FILM_FACTS.register(
        FilmFactsPart(
            key="festivals",
            add=add_entries,
            prominence=entries_prominence,
            followers=entered_festivals,
        )
    )
    FILM_DELETING.register(
        FilmDeleting(key="festivals", collect=festivals_of, after=festivals_relisted, order=20)
    )
    RECORD_QUERYSETS.register(RecordQueryset(key="festival_entries", queryset=record_entries))
