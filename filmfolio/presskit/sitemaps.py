"""``sitemap.xml``: the public pages — listed films (as an anonymous visitor sees them), the
people credited on them, and festivals."""

from __future__ import annotations

from typing import Any

from django.contrib.sitemaps import Sitemap
from django.db.models import Exists, OuterRef, QuerySet

from filmfolio.festivals.models import Festival
from filmfolio.films.models import Credit, Film
from filmfolio.people.models import Person
from filmfolio.sharing.access import Viewer, listed_films, listed_films_q


class FilmSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.8

    def items(self) -> QuerySet:
        return listed_films(Viewer.anonymous(), Film.objects.order_by("id"))

    def lastmod(self, item: Any) -> Any:
        return item.updated_at


class PersonSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self) -> QuerySet:
        credited = Credit.objects.filter(
            listed_films_q(Viewer.anonymous(), "film__"), person=OuterRef("pk")
        )
        return Person.objects.filter(Exists(credited)).order_by("id")

    def lastmod(self, item: Any) -> Any:
        return item.updated_at


class FestivalSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self) -> QuerySet:
        return Festival.objects.order_by("id")

    def lastmod(self, item: Any) -> Any:
        return item.updated_at


SITEMAPS = {"films": FilmSitemap, "people": PersonSitemap, "festivals": FestivalSitemap}
