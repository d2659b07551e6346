"""CSL-JSON ("cite this film") for reference managers such as Zotero."""

from __future__ import annotations

from typing import Any

from filmfolio.core.site import absolute_url
from filmfolio.films.choices import TextKind
from filmfolio.films.record import FilmRecord

from .citation import name_parts, original_title


def film_csl(record: FilmRecord) -> dict[str, Any]:
    """One CSL-JSON item (type ``motion_picture``) for a film's record."""
    film = record.film
    item: dict[str, Any] = {
        "id": film.slug,
        "type": "motion_picture",
        "title": film.title,
        "URL": absolute_url(film.get_absolute_url()),
    }
    if original := original_title(record):
        item["original-title"] = original
    if directors := [name_parts(p) for p in record.directors]:
        item["director"] = directors
        item["author"] = directors
    if film.year:
        item["issued"] = {"date-parts": [[film.year]]}
    if film.runtime_minutes:
        item["dimensions"] = f"{film.runtime_minutes} min"
    if film.kind:
        item["genre"] = film.get_kind_display()
    if producers := [c.organisation.name for c in record.production_companies]:
        item["publisher"] = "; ".join(producers)
    if countries := [c.country for c in record.origin_countries]:
        item["publisher-place"] = ", ".join(countries)
    logline = record.text(TextKind.LOGLINE, "en")
    if logline:
        item["abstract"] = logline.body
    return item
