"""Pages of the films app (to be replaced by the full pages)."""

from django.http import HttpRequest, HttpResponse


def index(request: HttpRequest) -> HttpResponse:
    return HttpResponse("films")


def detail(request: HttpRequest, slug: str) -> HttpResponse:
    return HttpResponse(slug)
