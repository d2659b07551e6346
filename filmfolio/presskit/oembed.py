"""oEmbed for film pages: ``/oembed?url=<film page>&format=json``.

A film with a video every viewer of it may watch (``presskit.share``: trailer, else teaser or
excerpt) answers with a "video" response whose ``html`` frames the film's player page
(``/films/<slug>/embed/``), sized to ``maxwidth``/``maxheight`` when given; any other film with
a "link" response. Both carry the film's image (poster, else its generated card)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import Resolver404, resolve
from django.utils.html import format_html

from filmfolio.core.site import site_url
from filmfolio.films.access import Viewer
from filmfolio.films.models import Film
from filmfolio.films.record import directors_in
from filmfolio.films.selectors import director_prefetch

from .share import Shared, shared_for


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


def oembed_for(
    viewer: Viewer, url: str, allowed_hosts: set[str], *, max_size: tuple[int, int] = (0, 0)
) -> dict[str, Any] | None:
    """The oEmbed response for a film page the viewer may open, else None; ``max_size`` is
    the consumer's (maxwidth, maxheight), 0 for no limit."""
    slug = film_slug_from_url(url, allowed_hosts)
    if slug is None:
        return None
    film = (
        Film.objects.filter(slug=slug)
        .visible_to(viewer)
        .prefetch_related(director_prefetch())
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
    directors = directors_in(film.director_credits)
    if directors:
        data["author_name"] = ", ".join(p.display_name for p in directors)
        data["author_url"] = site + directors[0].get_absolute_url()
    shared = shared_for(film)
    data.update(_media(film, shared, max_size))
    return data


def fitted(size: tuple[int, int], max_size: tuple[int, int]) -> tuple[int, int]:
    """``size`` scaled down, keeping its ratio, to fit ``max_size`` (0: no limit)."""
    width, height = size
    scale = min(
        1.0,
        max_size[0] / width if max_size[0] > 0 else 1.0,
        max_size[1] / height if max_size[1] > 0 else 1.0,
    )
    return max(1, round(width * scale)), max(1, round(height * scale))


def _media(film: Film, shared: Shared, max_size: tuple[int, int]) -> dict[str, Any]:
    image = shared.image
    data: dict[str, Any] = {
        "thumbnail_url": image.url,
        "thumbnail_width": image.width,
        "thumbnail_height": image.height,
    }
    video = shared.video
    if video is None:
        return data
    width, height = fitted((video.width, video.height), max_size)
    html = format_html(
        '<iframe src="{}" width="{}" height="{}" title="{}" frameborder="0" '
        'allow="fullscreen; picture-in-picture" allowfullscreen></iframe>',
        video.embed_url,
        width,
        height,
        str(film),
    )
    return {**data, "type": "video", "html": str(html), "width": width, "height": height}
