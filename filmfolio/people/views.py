"""Public pages of people: the index and the person page."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from filmfolio.sharing import access

from . import selectors


def index(request: HttpRequest) -> HttpResponse:
    """People credited on listed films, paginated."""
    viewer = access.viewer_for(request)
    page = selectors.people_page_for(viewer, page=request.GET.get("page"))
    return render(request, "people/index.html", {"page_obj": page})


def detail(request: HttpRequest, slug: str) -> HttpResponse:
    """A person: names, biography, credits on listed films and their awards."""
    page = selectors.person_page_for(access.viewer_for(request), slug)
    if page is None:
        raise Http404
    return render(request, "people/detail.html", {"page": page, "person": page.person})
