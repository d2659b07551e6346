"""oEmbed for film pages: ``/oembed?url=<film page>&format=json`` (a "link" response)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import Resolver404, resolve

from filmfolio.core.site import site_url
from filmfolio.films.access import Viewer
from filmfolio.films.models import Film

from .citation import directors_of


def film_slug_from_url(url: str, allowed_hosts: set[str]) -> str | None:
    """The slug of the film page at ``url`` on this site, or None."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or parts.hostname not in allowed_hosts:
        return None
    try:
        match = resolve(parts.path or "/")
    except Resolver404:
        return None
    if match.view_name != "films:detail":
        return None
    return match.kwargs.get("slug")


def oembed_for(viewer: Viewer, url: str, allowed_hosts: set[str]) -> dict[str, Any] | None:
    """The oEmbed response for a film page the viewer may open, else None."""
    slug = film_slug_from_url(url, allowed_hosts)
    if slug is None:
        return None
    film = (
        Film.objects.filter(slug=slug)
        .visible_to(viewer)
        .prefetch_related("credits__person", "credits__role")
        .first()
    )
    if film is None:
        return None
    site = site_url()
    data: dict[str, Any] = {
        "version": "1.0",
        "type": "link",
        "title": str(film),
        "provider_name": settings.SITE_NAME,
        "provider_url": site + "/",
        "cache_age": 3600,
    }
    directors = directors_of(film)
    if directors:
        data["author_name"] = ", ".join(p.display_name for p in directors)
        data["author_url"] = site + directors[0].get_absolute_url()
    return data
