"""Shapes of the API's responses (the input shapes are in ``inputs.py``)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from ninja import Field, Schema


class GenreOut(Schema):
    slug: str
    name_en: str
    name_zh: str


class PersonRef(Schema):
    slug: str
    display_name: str


class FilmSummary(Schema):
    """A film as lists show it."""

    slug: str
    title: str
    year: int | None
    kind: str
    runtime_minutes: int | None
    countries: list[str]
    genres: list[str]
    directors: list[PersonRef]
    url: str

    @staticmethod
    def resolve_countries(film: Any) -> list[str]:
        return [c.country for c in film.countries.all() if c.role == "origin"]

    @staticmethod
    def resolve_genres(film: Any) -> list[str]:
        return [g.slug for g in film.genres.all()]

    @staticmethod
    def resolve_directors(film: Any) -> list[Any]:
        return [c.person for c in film.director_credits if c.person is not None]

    @staticmethod
    def resolve_url(film: Any) -> str:
        return film.get_absolute_url()


class FilmPage(Schema):
    items: list[FilmSummary]
    next_cursor: str | None


class TitleOut(Schema):
    id: int
    text: str
    kind: str
    language: str
    position: int


class TextOut(Schema):
    kind: str
    language: str
    body: str


class CountryOut(Schema):
    country: str
    role: str
    name: str


class LanguageOut(Schema):
    language: str
    role: str
    label: str
    name: str


class LinkOut(Schema):
    kind: str
    url: str
    label: str


class CreditOut(Schema):
    id: int
    person: PersonRef | None
    role: str
    role_name: str
    role_category: str
    credited_as: str
    character: str
    description: str
    position: int

    @staticmethod
    def resolve_role(credit: Any) -> str:
        return credit.role.code

    @staticmethod
    def resolve_role_name(credit: Any) -> str:
        return credit.role.name

    @staticmethod
    def resolve_role_category(credit: Any) -> str:
        return credit.role.category


class CompanyOut(Schema):
    name: str
    slug: str
    role: str
    website: str

    @staticmethod
    def resolve_name(company: Any) -> str:
        return company.organisation.name

    @staticmethod
    def resolve_slug(company: Any) -> str:
        return company.organisation.slug

    @staticmethod
    def resolve_website(company: Any) -> str:
        return company.organisation.website


class EntryOut(Schema):
    id: int
    festival: str
    festival_slug: str
    edition_number: int | None
    edition_year: int | None
    section: str | None
    award: str | None
    result: str
    date: dt.date | None
    note: str
    evidence: str = Field(description="claimed, sourced or confirmed (by the festival)")
    evidence_url: str
    evidence_checked_on: dt.date | None
    evidence_notification: bool = Field(
        description="an uploaded notification backs it (the file goes to the film's editors only)"
    )
    confirmed_at: dt.datetime | None

    @staticmethod
    def resolve_festival(entry: Any) -> str:
        return entry.edition.festival.name

    @staticmethod
    def resolve_evidence_notification(entry: Any) -> bool:
        return bool(entry.evidence_file)

    @staticmethod
    def resolve_festival_slug(entry: Any) -> str:
        return entry.edition.festival.slug

    @staticmethod
    def resolve_edition_number(entry: Any) -> int | None:
        return entry.edition.number

    @staticmethod
    def resolve_edition_year(entry: Any) -> int | None:
        return entry.edition.year

    @staticmethod
    def resolve_section(entry: Any) -> str | None:
        return entry.section.name if entry.section else None

    @staticmethod
    def resolve_award(entry: Any) -> str | None:
        return entry.award.name if entry.award else None


class FilmDetail(Schema):
    """Everything the record holds about a film."""

    slug: str
    title: str
    year: int | None
    completion_date: dt.date | None
    kind: str
    runtime_minutes: int | None
    budget_amount: Decimal | None
    budget_currency: str
    budget_as_stated: str
    shooting_format: str
    sound: str
    aspect_ratio: str
    color: str
    is_first_time_filmmaker: bool | None
    is_student_project: bool | None
    visibility: str
    published_at: dt.datetime | None
    updated_at: dt.datetime
    url: str
    titles: list[TitleOut]
    texts: list[TextOut]
    genres: list[GenreOut]
    subjects: list[str]
    countries: list[CountryOut]
    languages: list[LanguageOut]
    credits: list[CreditOut]
    companies: list[CompanyOut]
    festival_entries: list[EntryOut]
    links: list[LinkOut]

    @staticmethod
    def resolve_url(film: Any) -> str:
        return film.get_absolute_url()


class PersonSummary(Schema):
    slug: str
    display_name: str
    country: str
    url: str

    @staticmethod
    def resolve_url(person: Any) -> str:
        return person.get_absolute_url()


class PersonPage(Schema):
    items: list[PersonSummary]
    next_cursor: str | None


class NameOut(Schema):
    name: str
    script: str
    order: str
    language: str


class BiographyOut(Schema):
    language: str
    body: str


class PersonCreditOut(Schema):
    film: str
    film_title: str
    year: int | None
    role: str
    credited_as: str

    @staticmethod
    def resolve_film(credit: Any) -> str:
        return credit.film.slug

    @staticmethod
    def resolve_film_title(credit: Any) -> str:
        return credit.film.title

    @staticmethod
    def resolve_year(credit: Any) -> int | None:
        return credit.film.year

    @staticmethod
    def resolve_role(credit: Any) -> str:
        return credit.role.code


class PersonDetail(PersonSummary):
    names: list[NameOut]
    biographies: list[BiographyOut]
    links: list[LinkOut]
    credits: list[PersonCreditOut]


class FestivalSummary(Schema):
    slug: str
    name: str
    country: str
    city: str
    url: str

    @staticmethod
    def resolve_url(festival: Any) -> str:
        return festival.get_absolute_url()


class FestivalPage(Schema):
    items: list[FestivalSummary]
    next_cursor: str | None


class SectionOut(Schema):
    name: str
    is_competitive: bool


class EditionEntryOut(Schema):
    film: str
    film_title: str
    section: str | None
    award: str | None
    result: str
    evidence: str = Field(description="claimed, sourced or confirmed (by the festival)")

    @staticmethod
    def resolve_film(entry: Any) -> str:
        return entry.film.slug

    @staticmethod
    def resolve_film_title(entry: Any) -> str:
        return entry.film.title

    @staticmethod
    def resolve_section(entry: Any) -> str | None:
        return entry.section.name if entry.section else None

    @staticmethod
    def resolve_award(entry: Any) -> str | None:
        return entry.award.name if entry.award else None


class EditionOut(Schema):
    number: int | None
    year: int | None
    starts_on: dt.date | None
    ends_on: dt.date | None
    city: str
    sections: list[SectionOut]
    entries: list[EditionEntryOut]


class FestivalDetail(FestivalSummary):
    aliases: list[str]
    website: str
    description: str
    editions: list[EditionOut]
    awards: list[str]

    @staticmethod
    def resolve_awards(festival: Any) -> list[str]:
        return [a.name for a in festival.awards.all()]
