"""CSL-JSON ("cite this film") for reference managers such as Zotero."""

from __future__ import annotations

from typing import Any

from filmfolio.core.site import absolute_url
from filmfolio.films.choices import CompanyRole, TextKind

from .citation import directors_of, name_parts, original_title
from .content import pick_text


def film_csl(film: Any) -> dict[str, Any]:
    """One CSL-JSON item (type ``motion_picture``) for ``film`` (prefetched relations)."""
    item: dict[str, Any] = {
        "id": film.slug,
        "type": "motion_picture",
        "title": film.title,
        "URL": absolute_url(film.get_absolute_url()),
    }
    if original := original_title(film):
        item["original-title"] = original
    if directors := [name_parts(p) for p in directors_of(film)]:
        item["director"] = directors
        item["author"] = directors
    if film.year:
        item["issued"] = {"date-parts": [[film.year]]}
    if film.runtime_minutes:
        item["dimensions"] = f"{film.runtime_minutes} min"
    if film.kind:
        item["genre"] = film.get_kind_display()
    producers = [
        c.organisation.name
        for c in film.companies.all()
        if c.role in (CompanyRole.PRODUCTION, CompanyRole.CO_PRODUCTION)
    ]
    if producers:
        item["publisher"] = "; ".join(producers)
    countries = [c.country for c in film.countries.all() if c.role == "origin"]
    if countries:
        item["publisher-place"] = ", ".join(countries)
    logline = pick_text([t for t in film.texts.all() if t.kind == TextKind.LOGLINE], "en")
    if logline:
        item["abstract"] = logline.body
    return item
