"""Public pages of films: the catalogue and the film page."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.functional import SimpleLazyObject

from filmfolio.sharing import access

from . import selectors

# The rendered film record is cached per film, last change and language for this long; owner
# tools and other viewer-dependent slots are rendered outside the cached fragments.
FILM_PAGE_CACHE_SECONDS = 60


def index(request: HttpRequest) -> HttpResponse:
    """The catalogue of listed films, paginated, sorted by ``?sort=year|-year|title``."""
    viewer = access.viewer_for(request)
    sort = request.GET.get("sort")
    page = selectors.catalogue_page_for(viewer, sort=sort, page=request.GET.get("page"))
    context = {"page_obj": page, "sort": selectors.catalogue_sort(sort)}
    return render(request, "films/index.html", context)


def detail(request: HttpRequest, slug: str) -> HttpResponse:
    """The film page; 404 when the viewer may not know the film exists."""
    viewer = access.viewer_for(request)
    found = selectors.film_access_for(viewer, slug)
    if found is None:
        raise Http404
    film, level = found
    context = {"film": film, "access": level, "viewer": viewer}
    if level == access.Access.PASSWORD_REQUIRED:
        return render(request, "films/password.html", context)
    # Loaded only when a cached fragment is missing.
    context["page"] = SimpleLazyObject(lambda: selectors.film_page_for(film, level))
    context["cache_seconds"] = FILM_PAGE_CACHE_SECONDS
    return render(request, "films/detail.html", context)
