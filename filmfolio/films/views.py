"""Public pages of films: the catalogue and the film page."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import render

from filmfolio.films import access
from filmfolio.films.access import ViewerRequest

from . import selectors
from .page_cache import film_page_html
from .panels import Visit


def index(request: ViewerRequest) -> HttpResponse:
    """The catalogue of listed films, paginated, sorted by ``?sort=year|-year|title``."""
    viewer = request.viewer
    sort = request.GET.get("sort")
    page = selectors.catalogue_page_for(viewer, sort=sort, page=request.GET.get("page"))
    context = {"page_obj": page, "sort": selectors.catalogue_sort(sort)}
    return render(request, "films/index.html", context)


def detail(request: ViewerRequest, slug: str) -> HttpResponse:
    """The film page (``films.page_cache``); 404 when the viewer may not know the film exists."""
    viewer = request.viewer
    found = selectors.film_access_for(viewer, slug)
    if found is None:
        raise Http404
    film, level = found
    if level == access.Access.PASSWORD_REQUIRED:
        context = {"film": film, "access": level, "viewer": viewer}
        return render(request, "films/password.html", context)
    return HttpResponse(film_page_html(Visit(request, viewer, film, level)))
