"""Benchmark-only URLs: the product's URLs plus ``/bench/bare/``, a view running one query.

The bare view is the yardstick: the same middleware, server and database as the pages, and
nothing else, so the ratio page/bare shows what the page itself costs.
"""

from django.http import HttpRequest, HttpResponse
from django.urls import include, path

from filmfolio.films.models import Film


def bare(request: HttpRequest) -> HttpResponse:
    """One query, a tiny response."""
    title = Film.objects.filter(pk=1).values_list("title", flat=True).first()
    return HttpResponse(title or "", content_type="text/plain; charset=utf-8")


urlpatterns = [
    path("bench/bare/", bare),
    path("", include("config.urls")),
]
