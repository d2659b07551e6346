"""``{% presskit_head film %}``: the oEmbed discovery link for the film page's head (the Open
Graph and Twitter card tags come with the film page's own head; the press kit and citation links
are the page's ``actions`` panel, ``presskit.panels``)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django import template
from django.urls import reverse

from filmfolio.core.site import site_url

register = template.Library()


@register.inclusion_tag("presskit/head.html")
def presskit_head(film: Any) -> dict[str, Any]:
    """The oEmbed discovery link of a film page."""
    site = site_url()
    page = site + film.get_absolute_url()
    return {
        "oembed_url": site + reverse("presskit:oembed") + "?" + urlencode({"url": page}),
        "title": str(film),
    }
