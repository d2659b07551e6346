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
    directors = [name_parts(p) for p in record.directors]
    logline = record.text(TextKind.LOGLINE, "en")
    optional = {
        "original-title": original_title(record),
        "director": directors,
        "author": directors,
        "issued": {"date-parts": [[film.year]]} if film.year else None,
        "dimensions": f"{film.runtime_minutes} min" if film.runtime_minutes else None,
        "genre": film.get_kind_display(),
        "publisher": "; ".join(c.organisation.name for c in record.production_companies),
        "publisher-place": ", ".join(c.country for c in record.origin_countries),
        "abstract": logline.body if logline else None,
    }
    return {
        "id": film.slug,
        "type": "motion_picture",
        "title": film.title,
        "URL": absolute_url(film.get_absolute_url()),
        **{key: value for key, value in optional.items() if value},
    }
