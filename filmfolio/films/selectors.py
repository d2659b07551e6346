"""Page-shaped reads of films: the film page and the catalogue, each with a fixed query plan.

Visibility is decided by ``films.access``. Festival entries are declared by the festivals app
(to the right of films); they are reached through the reverse relation ``festival_entries``
without importing that app.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Model, Prefetch, QuerySet, prefetch_related_objects

from filmfolio.core.audit import changes_for
from filmfolio.films import access
from filmfolio.people.selectors import pick_by_language

from .choices import CompanyRole, CountryRole, LanguageRole, RoleCategory, TextKind
from .models import Credit, Film, FilmCompany, FilmText

CATALOGUE_PAGE_SIZE = 24
CATALOGUE_SORTS = {
    "title": ("title", "id"),
    "year": ("year", "title", "id"),
    "-year": ("-year", "title", "id"),
}
DEFAULT_SORT = "-year"


def related_model(model: type[Model], name: str) -> Any:
    """The model on the other side of relation ``name`` (reaches apps to the right without an
    import)."""
    return model._meta.get_field(name).related_model


@dataclass
class Group:
    """A heading (role, festival, category...) and its items, in order."""

    key: Any
    items: list[Any] = field(default_factory=list)


def group_by(items: Iterable[Any], key: Any) -> list[Group]:
    """Group consecutive-or-not items by ``key(item)`` keeping first-seen order."""
    groups: dict[Any, Group] = {}
    for item in items:
        k = key(item)
        groups.setdefault(k, Group(key=k)).items.append(item)
    return list(groups.values())


@dataclass
class FilmPage:
    """Everything the film page shows, already grouped."""

    film: Film
    access: access.Access
    other_titles: list[Any]
    credits_by_role: list[Group]
    directors: list[Any]
    entries_by_festival: list[Group]
    texts: dict[str, FilmText]
    biographies: list[Any]
    origin_countries: list[Any]
    filming_countries: list[Any]
    languages: list[Any]
    subtitles: list[Any]
    production_companies: list[FilmCompany]
    other_companies: list[FilmCompany]

    @property
    def description(self) -> str:
        """The logline, else the synopsis, for meta descriptions."""
        text = self.texts.get(TextKind.LOGLINE) or self.texts.get(TextKind.SYNOPSIS)
        return text.body if text else ""


def _entry_queryset() -> QuerySet:
    entry_model = related_model(Film, "festival_entries")
    return entry_model.objects.select_related("edition__festival", "section", "award").order_by(
        "edition__festival__name", "-edition__year", "-edition__number", "date", "id"
    )


def film_prefetches() -> list[Any]:
    """The prefetch plan of the film page: one query per relation."""
    return [
        "titles",
        "genres",
        "countries",
        "languages",
        "texts",
        "links",
        Prefetch("companies", queryset=FilmCompany.objects.select_related("organisation")),
        Prefetch(
            "credits",
            queryset=Credit.objects.select_related("person", "role").order_by(
                "role__position", "position", "id"
            ),
        ),
        "credits__person__biographies",
        Prefetch("festival_entries", queryset=_entry_queryset()),
    ]


# What the access check and the page cache key need; the rest of the row is loaded only when
# the page is rendered (``film_full_for``).
FILM_KEY_FIELDS = ("id", "slug", "title", "year", "visibility", "updated_at")


def film_access_for(viewer: access.Viewer, slug: str) -> tuple[Film, access.Access] | None:
    """The film (its key fields only) and what ``viewer`` may do with it, or None when the film
    does not exist or the viewer may not know it exists (one query, two for signed-in users)."""
    # Slugs are unique: no ORDER BY (it costs more to compile than the lookup costs to run).
    films = Film.objects.filter(slug=slug).order_by().only(*FILM_KEY_FIELDS)[:1]
    film = next(iter(films), None)
    if film is None:
        return None
    level = access.film_access(viewer, film)
    return None if level == access.Access.NONE else (film, level)


def film_full_for(film: Film) -> Film:
    """The whole row of a film found by ``film_access_for`` (one query), keeping what the access
    check cached on it."""
    full = Film.objects.get(pk=film.pk)
    roles = getattr(film, "_collaborator_roles", None)
    if roles is not None:
        full._collaborator_roles = roles  # type: ignore[attr-defined]
    return full


def film_page_for(film: Film, level: access.Access) -> FilmPage:
    """Everything the film page shows, loaded with the fixed prefetch plan (one query per
    relation). Call it only for a viewer with at least ``Access.VIEW``."""
    prefetch_related_objects([film], *film_prefetches())
    return _assemble(film, level)


def _assemble(film: Film, level: access.Access) -> FilmPage:
    credits = list(film.credits.all())
    directors = [c for c in credits if c.role.category == RoleCategory.DIRECTOR and c.person]
    countries = list(film.countries.all())
    languages = list(film.languages.all())
    companies = list(film.companies.all())
    production = (CompanyRole.PRODUCTION, CompanyRole.CO_PRODUCTION)
    return FilmPage(
        film=film,
        access=level,
        other_titles=[t for t in film.titles.all() if t.text != film.title],
        credits_by_role=group_by(credits, lambda c: c.role),
        directors=directors,
        entries_by_festival=group_by(film.festival_entries.all(), lambda e: e.edition.festival),
        texts=texts_by_kind(film.texts.all()),
        biographies=director_biographies(directors),
        origin_countries=[c for c in countries if c.role == CountryRole.ORIGIN],
        filming_countries=[c for c in countries if c.role == CountryRole.FILMING],
        languages=[x for x in languages if x.role == LanguageRole.ORIGINAL],
        subtitles=[x for x in languages if x.role == LanguageRole.SUBTITLE],
        production_companies=[c for c in companies if c.role in production],
        other_companies=[c for c in companies if c.role not in production],
    )


def texts_by_kind(texts: Iterable[FilmText]) -> dict[str, FilmText]:
    """One text per kind, in the active language when there is one."""
    return {
        group.key: pick_by_language(group.items)
        for group in group_by(texts, lambda t: t.kind)
        if group.key in TextKind.values
    }


def director_biographies(directors: Sequence[Credit]) -> list[tuple[Any, Any]]:
    """(person, biography) for each director who has one, in the active language if possible."""
    seen: set[int] = set()
    result = []
    for credit in directors:
        person = credit.person
        if person is None or person.pk in seen:
            continue
        seen.add(person.pk)
        bio = pick_by_language(person.biographies.all())
        if bio is not None:
            result.append((person, bio))
    return result


def catalogue_page_for(viewer: access.Viewer, *, sort: str | None, page: str | None) -> Page:
    """A page of listed films in the order ``sort`` (unknown values fall back to newest first);
    each film carries ``director_credits``."""
    order = CATALOGUE_SORTS.get(sort or "", CATALOGUE_SORTS[DEFAULT_SORT])
    films = (
        Film.objects.listed_for(viewer)
        .only("slug", "title", "year", "kind", "runtime_minutes", "visibility")
        .order_by(*order)
    )
    result = Paginator(films, CATALOGUE_PAGE_SIZE).get_page(page)
    result.object_list = list(result.object_list)
    prefetch_related_objects(result.object_list, director_prefetch())
    return result


def director_prefetch() -> Prefetch:
    """Directors of films in lists, as ``film.director_credits``."""
    return Prefetch(
        "credits",
        queryset=Credit.objects.filter(role__category=RoleCategory.DIRECTOR)
        .select_related("person")
        .order_by("role__position", "position", "id"),
        to_attr="director_credits",
    )


def catalogue_sort(sort: str | None) -> str:
    """The sort actually applied for the ``sort`` parameter."""
    return sort if sort in CATALOGUE_SORTS else DEFAULT_SORT


def recent_films_for(viewer: access.Viewer, *, limit: int = 12) -> list[Film]:
    """The most recently added listed films, for the home page."""
    films = list(Film.objects.listed_for(viewer).order_by("-created_at", "-id")[:limit])
    prefetch_related_objects(films, director_prefetch())
    return films


HISTORY_PAGE_SIZE = 50


def film_history_page_for(viewer: access.Viewer, film: Film, page_number: Any) -> Page:
    """One page of ``film``'s change records, newest first. Records whose details the viewer
    may not read (``access.history_details_visible``) keep who, when and what kind of change,
    with their fields and summary left out and ``details_withheld`` set."""
    page = Paginator(changes_for(film), HISTORY_PAGE_SIZE).get_page(page_number)
    withheld = {
        section
        for section in access.OWNER_ONLY_HISTORY_SECTIONS
        if not access.history_details_visible(viewer, film, section)
    }
    for record in page:
        if record.section in withheld:
            record.changes, record.summary = {}, ""
            record.details_withheld = True  # type: ignore[attr-defined]
    return page
