"""Public pages of films: the catalogue and the film page."""

from __future__ import annotations

import re

from django.contrib.messages import get_messages
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from filmfolio.films import access
from filmfolio.films.access import ViewerRequest
from filmfolio.films.changes import FILM_RECORD_FRAGMENTS, film_page_key, film_record_key

from . import selectors
from .models import Film

# The rendered film record is cached per film, last change and language for this long; owner
# tools and other viewer-dependent slots are rendered outside the cached fragments.
FILM_PAGE_CACHE_SECONDS = 60
RECORD_FRAGMENTS = FILM_RECORD_FRAGMENTS
# Whole pages cached for plain visitors keep this in place of their per-request CSRF token (an
# HTML comment: autoescaping and the JSON-LD escaping keep data from ever producing one).
TOKEN_SLOT = "<!--csrf-token-->"
CSRF_VALUE = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*(")')


def index(request: ViewerRequest) -> HttpResponse:
    """The catalogue of listed films, paginated, sorted by ``?sort=year|-year|title``."""
    viewer = request.viewer
    sort = request.GET.get("sort")
    page = selectors.catalogue_page_for(viewer, sort=sort, page=request.GET.get("page"))
    context = {"page_obj": page, "sort": selectors.catalogue_sort(sort)}
    return render(request, "films/index.html", context)


def detail(request: ViewerRequest, slug: str) -> HttpResponse:
    """The film page; 404 when the viewer may not know the film exists."""
    viewer = request.viewer
    found = selectors.film_access_for(viewer, slug)
    if found is None:
        raise Http404
    film, level = found
    context = {"film": film, "access": level, "viewer": viewer}
    if level == access.Access.PASSWORD_REQUIRED:
        return render(request, "films/password.html", context)
    page_key = plain_page_key(request, viewer, film)
    if page_key and (html := cache.get(page_key)) is not None:
        return HttpResponse(html.replace(TOKEN_SLOT, get_token(request)))
    context["film"] = film = selectors.film_full_for(film)
    context["record"] = record_fragments(film, level)
    response = render(request, "films/detail.html", context)
    if page_key:
        html = CSRF_VALUE.sub(rf"\g<1>{TOKEN_SLOT}\g<2>", response.content.decode())
        cache.set(page_key, html, FILM_PAGE_CACHE_SECONDS)
    return response


def plain_page_key(request: HttpRequest, viewer: access.Viewer, film: Film) -> str | None:
    """A cache key for the whole page when nothing on it depends on who asks: signed out, no
    screener or password grants, no query string, no messages waiting; else None."""
    if viewer.is_authenticated or viewer.granted_film_ids or request.GET:
        return None
    if len(get_messages(request)):
        return None
    return film_page_key(film.pk, film.updated_at, translation.get_language())


def record_fragments(film: Film, level: access.Access) -> dict[str, SafeString]:
    """The film record rendered in the active language: head tags (Open Graph, JSON-LD), the
    title block and the body. Cached; the key changes with every change to the film
    (``films.changes.film_changed``), which also drops the old one."""
    language = translation.get_language()
    keys = {
        name: film_record_key(film.pk, film.updated_at, language, name) for name in RECORD_FRAGMENTS
    }
    cached = cache.get_many(list(keys.values()))
    if len(cached) == len(keys):
        return {name: mark_safe(cached[key]) for name, key in keys.items()}
    context = {"film": film, "page": selectors.film_page_for(film, level)}
    rendered = {
        name: render_to_string(f"films/_record_{name}.html", context) for name in RECORD_FRAGMENTS
    }
    cache.set_many(
        {keys[name]: str(html) for name, html in rendered.items()}, FILM_PAGE_CACHE_SECONDS
    )
    return rendered
