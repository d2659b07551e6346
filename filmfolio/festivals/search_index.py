"""What the search index holds for festivals: names (Chinese ones with their pinyin, as titles),
other names, place, and the numbers and years of their editions; a query naming a festival and
an edition ("Golden Horse 49") brings that edition's films (``festival_edition_films``).

A festival's document is public when ``films.access`` lists it for an anonymous visitor (a
public film entered it); the collaborators of its other films find it too. Renaming a festival
re-indexes the films entered at it; every re-index of a film brings its festivals' listing up
to date (``IndexedKind.followers``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from django.db.models import QuerySet

from filmfolio.core.text import index_terms, title_terms_of
from filmfolio.films import access
from filmfolio.search.choices import DocumentKind
from filmfolio.search.registry import DocumentData, IndexedKind, SqlPart, ids_subquery, register

from .choices import EntryResult
from .models import Edition, Entry, Festival


def festival_documents(ids: list[int]) -> Iterator[DocumentData]:
    """Search documents of the festivals with these ids."""
    public = public_festival_ids(ids)
    editions: dict[int, dict[str, None]] = {}
    for festival_id, number, year in Edition.objects.filter(festival_id__in=ids).values_list(
        "festival_id", "number", "year"
    ):
        numbers = editions.setdefault(festival_id, {})
        numbers.update((str(value), None) for value in (number, year) if value)
    for festival in Festival.objects.filter(id__in=ids):
        names = dict.fromkeys([festival.name, *(str(alias) for alias in festival.aliases)])
        yield DocumentData(
            object_id=festival.pk,
            title=festival.name,
            url=festival.get_absolute_url(),
            terms=title_terms_of(names),
            is_public=festival.pk in public,
            suggest=list(names),
            extra_terms=[
                *index_terms(f"{festival.city} {festival.country}"),
                *editions.get(festival.pk, ()),
            ],
            subtitle=", ".join(part for part in (festival.city, festival.country) if part),
        )


def festival_ids() -> Iterable[int]:
    """Every festival id, in id order."""
    return Festival.objects.order_by("id").values_list("id", flat=True).iterator(chunk_size=5000)


def festival_dependants(festival: Any) -> dict[str, list[int]]:
    """Films whose documents carry this festival's name."""
    film_ids = Entry.objects.filter(edition__festival=festival).values_list("film_id", flat=True)
    return {DocumentKind.FILM: sorted(set(film_ids))}


def festival_edition_films(named: SqlPart, numbers: tuple[int, ...]) -> tuple[str, SqlPart] | None:
    """The films entered at the editions numbered (or held in a year) ``numbers`` of the
    festivals whose ids ``named`` selects, as SQL giving ``(object_id, weight)`` rows: 2 for a
    film awarded there, 1 for the others; ``None`` without numbers."""
    if not numbers:
        return None
    named_sql, named_params = named
    marks = ", ".join(["%s"] * len(numbers))
    awarded = list(EntryResult.awarded())
    won = ", ".join(["%s"] * len(awarded))
    entry, edition = Entry._meta.db_table, Edition._meta.db_table
    sql = (
        f"SELECT e.film_id AS object_id, max(CASE WHEN e.result IN ({won}) THEN 2 ELSE 1 END) "
        f"AS weight FROM {entry} e JOIN {edition} ed ON ed.id = e.edition_id "
        f"WHERE ed.festival_id IN ({named_sql}) "
        f"AND (ed.number IN ({marks}) OR ed.year IN ({marks})) GROUP BY e.film_id"
    )
    return DocumentKind.FILM, (sql, [*awarded, *named_params, *numbers, *numbers])


def public_festival_ids(ids: list[int]) -> set[int]:
    """The festivals among ``ids`` listed for everyone (a public film entered them)."""
    festivals = Festival.objects.filter(id__in=ids_subquery(ids))
    listed = festivals.listed_for(access.Viewer.anonymous())
    return set(listed.values_list("id", flat=True))


def extra_listed_festival_ids(viewer: access.Viewer) -> QuerySet | None:
    """Ids of festivals listed for ``viewer`` through films not listed for everyone."""
    own = access.own_films_q(viewer, prefix="film__")
    if own is None:
        return None
    return Entry.objects.filter(own).order_by().values("edition__festival_id")


register(
    IndexedKind(
        kind=DocumentKind.FESTIVAL,
        model_label="festivals.Festival",
        documents=festival_documents,
        all_ids=festival_ids,
        dependants=festival_dependants,
        extra_listed_ids=extra_listed_festival_ids,
        public_ids=public_festival_ids,
        related=festival_edition_films,
    )
)
