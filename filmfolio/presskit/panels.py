"""The actions panel of the film page (``films.panels``): the press kit in both languages for
those who may have it, and citations (CSL-JSON, BibTeX) and the film record for everyone.
Rendered on every request: who may download the press kit depends on the viewer."""

from __future__ import annotations

from django.urls import reverse

from filmfolio.films.panels import PANELS, Panel, PanelContext, Visit

from .services import presskit_allowed


def _actions(visit: Visit) -> PanelContext:
    slug = visit.film.slug
    pdf = reverse("presskit:pdf", kwargs={"slug": slug})
    return {
        "presskit_allowed": presskit_allowed(visit.viewer, visit.film),
        "pdf_en": f"{pdf}?lang=en",
        "pdf_zh": f"{pdf}?lang=zh-hans",
        "csl_url": reverse("presskit:csl", kwargs={"slug": slug}),
        "bibtex_url": reverse("presskit:bibtex", kwargs={"slug": slug}),
        "record_url": reverse("presskit:record", kwargs={"slug": slug}),
    }


PANELS.register(
    Panel(
        key="actions",
        order=40,
        template="presskit/actions.html",
        context=_actions,
        per_viewer=True,
    )
)
