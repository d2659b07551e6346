"""Public pages of festivals: the index and the festival page (composed here: the festival page
embeds the festival's JSON-LD from ``presskit`` and shows its films as cards with their posters;
the URLs keep the ``festivals`` namespace)."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import render

from filmfolio.festivals import selectors
from filmfolio.festivals.selectors import FestivalPage
from filmfolio.films.access import Viewer, ViewerRequest
from filmfolio.films.cards import attach_card_images


def index(request: ViewerRequest) -> HttpResponse:
    """Festivals listed for the viewer by name, paginated."""
    viewer = request.viewer
    page = selectors.festivals_page_for(viewer, page=request.GET.get("page"))
    return render(request, "festivals/index.html", {"page_obj": page})


def detail(request: ViewerRequest, slug: str) -> HttpResponse:
    """A festival: editions, sections, and the listed films selected and awarded."""
    page = festival_page_for(request.viewer, slug)
    if page is None:
        raise Http404
    return render(request, "festivals/detail.html", {"page": page, "festival": page.festival})


def festival_page_for(viewer: Viewer, slug: str) -> FestivalPage | None:
    """The festival page's content (``festivals.selectors``) with the posters of its films
    (one more query), or None when the viewer may not see the festival."""
    page = selectors.festival_page_for(viewer, slug)
    if page is not None:
        attach_card_images(
            entry.film for block in page.editions for entry in block.awarded + block.selected
        )
    return page
