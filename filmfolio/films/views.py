"""Public pages of films: the catalogue and the film page."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from filmfolio.sharing import access

from . import selectors


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
    page = selectors.film_page_for(viewer, slug)
    if page is None:
        raise Http404
    context = {"page": page, "film": page.film, "access": page.access, "viewer": viewer}
    if page.access == access.Access.PASSWORD_REQUIRED:
        return render(request, "films/password.html", context)
    return render(request, "films/detail.html", context)
