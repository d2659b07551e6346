"""Reads for the API with fixed query plans; every film goes through ``films.access``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from filmfolio.festivals.choices import EntryResult
from filmfolio.festivals.models import Award, Edition, Entry, Festival, Section
from filmfolio.films.access import (
    Viewer,
    listed_films_q,
)
from filmfolio.films.choices import CountryRole, LanguageRole
from filmfolio.films.models import Credit, Film, FilmCountry, FilmLanguage
from filmfolio.people.models import Person


@dataclass(frozen=True)
class FilmFilters:
    """The catalogue's filters; empty values filter nothing."""

    kind: str | None = None
    genre: str | None = None
    country: str | None = None
    language: str | None = None
    subtitle: str | None = None
    year_min: int | None = None
    year_max: int | None = None
    runtime_min: int | None = None
    runtime_max: int | None = None
    festival: str | None = None
    awarded: bool | None = None


def _language_q(code: str, prefix: str = "") -> Q:
    """A BCP 47 prefix match: ``zh`` matches ``zh`` and ``zh-Hans``, not ``zha``."""
    return Q(**{f"{prefix}language__iexact": code}) | Q(
        **{f"{prefix}language__istartswith": f"{code}-"}
    )


def _exists(model: type, q: Q) -> Exists:
    return Exists(model.objects.filter(q, film=OuterRef("pk")))  # type: ignore[attr-defined]


def _filter_q(filters: FilmFilters) -> list[Any]:
    """The conditions of ``filters``; related facts go through EXISTS so rows never repeat."""
    return [*_fact_conditions(filters), *_range_conditions(filters), *_entry_conditions(filters)]


def _fact_conditions(f: FilmFilters) -> list[Any]:
    """Kind, genre, country of origin, original language and subtitles."""
    conds: list[Any] = []
    if f.kind:
        conds.append(Q(kind=f.kind))
    if f.genre:
        conds.append(
            Exists(Film.genres.through.objects.filter(film_id=OuterRef("pk"), genre__slug=f.genre))
        )
    if f.country:
        conds.append(_exists(FilmCountry, Q(country__iexact=f.country, role=CountryRole.ORIGIN)))
    if f.language:
        conds.append(_exists(FilmLanguage, _language_q(f.language) & Q(role=LanguageRole.ORIGINAL)))
    if f.subtitle:
        conds.append(_exists(FilmLanguage, _language_q(f.subtitle) & Q(role=LanguageRole.SUBTITLE)))
    return conds


def _range_conditions(f: FilmFilters) -> list[Any]:
    """The year and running-time bounds given."""
    return [
        Q(**{lookup: getattr(f, name)})
        for name, lookup in (
            ("year_min", "year__gte"),
            ("year_max", "year__lte"),
            ("runtime_min", "runtime_minutes__gte"),
            ("runtime_max", "runtime_minutes__lte"),
        )
        if getattr(f, name) is not None
    ]


def _entry_conditions(f: FilmFilters) -> list[Any]:
    """A festival the film was entered at; whether it won an award."""
    conds: list[Any] = []
    if f.festival:
        conds.append(_exists(Entry, Q(edition__festival__slug=f.festival)))
    if f.awarded is not None:
        awarded = _exists(Entry, Q(result__in=EntryResult.awarded()))
        conds.append(awarded if f.awarded else ~awarded)
    return conds


def film_list_for(viewer: Viewer, filters: FilmFilters) -> QuerySet:
    """Listed films matching ``filters``, with what a list row shows."""
    qs = Film.objects.listed_for(viewer).filter(*_filter_q(filters))
    return qs.prefetch_related(
        "genres", "countries", Prefetch("credits", queryset=_director_credits())
    )


def _director_credits() -> QuerySet:
    return Credit.objects.filter(role__category="director", person__isnull=False).select_related(
        "person", "role"
    )


def film_detail_for(viewer: Viewer) -> QuerySet:
    """Films whose page ``viewer`` may open, with everything the detail shows prefetched."""
    return Film.objects.visible_to(viewer).prefetch_related(
        "titles",
        "texts",
        "genres",
        "countries",
        "languages",
        "links",
        Prefetch("credits", queryset=Credit.objects.select_related("person", "role")),
        Prefetch("companies", queryset=_companies()),
        Prefetch(
            "festival_entries",
            queryset=Entry.objects.select_related("edition__festival", "section", "award"),
        ),
        "collaborators",
    )


def _companies() -> QuerySet:
    from filmfolio.films.models import FilmCompany

    return FilmCompany.objects.select_related("organisation")


def person_list_for(viewer: Viewer) -> QuerySet:
    """People credited on at least one film the viewer may see listed."""
    return Person.objects.listed_for(viewer)


def person_detail_for(viewer: Viewer) -> QuerySet:
    """People with their names, biographies, links and credits on listed films."""
    credits = (
        Credit.objects.filter(listed_films_q(viewer, "film__"))
        .select_related("film", "role")
        .order_by("-film__year", "film__title", "role__position")
    )
    return person_list_for(viewer).prefetch_related(
        "names", "biographies", "links", Prefetch("credits", queryset=credits)
    )


def festival_list_for(viewer: Viewer) -> QuerySet:
    """Festivals with an entry of a film the viewer may see listed."""
    return Festival.objects.listed_for(viewer)


def festival_detail_for(viewer: Viewer) -> QuerySet:
    """Festivals with the editions, sections, awards and entries of films the viewer may see
    listed."""
    entries = (
        Entry.objects.filter(listed_films_q(viewer, "film__"))
        .select_related("film", "section", "award")
        .order_by("film__title", "id")
    )
    editions = Edition.objects.listed_for(viewer).prefetch_related(
        Prefetch("sections", queryset=Section.objects.listed_for(viewer)),
        Prefetch("entries", queryset=entries),
    )
    return festival_list_for(viewer).prefetch_related(
        Prefetch("editions", queryset=editions),
        Prefetch("awards", queryset=Award.objects.listed_for(viewer)),
    )


def film_for_edit(viewer: Viewer, slug: str) -> Film | None:
    """The film at ``slug`` if the viewer may open it (the services check editing)."""
    return Film.objects.visible_to(viewer).filter(slug=slug).first()
