"""Films read out as records: what ``filmfolio export`` writes and ``filmfolio import`` reads.

`records_for(queryset)` reads films with the films' record plan (``films.record``: a constant
number of queries per chunk of films, whatever their credits and entries) and yields one
`FilmRecord` per film, in slug order. `film_record_for(film)` gives the record of one film.
Committing the records of an export to an empty catalogue gives a catalogue whose export is the
same, byte for byte: people carry their slug, children come in their stored order.

Which films are read is the caller's decision (the export command asks `films.access`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.db.models import QuerySet

from filmfolio.festivals.models import Entry
from filmfolio.films.models import Credit, Film
from filmfolio.films.record import FilmRecord as FilmFacts
from filmfolio.films.selectors import film_record_for as film_facts_for
from filmfolio.films.selectors import film_records

from .records import FilmRecord

CHUNK_SIZE = 500


def records_for(films: QuerySet[Film]) -> Iterator[FilmRecord]:
    """The record of every film of the queryset, in slug order, read in chunks."""
    for facts in film_records(films.order_by("slug"), chunk_size=CHUNK_SIZE):
        yield record_of(facts)


def film_record_for(film: Film | FilmFacts) -> FilmRecord:
    """The record of one film (its facts are read with the films' record plan unless given)."""
    return record_of(film if isinstance(film, FilmFacts) else film_facts_for(film))


def record_of(facts: FilmFacts) -> FilmRecord:
    """The importer's record of a film's facts (``films.record``)."""
    return FilmRecord.model_validate({**_row(facts.film), **_relations(facts)})


def _row(film: Film) -> dict[str, Any]:
    """What the film's own row holds."""
    return {
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
    }


def _relations(facts: FilmFacts) -> dict[str, Any]:
    """The film's titles, genres, countries, languages, texts, links, companies, credits and
    festival entries, in their stored order."""
    return {
        "titles": [{"text": t.text, "kind": t.kind, "language": t.language} for t in facts.titles],
        "genres": [g.name_en for g in facts.genres],
        "countries": [{"country": c.country, "role": c.role} for c in facts.countries],
        "languages": [
            {"language": x.language, "role": x.role, "label": x.label} for x in facts.languages
        ],
        "texts": [{"kind": t.kind, "language": t.language, "body": t.body} for t in facts.texts],
        "links": [{"kind": x.kind, "url": x.url, "label": x.label} for x in facts.links],
        "companies": [
            {"name": c.organisation.name, "kind": c.organisation.kind, "role": c.role}
            for c in facts.companies
        ],
        "credits": [_credit(c) for c in facts.credits],
        "festivals": [_entry(e) for e in facts.festival_entries],
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
                for n in person.names.all()
            ],
            "biographies": {b.language: b.body for b in person.biographies.all()},
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
