"""A film with all its facts: ``FilmRecord``, read with one prefetch plan.

The film page, the API's film detail, JSON-LD, the press kit, citations (CSL, BibTeX) and the
record exports all read a film through this one object: the relations are loaded by
``record_prefetches()`` (one query per relation, whatever the number of credits or entries) and
what several readers need (directors, countries, languages and companies by role, texts by kind,
credits by role, festival entries by festival) is computed once, here.

Festival entries are declared by the festivals app, to the right of films: they are reached
through the reverse relation ``festival_entries``, prefetched by name with the queryset the
festivals app registers in ``RECORD_QUERYSETS`` (numbered in ``FESTIVAL_ORDER``), so films
imports nothing of it.

Build a record with ``films.selectors.film_record_for(film)`` (one film) or
``films.selectors.film_records(queryset)`` (many); ``record_from_prefetched`` turns a film
fetched with the plan into its record.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from django.db.models import F, Prefetch, QuerySet

from filmfolio.core.contributions import Registry
from filmfolio.people.selectors import pick_by_language

from .choices import CompanyRole, CountryRole, LanguageRole, TextKind
from .models import Credit, Film, FilmCompany

# The relations a record holds, each kept in a list attribute ``record_<name>`` by the plan
# (no related manager and queryset built per film and relation: exports read thousands).
RELATIONS = (
    "titles",
    "genres",
    "countries",
    "languages",
    "texts",
    "links",
    "companies",
    "credits",
    "festival_entries",
)
PRODUCTION_ROLES = (CompanyRole.PRODUCTION, CompanyRole.CO_PRODUCTION)
# The order the film page lists festival entries in (festival, newest edition first, date).
FESTIVAL_ORDER = (
    F("edition__festival__name").asc(),
    F("edition__year").desc(),
    F("edition__number").desc(),
    F("date").asc(),
    F("id").asc(),
)


@dataclass(frozen=True)
class RecordQueryset:
    """The queryset a record's relation ``key`` is prefetched with, contributed by the app that
    declares the relation (``festival_entries``: festivals). The festival entries' queryset
    annotates each entry with ``festival_order``, its place in ``FESTIVAL_ORDER``."""

    key: str
    queryset: Callable[[], QuerySet]
    order: int = 0


RECORD_QUERYSETS: Registry[RecordQueryset] = Registry("record_querysets")


def _attr(name: str) -> str:
    return f"record_{name}"


def record_prefetches() -> list[Prefetch]:
    """The one prefetch plan of a film's record: eleven queries for any number of films."""
    querysets: dict[str, QuerySet] = {
        "companies": FilmCompany.objects.select_related("organisation"),
        "credits": Credit.objects.select_related("person", "role").prefetch_related(
            "person__names", "person__biographies"
        ),
        **{part.key: part.queryset() for part in RECORD_QUERYSETS},
    }
    return [Prefetch(name, queryset=querysets.get(name), to_attr=_attr(name)) for name in RELATIONS]


@dataclass(frozen=True)
class Group:
    """A heading (a role, a festival) and its items, in order."""

    key: Any
    items: tuple[Any, ...]


def group_by(items: Iterable[Any], key: Any) -> tuple[Group, ...]:
    """Group items by ``key(item)``, groups in first-seen order, items in their order."""
    groups: dict[Any, list[Any]] = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    return tuple(Group(key=k, items=tuple(v)) for k, v in groups.items())


def _by(items: Iterable[Any], attr: str) -> Mapping[str, tuple[Any, ...]]:
    grouped: dict[str, list[Any]] = {}
    for item in items:
        grouped.setdefault(getattr(item, attr), []).append(item)
    return MappingProxyType({k: tuple(v) for k, v in grouped.items()})


def directing_credits(credits: Iterable[Credit]) -> tuple[Credit, ...]:
    """The credits of the film's directors (with a named person), in credit order."""
    return tuple(c for c in credits if c.person_id and c.is_directing)


def directors_in(credits: Iterable[Credit]) -> tuple[Any, ...]:
    """The directors of a film, each person once, in credit order, from its credits (all of
    them, or only the directing ones that ``films.selectors.director_prefetch`` loads)."""
    people: dict[Any, Any] = {}
    for credit in directing_credits(credits):
        people.setdefault(credit.person_id, credit.person)
    return tuple(people.values())


