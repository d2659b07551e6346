"""Shapes of the API's request bodies, with the limits the database has, so bad input is a
clear 422 and never a half-written record."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StringConstraints,
    field_validator,
)

from filmfolio.core import vocab
from filmfolio.festivals.choices import EntryEvidence, EntryResult
from filmfolio.films.choices import ColorKind, FilmKind, TitleKind, Visibility

Text = Annotated[str, StringConstraints(strip_whitespace=True)]
Slug = Annotated[str, StringConstraints(pattern=r"^[-a-zA-Z0-9_]+$", max_length=80)]
LanguageTag = Annotated[
    str, StringConstraints(pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$", max_length=16)
]


def _json_int(value: Any) -> Any:
    """JSON integers only: refuse booleans and strings that lax parsing would turn into ints."""
    if isinstance(value, bool | str):
        raise ValueError("must be an integer")
    return value


def _json_date(value: Any) -> Any:
    """Dates only as ``YYYY-MM-DD`` strings (not timestamps)."""
    if not isinstance(value, str | dt.date):
        raise ValueError("must be a date as YYYY-MM-DD")
    return value


Int = Annotated[int, BeforeValidator(_json_int)]
Date = Annotated[dt.date, BeforeValidator(_json_date)]


class Schema(BaseModel):
    """Request bodies are plain JSON objects; unknown fields are refused, not ignored."""

    model_config = ConfigDict(extra="forbid")


def _check_language(value: str | None) -> str | None:
    if value and not vocab.is_language_code(value):
        raise ValueError("unknown language code")
    return value


class FilmFields(Schema):
    """Facts of a film that the API can set; all optional on update."""

    year: Int | None = Field(None, ge=1870, le=2100)
    completion_date: Date | None = None
    kind: FilmKind | None = None
    runtime_minutes: Int | None = Field(None, ge=0, le=10000)
    budget_amount: Decimal | None = Field(None, ge=0, max_digits=16, decimal_places=2)
    budget_currency: str | None = Field(None, pattern=r"^([A-Z]{3})?$")
    budget_as_stated: str | None = Field(None, max_length=100)
    shooting_format: str | None = Field(None, max_length=100)
    sound: str | None = Field(None, max_length=100)
    aspect_ratio: str | None = Field(None, max_length=32)
    color: ColorKind | None = None
    is_first_time_filmmaker: StrictBool | None = None
    is_student_project: StrictBool | None = None

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
    # Optional but never null: a film always has a title.
    title: str = Field(None, min_length=1, max_length=300, pattern=r"\S")  # type: ignore[assignment]
    visibility: Visibility = Field(  # type: ignore[assignment]
        None,
        description="Who sees the film (owners only). The first time it becomes public it gets "
        "its publication date (published_at), kept ever after.",
    )
    confirmed: StrictBool = Field(
        False,
        description="Make the film public even though it breaks a pending festival's premiere "
        "condition (without it such a change is refused with the reasons under `confirmed`).",
    )
    # Optional but never null: an empty list clears the subjects.
    subjects: list[str] = Field(
        None,  # type: ignore[arg-type]
        max_length=200,
        description='What the film is about: keywords such as "migrant workers" or "童年", '
        "replacing the ones it had (at most 20 of at most 60 characters, each once; "
        "blanks dropped). Search finds the film by them.",
    )


class TitleIn(Schema):
    text: str = Field(..., min_length=1, max_length=300, pattern=r"\S")
    kind: TitleKind
    language: LanguageTag | None = None
    position: Int = Field(0, ge=0, le=32767)

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
    position: Int = Field(0, ge=0, le=32767)


class EntryIn(Schema):
    """A festival entry; the edition is found or made from its number and year."""

    festival: Slug
    edition_number: Int | None = Field(None, ge=1, le=1000)
    edition_year: Int | None = Field(None, ge=1900, le=2100)
    section: str | None = Field(None, min_length=1, max_length=200, pattern=r"\S")
    award: str | None = Field(None, min_length=1, max_length=200, pattern=r"\S")
    result: EntryResult
    date: Date | None = None
    note: str = Field("", max_length=300)
    evidence: EntryEvidence = Field(
        EntryEvidence.CLAIMED,
        description="claimed or sourced; confirmed is set only by the festival's decision",
    )
    evidence_url: str = Field("", max_length=500)
    evidence_checked_on: Date | None = None


__all__ = ["CreditIn", "EntryIn", "FilmCreate", "FilmUpdate", "TextIn", "TitleIn"]
