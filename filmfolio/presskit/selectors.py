"""Reads for press kits and exports, with fixed query plans."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet

from filmfolio.festivals.models import Entry
from filmfolio.films.models import Credit, Film, FilmCompany
from filmfolio.films.querysets import FilmQuerySet
from filmfolio.people.models import PersonBiography


def film_presskit_for() -> FilmQuerySet:
    """Films with everything a press kit or an export shows, in a fixed number of queries."""
    credits: QuerySet = Credit.objects.select_related("person", "role").prefetch_related(
        "person__names",
        Prefetch("person__biographies", queryset=PersonBiography.objects.order_by("language")),
    )
    companies: QuerySet = FilmCompany.objects.select_related("organisation")
    entries: QuerySet = Entry.objects.select_related("edition__festival", "section", "award")
    lookups: list[Any] = [
        "titles",
        "texts",
        "genres",
        "countries",
        "languages",
        "links",
        Prefetch("credits", queryset=credits),
        Prefetch("companies", queryset=companies),
        Prefetch("festival_entries", queryset=entries),
    ]
    return Film.objects.prefetch_related(*lookups)
