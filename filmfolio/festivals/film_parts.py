"""What festivals add to films: the entries and awards in a film's search document, and the
festivals' search listing when a film is deleted (registered by ``FestivalsConfig.ready``)."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q

from filmfolio.films.hooks import FILM_DELETING, FilmDeleting
from filmfolio.films.reindex import search_update_listings
from filmfolio.films.search_facts import FILM_FACTS, FilmFacts, FilmFactsPart
from filmfolio.search.choices import DocumentKind, Facet

from .choices import EntryResult
from .models import Entry, Festival


def add_entries(facts: dict[int, FilmFacts], ids: Any) -> None:
    """The festivals each film entered (terms and facet) and how many awards it won."""
    awarded = set(EntryResult.awarded())
    rows = Entry.objects.filter(film_id__in=ids).values_list(
        "film_id", "edition__festival__slug", "edition__festival__name", "result"
    )
    for film_id, slug, name, result in rows:
        facts[film_id].festivals[slug] = name
        facts[film_id].add_facet(Facet.FESTIVAL, slug, name)
        facts[film_id].awards += result in awarded


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
