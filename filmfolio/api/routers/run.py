"""Endpoints of a film's festival run, for its filmmakers: the caller's entries across their
films, one film's run, adding an entry (with its screener link), moving it to another status,
removing it. Reads and writes need a signed-in caller (token or session); who sees and changes
what comes from ``circuit.access``, the writes from ``circuit.services``.

A move or an entry that would break a pending festival's premiere is refused (422, field
``confirmed`` lists why) until it is sent again with ``confirmed: true``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status
from pydantic import Field, StrictBool

from filmfolio.circuit import access, services
from filmfolio.circuit.choices import Premiere, RunStatus
from filmfolio.circuit.models import RunEntry
from filmfolio.circuit.selectors import run_entries_for
from filmfolio.films.models import Film

from ..auth import WRITE_AUTH
from ..errors import WRITE_ERRORS, ApiError, body_fields
from ..inputs import Date, Int, Slug
from ..pagination import DEFAULT_LIMIT, MAX_LIMIT, paginate
from .edits import writer

router = Router(tags=["festival run"], auth=WRITE_AUTH)


class RunEntryOut(Schema):
    """One entry of a film's festival run."""

    id: int
    film: str = Field(description="The film's slug")
    festival: str
    festival_slug: str
    edition_number: int | None
    edition_year: int | None
    category: str
    deadline: dt.date | None
    fee_amount: Decimal | None
    fee_currency: str
    submitted_on: dt.date | None
    status: RunStatus
    notification_on: dt.date | None
    premiere: str
    premiere_territory: str
    notes: str
    screener_seen_at: dt.datetime | None = Field(
        description="When the festival first opened the entry's screener link"
    )
    public_entry_id: int | None = Field(
        description="The film's public festival entry this one shows as"
    )

    @staticmethod
    def resolve_film(entry: RunEntry) -> str:
        return entry.film.slug

    @staticmethod
    def resolve_festival(entry: RunEntry) -> str:
        return entry.edition.festival.name

    @staticmethod
    def resolve_festival_slug(entry: RunEntry) -> str:
        return entry.edition.festival.slug

    @staticmethod
    def resolve_edition_number(entry: RunEntry) -> int | None:
        return entry.edition.number

    @staticmethod
    def resolve_edition_year(entry: RunEntry) -> int | None:
        return entry.edition.year

    @staticmethod
    def resolve_screener_seen_at(entry: RunEntry) -> dt.datetime | None:
        return entry.seen_at


class RunEntryCreated(RunEntryOut):
    screener_url: str = Field(
        "", description="The new screener link's address, given only in this answer"
    )


class RunEntryPage(Schema):
    items: list[RunEntryOut]
    next_cursor: str | None


class RunEntryIn(Schema):
    """A new entry; the edition is found or made from the festival and its number or year."""

    festival: Slug | None = Field(None, description="Slug of an existing festival")
    new_festival_name: str = Field("", max_length=300)
    edition_number: Int | None = Field(None, ge=1, le=1000)
    edition_year: Int | None = Field(None, ge=1900, le=2100)
    category: str = Field("", max_length=200)
    deadline: Date | None = None
    fee_amount: Decimal | None = Field(None, ge=0, max_digits=10, decimal_places=2)
    fee_currency: str = Field("", max_length=3, description="ISO 4217 code")
    submitted_on: Date | None = None
    notification_on: Date | None = None
    status: RunStatus = RunStatus.PLANNED
    premiere: Premiere | None = None
    premiere_territory: str = Field("", max_length=2, description="ISO 3166-1 code")
    notes: str = Field("", max_length=4000)
    make_screener: StrictBool = False
    confirmed: StrictBool = False


class StatusIn(Schema):
    status: RunStatus
    confirmed: StrictBool = False


class RunListQuery(Schema):
    status: RunStatus | None = None
    cursor: str | None = Field(None, max_length=500)
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT)


def _run_film(request: HttpRequest, slug: str) -> Film:
    """The film at ``slug`` if the caller may see its run, else a 404."""
    film = Film.objects.filter(slug=slug).first()
    if film is None or not access.can_see_run(writer(request), film):
        raise ApiError(404, "not_found", _("No film has this address."))
    return film


def _entry(film: Film, entry_id: int) -> RunEntry:
    entry = run_entries_for_film(film).filter(pk=entry_id).first()
    if entry is None:
        raise ApiError(404, "not_found", _("No entry has this address."))
    return entry


def run_entries_for_film(film: Film) -> Any:
    return RunEntry.objects.filter(film=film).select_related(
        "film", "edition__festival", "screener_link"
    )


@router.get("/run-entries", response={200: RunEntryPage, **WRITE_ERRORS}, operation_id="run_list")
def run_list(request: HttpRequest, query: Query[RunListQuery]) -> dict:
    """The entries of every film the caller works on, by deadline."""
    entries = run_entries_for(writer(request))
    if query.status:
        entries = entries.filter(status=query.status)
    items, next_cursor = paginate(entries, field="id", cursor=query.cursor, limit=query.limit)
    return {"items": items, "next_cursor": next_cursor}


@router.get(
    "/films/{slug}/run-entries",
    response={200: list[RunEntryOut], **WRITE_ERRORS},
    operation_id="films_run_list",
)
def films_run_list(request: HttpRequest, slug: str) -> Any:
    """One film's festival run (its collaborators only)."""
    return list(run_entries_for_film(_run_film(request, slug)))


@router.post(
    "/films/{slug}/run-entries",
    response={201: RunEntryCreated, **WRITE_ERRORS},
    operation_id="films_run_create",
)
def films_run_create(request: HttpRequest, slug: str, payload: RunEntryIn) -> Any:
    """Add an entry to a film's festival run (its editors; the screener link: its owners)."""
    viewer = writer(request)
    film = _run_film(request, slug)
    data = payload.model_dump()
    draft = services.RunEntryDraft(
        festival=data.pop("festival"),
        year=data.pop("edition_year"),
        number=data.pop("edition_number"),
        premiere=data.pop("premiere") or "",
        **{key: value for key, value in data.items() if key != "confirmed"},
    )
    with body_fields({"year": "edition_year", "number": "edition_number"}):
        entry, token = services.run_entry_add(
            film=film, actor=viewer.user, draft=draft, confirmed=payload.confirmed
        )
    created = run_entries_for_film(film).get(pk=entry.pk)
    url = request.build_absolute_uri(reverse("sharing:link", kwargs={"token": token}))
    created.screener_url = url if token else ""  # type: ignore[attr-defined]
    return Status(201, created)


@router.post(
    "/films/{slug}/run-entries/{entry_id}/status",
    response={200: RunEntryOut, **WRITE_ERRORS},
    operation_id="films_run_status",
)
def films_run_status(request: HttpRequest, slug: str, entry_id: int, payload: StatusIn) -> Any:
    """Move an entry to another status (planned → submitted → in consideration → selected or
    not selected → awarded; withdrawn from any open status)."""
    viewer = writer(request)
    entry = _entry(_run_film(request, slug), entry_id)
    services.run_entry_set_status(
        entry=entry, actor=viewer.user, status=payload.status, confirmed=payload.confirmed
    )
    return entry


@router.delete(
    "/films/{slug}/run-entries/{entry_id}",
    response={204: None, **WRITE_ERRORS},
    operation_id="films_run_delete",
)
def films_run_delete(request: HttpRequest, slug: str, entry_id: int) -> Any:
    """Remove an entry from the run."""
    viewer = writer(request)
    services.run_entry_remove(entry=_entry(_run_film(request, slug), entry_id), actor=viewer.user)
    return Status(204, None)
