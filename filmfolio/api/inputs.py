"""Shapes of the API's request bodies, with the limits the database has, so bad input is a
clear 422 and never a half-written record."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated

from ninja import Schema
from pydantic import Field, StringConstraints, field_validator

from filmfolio.core import vocab
from filmfolio.festivals.choices import EntryResult
from filmfolio.films.choices import ColorKind, FilmKind, TitleKind

Text = Annotated[str, StringConstraints(strip_whitespace=True)]
Slug = Annotated[str, StringConstraints(pattern=r"^[-a-zA-Z0-9_]+$", max_length=80)]
LanguageTag = Annotated[
    str, StringConstraints(pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$", max_length=16)
]


def _check_language(value: str | None) -> str | None:
    if value and not vocab.is_language_code(value):
        raise ValueError("unknown language code")
    return value


class FilmFields(Schema):
    """Facts of a film that the API can set; all optional on update."""

    year: int | None = Field(None, ge=1870, le=2100)
    completion_date: dt.date | None = None
    kind: FilmKind | None = None
    runtime_minutes: int | None = Field(None, ge=0, le=10000)
    budget_amount: Decimal | None = Field(None, ge=0, max_digits=16, decimal_places=2)
    budget_currency: str | None = Field(None, pattern=r"^([A-Z]{3})?$")
    budget_as_stated: str | None = Field(None, max_length=100)
    shooting_format: str | None = Field(None, max_length=100)
    sound: str | None = Field(None, max_length=100)
    aspect_ratio: str | None = Field(None, max_length=32)
    color: ColorKind | None = None
    is_first_time_filmmaker: bool | None = None
    is_student_project: bool | None = None

    @field_validator("budget_currency")
    @classmethod
    def _currency(cls, value: str | None) -> str | None:
        if value and value not in vocab.currency_codes():
            raise ValueError("unknown currency code")
        return value


class FilmCreate(FilmFields):
    title: str = Field(..., min_length=1, max_length=300, pattern=r"\S")
    slug: Slug | None = None


class FilmUpdate(FilmFields):
    title: str | None = Field(None, min_length=1, max_length=300, pattern=r"\S")


class TitleIn(Schema):
    text: str = Field(..., min_length=1, max_length=300, pattern=r"\S")
    kind: TitleKind
    language: LanguageTag | None = None
    position: int = Field(0, ge=0, le=32767)

    _lang = field_validator("language")(_check_language)


class TextIn(Schema):
    body: str = Field(..., min_length=1, max_length=20000, pattern=r"\S")


class CreditIn(Schema):
    """A credit: an existing person by ``person`` slug, or a new person by ``person_name``;
    neither for an uncredited contribution."""

    role: Slug
    person: Slug | None = None
    person_name: str | None = Field(None, min_length=1, max_length=200, pattern=r"\S")
    credited_as: str = Field("", max_length=120)
    character: str = Field("", max_length=200)
    description: str = Field("", max_length=5000)
    position: int = Field(0, ge=0, le=32767)


class EntryIn(Schema):
    """A festival entry; the edition is found or made from its number and year."""

    festival: Slug
    edition_number: int | None = Field(None, ge=1, le=1000)
    edition_year: int | None = Field(None, ge=1900, le=2100)
    section: str | None = Field(None, min_length=1, max_length=200, pattern=r"\S")
    award: str | None = Field(None, min_length=1, max_length=200, pattern=r"\S")
    result: EntryResult
    date: dt.date | None = None
    note: str = Field("", max_length=300)


__all__ = ["CreditIn", "EntryIn", "FilmCreate", "FilmUpdate", "TextIn", "TitleIn"]
