"""The film record: Filmfolio's one exchange format for a whole film.

A record holds every fact of a film with its people, organisations and festival entries by
name, so it can travel between catalogues: ``filmfolio demo`` loads records, ``filmfolio import``
reads them from JSONL or CSV, ``filmfolio export`` writes them, the API accepts them. Values are
codes where our model stores codes (ISO 3166 countries, BCP 47 languages, ISO 4217 currencies,
role codes); validation messages name the field and say what is wrong in plain words.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import lru_cache
from typing import Annotated, Any

from django.utils.translation import gettext as _
from pydantic import BaseModel, ConfigDict, Field, field_validator

from filmfolio.accounts.choices import OrganisationKind
from filmfolio.core import vocab
from filmfolio.festivals.choices import EntryResult
from filmfolio.films.choices import (
    ColorKind,
    CompanyRole,
    CountryRole,
    FilmKind,
    LanguageRole,
    LinkKind,
    TextKind,
    TitleKind,
)
from filmfolio.people.choices import NameOrder, NameScript

from .validation_text import translated

Short = Annotated[str, Field(max_length=300)]
# The lengths of the columns these values are stored in (people and organisation names, genres).
PersonOrOrgName = Annotated[str, Field(max_length=200)]
GenreName = Annotated[str, Field(min_length=1, max_length=60)]


class _Record(BaseModel):
    # Lists and nested records use default factories: a plain mutable default is deep-copied
    # for every instance, which was most of the time of validating a large import.
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class TitleRecord(_Record):
    text: Short = Field(min_length=1)
    kind: TitleKind = TitleKind.ALTERNATIVE
    language: str = Field(default="", max_length=16)


class NameRecord(_Record):
    name: PersonOrOrgName = Field(min_length=1)
    script: NameScript = NameScript.LATIN
    order: NameOrder | None = None


class PersonRecord(_Record):
    name: PersonOrOrgName = Field(min_length=1, description="The display name.")
    slug: str | None = Field(default=None, max_length=80)
    names: list[NameRecord] = Field(default_factory=list)
    biographies: dict[str, str] = Field(default_factory=dict, description="Language code to text.")
    country: str = Field(default="", max_length=2)

    @field_validator("country")
    @classmethod
    def _country(cls, value: str) -> str:
        return _country_code(value) if value else ""


class CreditRecord(_Record):
    person: PersonRecord | None = None
    role: str = Field(min_length=1, max_length=120, description="A role code or label.")
    credited_as: str = Field(default="", max_length=120)
    character: str = Field(default="", max_length=200)
    description: str = ""


class CountryRecord(_Record):
    country: str
    role: CountryRole = CountryRole.ORIGIN

    @field_validator("country")
    @classmethod
    def _code(cls, value: str) -> str:
        return _country_code(value)


class LanguageRecord(_Record):
    language: str = Field(max_length=16)
    role: LanguageRole = LanguageRole.ORIGINAL
    label: str = Field(default="", max_length=100)

    @field_validator("language")
    @classmethod
    def _code(cls, value: str) -> str:
        if not _is_language_code(value):
            message = _("“%(value)s” is not a language code such as en, zh or zh-Hant.")
            raise ValueError(message % {"value": value})
        return value


class CompanyRecord(_Record):
    name: PersonOrOrgName = Field(min_length=1)
    kind: OrganisationKind = OrganisationKind.PRODUCTION_HOUSE
    role: CompanyRole = CompanyRole.PRODUCTION


class TextRecord(_Record):
    kind: TextKind
    language: str = Field(default="en", max_length=16)
    body: str = Field(min_length=1, max_length=50_000)


class LinkRecord(_Record):
    kind: LinkKind = LinkKind.OTHER
    url: str = Field(min_length=1, max_length=500, pattern=r"^https?://\S+$")
    label: str = Field(default="", max_length=200)


class FestivalEntryRecord(_Record):
    festival: Short = Field(min_length=1)
    festival_aliases: list[str] = Field(default_factory=list)
    edition: int | None = Field(default=None, ge=1, le=500)
    year: int | None = Field(default=None, ge=1900, le=2100)
    city: str = Field(default="", max_length=120)
    country: str = Field(default="", max_length=2)
    section: str | None = Field(default=None, max_length=200)
    award: str | None = Field(default=None, max_length=200)
    result: EntryResult = EntryResult.SELECTED
    date: dt.date | None = None

    @field_validator("country")
    @classmethod
    def _country(cls, value: str) -> str:
        return _country_code(value) if value else ""


class BudgetRecord(_Record):
    amount: Decimal | None = Field(default=None, ge=0, max_digits=16, decimal_places=2)
    currency: str = Field(default="", max_length=3)
    as_stated: str = Field(default="", max_length=100)

    @field_validator("currency")
    @classmethod
    def _currency(cls, value: str) -> str:
        if value and value.upper() not in vocab.currency_codes():
            message = _("“%(value)s” is not an ISO 4217 currency code such as USD or CNY.")
            raise ValueError(message % {"value": value})
        return value.upper()


class SpecsRecord(_Record):
    shooting_format: str = Field(default="", max_length=100)
    sound: str = Field(default="", max_length=100)
    aspect_ratio: str = Field(default="", max_length=32)
    color: ColorKind | None = None


class FilmRecord(_Record):
    """Every fact of one film. Only ``title`` is required."""

    slug: str | None = Field(default=None, max_length=80, pattern=r"^[-a-z0-9]+$")
    title: Short = Field(min_length=1)
    titles: list[TitleRecord] = Field(default_factory=list)
    year: int | None = Field(default=None, ge=1870, le=2100)
    completion_date: dt.date | None = None
    kind: FilmKind | None = None
    genres: list[GenreName] = Field(default_factory=list)
    runtime_minutes: int | None = Field(default=None, ge=1, le=10000)
    countries: list[CountryRecord] = Field(default_factory=list)
    languages: list[LanguageRecord] = Field(default_factory=list)
    budget: BudgetRecord | None = None
    specs: SpecsRecord = Field(default_factory=SpecsRecord)
    is_first_time_filmmaker: bool | None = None
    is_student_project: bool | None = None
    visibility: str = "private"
    texts: list[TextRecord] = Field(default_factory=list)
    links: list[LinkRecord] = Field(default_factory=list)
    companies: list[CompanyRecord] = Field(default_factory=list)
    credits: list[CreditRecord] = Field(default_factory=list)
    festivals: list[FestivalEntryRecord] = Field(default_factory=list)

    @field_validator("visibility")
    @classmethod
    def _visibility(cls, value: str) -> str:
        allowed = {"public", "unlisted", "private"}
        if value not in allowed:
            raise ValueError(_("visibility must be public, unlisted or private."))
        return value


@lru_cache(maxsize=4096)
def _is_language_code(value: str) -> bool:
    """Cached: asking CLDR parses a locale each time, and an import asks for every row."""
    return vocab.is_language_code(value)


def _country_code(value: str) -> str:
    code = value.strip().upper()
    if code not in vocab.country_codes():
        message = _("“%(value)s” is not a two-letter country code such as CN or FR.")
        raise ValueError(message % {"value": value})
    return code


def validation_messages(error: Any) -> dict[str, list[str]]:
    """Turn a pydantic ``ValidationError`` into {"field.path": [plain messages]}."""
    messages: dict[str, list[str]] = {}
    for item in error.errors():
        path = ".".join(str(part) for part in item["loc"]) or "record"
        messages.setdefault(path, []).append(translated(item))
    return messages