@dataclass(frozen=True)
class FilmRecord:
    """A film and every fact of its record, in their stored order, with the groupings that
    pages, the API, JSON-LD, the press kit, citations and exports share.

    Fields of the film's own row read through the record (``record.title`` is
    ``record.film.title``), so a record can stand where a film with its relations did."""

    film: Film
    titles: tuple[Any, ...]
    genres: tuple[Any, ...]
    countries: tuple[Any, ...]
    languages: tuple[Any, ...]
    texts: tuple[Any, ...]
    links: tuple[Any, ...]
    companies: tuple[Any, ...]
    credits: tuple[Any, ...]
    festival_entries: tuple[Any, ...]
    director_credits: tuple[Any, ...]
    directors: tuple[Any, ...]
    credits_by_role: tuple[Group, ...]
    entries_by_festival: tuple[Group, ...]
    countries_by_role: Mapping[str, tuple[Any, ...]]
    languages_by_role: Mapping[str, tuple[Any, ...]]
    texts_by_kind: Mapping[str, tuple[Any, ...]]

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name == "film":
            raise AttributeError(name)
        return getattr(self.film, name)

    @property
    def other_titles(self) -> list[Any]:
        """Titles other than the display title, in order."""
        return [t for t in self.titles if t.text != self.film.title]

    @property
    def origin_countries(self) -> tuple[Any, ...]:
        return self.countries_by_role.get(CountryRole.ORIGIN, ())

    @property
    def filming_countries(self) -> tuple[Any, ...]:
        return self.countries_by_role.get(CountryRole.FILMING, ())

    @property
    def spoken_languages(self) -> tuple[Any, ...]:
        return self.languages_by_role.get(LanguageRole.ORIGINAL, ())

    @property
    def subtitles(self) -> tuple[Any, ...]:
        return self.languages_by_role.get(LanguageRole.SUBTITLE, ())

    @property
    def production_companies(self) -> list[Any]:
        return [c for c in self.companies if c.role in PRODUCTION_ROLES]

    @property
    def other_companies(self) -> list[Any]:
        return [c for c in self.companies if c.role not in PRODUCTION_ROLES]

    @property
    def entries_in_festival_order(self) -> list[Any]:
        """Festival entries as the film page lists them (by festival, newest first)."""
        return [entry for group in self.entries_by_festival for entry in group.items]

    def text(self, kind: str, language: str | None = None) -> Any:
        """The text of ``kind`` in ``language`` (default: the active one), else the closest."""
        return pick_by_language(self.texts_by_kind.get(kind, ()), language)

    def texts_in(self, language: str | None = None) -> dict[str, Any]:
        """One text per kind, in ``language`` (default: the active one) or the closest."""
        return {kind: self.text(kind, language) for kind in TextKind.values if self.has(kind)}

    def has(self, kind: str) -> bool:
        return bool(self.texts_by_kind.get(kind))

    def description(self, language: str | None = None) -> str:
        """The logline, else the synopsis, for meta descriptions."""
        text = self.text(TextKind.LOGLINE, language) or self.text(TextKind.SYNOPSIS, language)
        return text.body if text else ""

    def director_biographies(self, language: str | None = None) -> list[tuple[Any, Any]]:
        """(person, biography) for each director who has one, in ``language`` if possible."""
        pairs = []
        for person in self.directors:
            biography = pick_by_language(person.biographies.all(), language)
            if biography is not None:
                pairs.append((person, biography))
        return pairs


def record_from_prefetched(film: Film) -> FilmRecord:
    """The record of a film fetched with ``record_prefetches()`` (no query)."""
    rows = {name: tuple(getattr(film, _attr(name))) for name in RELATIONS}
    directing = directing_credits(rows["credits"])
    in_page_order = sorted(rows["festival_entries"], key=lambda e: e.festival_order)
    return FilmRecord(
        film=film,
        **rows,
        director_credits=directing,
        directors=directors_in(directing),
        credits_by_role=group_by(rows["credits"], lambda c: c.role),
        entries_by_festival=group_by(in_page_order, lambda e: e.edition.festival),
        countries_by_role=_by(rows["countries"], "role"),
        languages_by_role=_by(rows["languages"], "role"),
        texts_by_kind=_by(rows["texts"], "kind"),
    )
