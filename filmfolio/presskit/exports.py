"""Film records out of the catalogue: one film as JSON, and a viewer's whole catalogue as JSONL
or CSV, in the importer's record format (``filmfolio.importer.records``), so an export imports
again with ``records_commit`` and gives the same films.

``film_record_for`` reads only relations prefetched by ``selectors.film_presskit_for``.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any

from filmfolio.importer.records import FilmRecord
from filmfolio.sharing.access import Viewer, listed_films
from filmfolio.sharing.choices import Visibility

from .selectors import film_presskit_for

CHUNK = 200
# Columns of the CSV export: the record's top-level fields; lists and objects are JSON text.
CSV_COLUMNS = list(FilmRecord.model_fields)


def _person(person: Any) -> dict[str, Any]:
    return {
        "name": person.display_name,
        "slug": person.slug,
        "names": [
            {"name": n.name, "script": n.script, "order": n.order or None}
            for n in person.names.all()
        ],
        "biographies": {b.language: b.body for b in person.biographies.all()},
        "country": person.country,
    }


def _entry(entry: Any) -> dict[str, Any]:
    festival = entry.edition.festival
    return {
        "festival": festival.name,
        "festival_aliases": list(festival.aliases),
        "edition": entry.edition.number,
        "year": entry.edition.year,
        "city": entry.edition.city or festival.city,
        "country": festival.country,
        "section": entry.section.name if entry.section else None,
        "award": entry.award.name if entry.award else None,
        "result": entry.result,
        "date": entry.date,
    }


def _budget(film: Any) -> dict[str, Any] | None:
    if film.budget_amount is None and not film.budget_as_stated:
        return None
    return {
        "amount": film.budget_amount,
        "currency": film.budget_currency,
        "as_stated": film.budget_as_stated,
    }


def film_record_for(film: Any) -> FilmRecord:
    """The record of ``film`` (password-protected films export as private: the password
    itself never leaves the catalogue)."""
    visibility = film.visibility if film.visibility != Visibility.PASSWORD else "private"
    data = {
        "slug": film.slug,
        "title": film.title,
        "titles": [
            {"text": t.text, "kind": t.kind, "language": t.language} for t in film.titles.all()
        ],
        "year": film.year,
        "completion_date": film.completion_date,
        "kind": film.kind or None,
        "genres": [g.slug for g in film.genres.all()],
        "runtime_minutes": film.runtime_minutes or None,
        "countries": [{"country": c.country, "role": c.role} for c in film.countries.all()],
        "languages": [
            {"language": lang.language, "role": lang.role, "label": lang.label}
            for lang in film.languages.all()
        ],
        "budget": _budget(film),
        "specs": {
            "shooting_format": film.shooting_format,
            "sound": film.sound,
            "aspect_ratio": film.aspect_ratio,
            "color": film.color or None,
        },
        "is_first_time_filmmaker": film.is_first_time_filmmaker,
        "is_student_project": film.is_student_project,
        "visibility": visibility,
        "texts": [
            {"kind": t.kind, "language": t.language, "body": t.body} for t in film.texts.all()
        ],
        "links": [{"kind": k.kind, "url": k.url, "label": k.label} for k in film.links.all()],
        "companies": [
            {"name": c.organisation.name, "kind": c.organisation.kind, "role": c.role}
            for c in film.companies.all()
        ],
        "credits": [
            {
                "person": _person(c.person) if c.person else None,
                "role": c.role.code,
                "credited_as": c.credited_as,
                "character": c.character,
                "description": c.description,
            }
            for c in film.credits.all()
        ],
        "festivals": [_entry(e) for e in film.festival_entries.all()],
    }
    return FilmRecord.model_validate(data)


def record_json(record: FilmRecord) -> str:
    """One record as compact JSON, Chinese kept as characters."""
    return json.dumps(record.model_dump(mode="json"), ensure_ascii=False)


def catalogue_records_for(viewer: Viewer) -> Iterator[FilmRecord]:
    """The record of every film ``viewer`` may see listed, by slug, fetched in chunks."""
    films = listed_films(viewer, film_presskit_for()).order_by("slug")
    for film in films.iterator(chunk_size=CHUNK):
        yield film_record_for(film)


def jsonl_lines(records: Iterable[FilmRecord]) -> Iterator[str]:
    """JSON Lines: one record per line."""
    for record in records:
        yield record_json(record) + "\n"


def _csv_line(values: list[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerow(values)
    return buffer.getvalue()


def csv_lines(records: Iterable[FilmRecord]) -> Iterator[str]:
    """CSV: a header, then one row per record; nested values are JSON text."""
    yield _csv_line(CSV_COLUMNS)
    for record in records:
        data = record.model_dump(mode="json")
        yield _csv_line([_cell(data[column]) for column in CSV_COLUMNS])


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value).lower() if isinstance(value, bool) else str(value)


def _value(column: str, cell: str) -> Any:
    """A CSV cell as the record field's value: text fields as written, others as JSON (enum
    values and dates, which are not JSON, as written)."""
    if FilmRecord.model_fields[column].annotation in (str, str | None):
        return cell
    try:
        return json.loads(cell)
    except ValueError:
        return cell


def records_from_csv(text: str) -> list[FilmRecord]:
    """Read the CSV export back into records (for ``filmfolio import``)."""
    records = []
    for row in csv.DictReader(io.StringIO(text)):
        data: dict[str, Any] = {}
        for column, cell in row.items():
            if cell == "":
                continue
            data[column] = _value(column, cell)
        records.append(FilmRecord.model_validate(data))
    return records
