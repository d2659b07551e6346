"""Pages of the people app (to be replaced by the full pages)."""

from django.http import HttpRequest, HttpResponse


def index(request: HttpRequest) -> HttpResponse:
    return HttpResponse("people")


def detail(request: HttpRequest, slug: str) -> HttpResponse:
    return HttpResponse(slug)
