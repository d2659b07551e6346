"""The film page's actions (``films.panels``): the press kit in both languages and the
citations (CSL-JSON, BibTeX) with the film record; and the page's head panel (what a link to
the page unfolds into elsewhere: Open Graph and Twitter card tags with the poster or the
generated card, the trailer's player, JSON-LD and the oEmbed discovery link).

The citations are the same for everyone, and so is the press kit of a film every viewer may have
it of (a public film): both are rendered once and cached. The press kit of a film only its owners
may have it of is a viewer panel, rendered for each request."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse

from filmfolio.core.site import absolute_url
from filmfolio.films.panels import HEAD_PANELS, PANELS, Panel, PanelContext, Visit
from filmfolio.films.record import FilmRecord

from .jsonld import film_jsonld
from .services import presskit_allowed, presskit_for_everyone
from .share import shared_for
from .templatetags.presskit import jsonld_script


def _links(film: Any) -> dict[str, str]:
    pdf = reverse("presskit:pdf", kwargs={"slug": film.slug})
    status = reverse("presskit:pdf-status", kwargs={"slug": film.slug})
    return {
        "pdf_en": f"{pdf}?lang=en",
        "pdf_zh": f"{pdf}?lang=zh-hans",
        "status_en": f"{status}?lang=en",
        "status_zh": f"{status}?lang=zh-hans",
    }


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


def _head(record: FilmRecord) -> PanelContext:
    """The head's sharing tags: from the record and what every viewer sees of the media."""
    film = record.film
    shared = shared_for(film)
    page = absolute_url(film.get_absolute_url())
    return {
        "page_url": page,
        "site_name": settings.SITE_NAME,
        "description": record.description(),
        "image": shared.image,
        "video": shared.video,
        "oembed_url": absolute_url(reverse("presskit:oembed")) + "?" + urlencode({"url": page}),
        "jsonld": jsonld_script(film_jsonld(record, shared)),
    }


HEAD_PANELS.register(
    Panel(key="sharing-tags", order=10, template="presskit/head.html", context=_head)
)
