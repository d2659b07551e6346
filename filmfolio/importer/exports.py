"""Films read out as records: what ``filmfolio export`` writes and ``filmfolio import`` reads.

`records_for(queryset)` loads films with a fixed prefetch plan (a constant number of queries per
chunk of films, whatever their credits and entries) and yields one `FilmRecord` per film, in
slug order. `film_record_for(film)` turns one prefetched film into its record. Committing the
records of an export to an empty catalogue gives a catalogue whose export is the same, byte for
byte: people carry their slug, children come in their stored order.

Which films are read is the caller's decision (the export command asks `films.access`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.db.models import Prefetch, QuerySet

from filmfolio.festivals.models import Entry
from filmfolio.films.models import Credit, Film, FilmCompany

from .records import FilmRecord

CHUNK_SIZE = 500

# Prefetched lists are kept in attributes ("to_attr"): Django then builds no related manager
# and queryset per film and relation, which was most of the time of a large export.
FILM_PREFETCH = (
    *(
        Prefetch(name, to_attr=f"export_{name}")
        for name in ("titles", "countries", "languages", "texts", "links", "genres")
    ),
    Prefetch(
        "companies",
        queryset=FilmCompany.objects.select_related("organisation"),
        to_attr="export_companies",
    ),
    Prefetch(
        "credits",
        queryset=Credit.objects.select_related("role", "person").prefetch_related(
            Prefetch("person__names", to_attr="export_names"),
            Prefetch("person__biographies", to_attr="export_biographies"),
        ),
        to_attr="export_credits",
    ),
    Prefetch(
        "festival_entries",
        queryset=Entry.objects.select_related("edition__festival", "section", "award"),
        to_attr="export_festival_entries",
    ),
)


def _rows(obj: Any, relation: str) -> list[Any]:
    """A relation's rows: the list `FILM_PREFETCH` kept, or (prefetched otherwise) .all()."""
    kept = getattr(obj, f"export_{relation}", None)
    return kept if kept is not None else list(getattr(obj, relation).all())


def records_for(films: QuerySet[Film]) -> Iterator[FilmRecord]:
    """The record of every film of the queryset, in slug order, read in chunks."""
    queryset = films.order_by("slug").prefetch_related(*FILM_PREFETCH)
    for film in queryset.iterator(chunk_size=CHUNK_SIZE):
        yield film_record_for(film)


def film_record_for(film: Film) -> FilmRecord:
    """The record of one film (prefetched with `FILM_PREFETCH` to avoid a query per relation)."""
    data: dict[str, Any] = {
        "slug": film.slug,
        "title": film.title,
        "year": film.year,
        "completion_date": film.completion_date,
        "kind": film.kind or None,
        "runtime_minutes": film.runtime_minutes,
        "budget": _budget(film),
        "specs": {
            "shooting_format": film.shooting_format,
            "sound": film.sound,
            "aspect_ratio": film.aspect_ratio,
            "color": film.color or None,
        },
        "is_first_time_filmmaker": film.is_first_time_filmmaker,
        "is_student_project": film.is_student_project,
        # A password cannot travel in a record: a password film is exported as private.
        "visibility": film.visibility if film.visibility != "password" else "private",
        **_names_and_places(film),
        **_texts_and_people(film),
    }
    return FilmRecord.model_validate(data)


def _names_and_places(film: Film) -> dict[str, Any]:
    """The film's titles, genres, countries and languages as record values."""
    return {
        "titles": [
            {"text": t.text, "kind": t.kind, "language": t.language} for t in _rows(film, "titles")
        ],
        "genres": [g.name_en for g in _rows(film, "genres")],
        "countries": [{"country": c.country, "role": c.role} for c in _rows(film, "countries")],
        "languages": [
            {"language": x.language, "role": x.role, "label": x.label}
            for x in _rows(film, "languages")
        ],
    }


def _texts_and_people(film: Film) -> dict[str, Any]:
    """The film's texts, links, companies, credits and festival entries as record values."""
    return {
        "texts": [
            {"kind": t.kind, "language": t.language, "body": t.body} for t in _rows(film, "texts")
        ],
        "links": [{"kind": x.kind, "url": x.url, "label": x.label} for x in _rows(film, "links")],
        "companies": [
            {"name": c.organisation.name, "kind": c.organisation.kind, "role": c.role}
            for c in _rows(film, "companies")
        ],
        "credits": [_credit(c) for c in _rows(film, "credits")],
        "festivals": [_entry(e) for e in _rows(film, "festival_entries")],
    }


def _budget(film: Film) -> dict[str, Any] | None:
    if film.budget_amount is None and not film.budget_currency and not film.budget_as_stated:
        return None
    return {
        "amount": film.budget_amount,
        "currency": film.budget_currency,
        "as_stated": film.budget_as_stated,
    }


def _credit(credit: Credit) -> dict[str, Any]:
    out: dict[str, Any] = {
        "role": credit.role.code,
        "credited_as": credit.credited_as,
        "character": credit.character,
        "description": credit.description,
    }
    person = credit.person
    if person is not None:
        out["person"] = {
            "name": person.display_name,
            "slug": person.slug,
            "names": [
                {"name": n.name, "script": n.script, "order": n.order or None}
                for n in _rows(person, "names")
            ],
            "biographies": {b.language: b.body for b in _rows(person, "biographies")},
            "country": person.country,
        }
    return out


def _entry(entry: Entry) -> dict[str, Any]:
    edition = entry.edition
    festival = edition.festival
    return {
        "festival": festival.name,
        "festival_aliases": list(festival.aliases),
        "edition": edition.number,
        "year": edition.year,
        "city": edition.city,
        "country": festival.country,
        "section": entry.section.name if entry.section else None,
        "award": entry.award.name if entry.award else None,
        "result": entry.result,
        "date": entry.date,
    }
