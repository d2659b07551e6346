"""Home page and the error pages of the site."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from filmfolio.films import selectors as film_selectors
from filmfolio.sharing import access


def home(request: HttpRequest) -> HttpResponse:
    """The most recently added listed films."""
    films = film_selectors.recent_films_for(access.viewer_for(request))
    return render(request, "web/home.html", {"films": films})
