"""Public pages of festivals: the index and the festival page."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import render

from filmfolio.films.access import ViewerRequest

from . import selectors


def index(request: ViewerRequest) -> HttpResponse:
    """Festivals listed for the viewer by name, paginated."""
    viewer = request.viewer
    page = selectors.festivals_page_for(viewer, page=request.GET.get("page"))
    return render(request, "festivals/index.html", {"page_obj": page})


def detail(request: ViewerRequest, slug: str) -> HttpResponse:
    """A festival: editions, sections, and the listed films selected and awarded."""
    page = selectors.festival_page_for(request.viewer, slug)
    if page is None:
        raise Http404
    return render(request, "festivals/detail.html", {"page": page, "festival": page.festival})
