"""``{% presskit_actions film viewer %}`` (download links for the film page's action slot) and
``{% presskit_head film %}`` (the oEmbed discovery link for the page head; the Open Graph and
Twitter card tags come with the film page's own head)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django import template
from django.urls import reverse

from filmfolio.core.site import site_url
from filmfolio.presskit.services import presskit_allowed

register = template.Library()


@register.inclusion_tag("presskit/actions.html")
def presskit_actions(film: Any, viewer: Any) -> dict[str, Any]:
    """Press kit (both languages) for owners or public films; citations for every viewer."""
    pdf = reverse("presskit:pdf", kwargs={"slug": film.slug})
    return {
        "film": film,
        "presskit_allowed": presskit_allowed(viewer, film),
        "pdf_en": f"{pdf}?lang=en",
        "pdf_zh": f"{pdf}?lang=zh-hans",
        "csl_url": reverse("presskit:csl", kwargs={"slug": film.slug}),
        "bibtex_url": reverse("presskit:bibtex", kwargs={"slug": film.slug}),
        "record_url": reverse("presskit:record", kwargs={"slug": film.slug}),
    }


@register.inclusion_tag("presskit/head.html")
def presskit_head(film: Any) -> dict[str, Any]:
    """The oEmbed discovery link of a film page."""
    site = site_url()
    page = site + film.get_absolute_url()
    return {
        "oembed_url": site + reverse("presskit:oembed") + "?" + urlencode({"url": page}),
        "title": str(film),
    }
