"""Pages of the festivals app (to be replaced by the full pages)."""

from django.http import HttpRequest, HttpResponse


def index(request: HttpRequest) -> HttpResponse:
    return HttpResponse("festivals")


def detail(request: HttpRequest, slug: str) -> HttpResponse:
    return HttpResponse(slug)
