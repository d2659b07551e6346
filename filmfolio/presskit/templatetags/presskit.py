"""``{% presskit_actions film viewer %}`` (download links for the film page's action slot) and
``{% presskit_head film %}`` (the oEmbed discovery link for the page head; the Open Graph and
Twitter card tags come with the film page's own head); ``{% film_jsonld film %}``,
``{% person_jsonld person credits %}`` and ``{% festival_jsonld festival %}`` (schema.org JSON-LD
in a script element no value can break out of)."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

from django import template
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from filmfolio.core.site import site_url
from filmfolio.presskit import jsonld
from filmfolio.presskit.services import presskit_allowed

register = template.Library()

# The characters that could end a <script> element or open a comment inside one.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


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


def jsonld_script(data: dict[str, Any]) -> SafeString:
    """A ``<script type="application/ld+json">`` element that no value can break out of."""
    text = json.dumps(data, ensure_ascii=False, indent=None).translate(_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')


@register.simple_tag
def film_jsonld(film: Any) -> SafeString:
    """The film's schema.org Movie as JSON-LD (only render it for films the viewer may see)."""
    return jsonld_script(jsonld.film_jsonld(film))


@register.simple_tag
def person_jsonld(person: Any, credits: Any = ()) -> SafeString:
    """The person's schema.org Person as JSON-LD."""
    return jsonld_script(jsonld.person_jsonld(person, credits=credits))


@register.simple_tag
def festival_jsonld(festival: Any) -> SafeString:
    """The festival's schema.org Festival as JSON-LD."""
    return jsonld_script(jsonld.festival_jsonld(festival))
