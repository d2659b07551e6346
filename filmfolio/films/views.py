"""Public pages of films: the catalogue and the film page."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import render

from filmfolio.films import access
from filmfolio.films.access import ViewerRequest

from . import selectors
from .catalogue import catalogue_for
from .page_cache import film_page_html
from .panels import Visit


def index(request: ViewerRequest) -> HttpResponse:
    """The catalogue of listed films as cards, sorted by ``?sort=year|-year|title``, filtered
    by the search facets (``films.catalogue``), paginated."""
    catalogue = catalogue_for(request.viewer, request.GET)
    context = {"catalogue": catalogue, "page_obj": catalogue.page, "sort": catalogue.sort}
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
