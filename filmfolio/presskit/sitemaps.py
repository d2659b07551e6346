"""``sitemap.xml``: the public pages — listed films (as an anonymous visitor sees them), the
people and festivals listed through them."""

from __future__ import annotations

from typing import Any

from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet

from filmfolio.festivals.models import Festival
from filmfolio.films.access import Viewer
from filmfolio.films.models import Film
from filmfolio.people.models import Person


class FilmSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.8

    def items(self) -> QuerySet:
        return Film.objects.order_by("id").listed_for(Viewer.anonymous())

    def lastmod(self, item: Any) -> Any:
        return item.updated_at


class PersonSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self) -> QuerySet:
        return Person.objects.order_by("id").listed_for(Viewer.anonymous())

    def lastmod(self, item: Any) -> Any:
        return item.updated_at


class FestivalSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self) -> QuerySet:
        return Festival.objects.order_by("id").listed_for(Viewer.anonymous())

    def lastmod(self, item: Any) -> Any:
        return item.updated_at


SITEMAPS = {"films": FilmSitemap, "people": PersonSitemap, "festivals": FestivalSitemap}
