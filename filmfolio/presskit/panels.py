"""The film page's actions (``films.panels``): the press kit in both languages and the
citations (CSL-JSON, BibTeX) with the film record.

The citations are the same for everyone, and so is the press kit of a film every viewer may have
it of (a public film): both are rendered once and cached. The press kit of a film only its owners
may have it of is a viewer panel, rendered for each request."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from filmfolio.films.panels import PANELS, Panel, PanelContext, Visit
from filmfolio.films.record import FilmRecord

from .services import presskit_allowed, presskit_for_everyone


def _links(film: Any) -> dict[str, str]:
    pdf = reverse("presskit:pdf", kwargs={"slug": film.slug})
    return {"pdf_en": f"{pdf}?lang=en", "pdf_zh": f"{pdf}?lang=zh-hans"}


def _presskit_for_everyone(record: FilmRecord) -> PanelContext:
    return _links(record.film) if presskit_for_everyone(record.film) else None


def _presskit_for_viewer(visit: Visit) -> PanelContext:
    film = visit.film
    if presskit_for_everyone(film) or not presskit_allowed(visit.viewer, film):
        return None
    return _links(film)


def _citations(record: FilmRecord) -> PanelContext:
    slug = {"slug": record.film.slug}
    return {
        "csl_url": reverse("presskit:csl", kwargs=slug),
        "bibtex_url": reverse("presskit:bibtex", kwargs=slug),
        "record_url": reverse("presskit:record", kwargs=slug),
    }


PANELS.register(
    Panel(
        key="presskit",
        order=40,
        template="presskit/actions.html",
        context=_presskit_for_everyone,
    )
)
PANELS.register(
    Panel(
        key="presskit-owners",
        order=41,
        template="presskit/actions.html",
        context=_presskit_for_viewer,
        per_viewer=True,
    )
)
PANELS.register(
    Panel(key="citations", order=42, template="presskit/citations.html", context=_citations)
)
