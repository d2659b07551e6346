"""The screener links of a film, for its owners: list them, create one with its controls (window,
play limit, delivery, watermark, password), change them after sending, and extend or revoke
several at once. Token or session auth.

Each write parses the body and calls one service of ``sharing.services`` or
``sharing.link_controls``, which checks that the caller owns the film, writes all or nothing and
records the change in the film's history. Times without an offset are read in the recipient's
time zone (``time_zone``; blank: the site's).
"""

from __future__ import annotations

import datetime
import zoneinfo
from dataclasses import asdict, replace
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from filmfolio.films.models import Film
from filmfolio.sharing import link_controls, services
from filmfolio.sharing.controls import LinkControls, controls_of, is_time_zone
from filmfolio.sharing.models import Delivery, Watermark

from ..auth import WRITE_AUTH
from ..errors import WRITE_ERRORS, ApiError
from ..selectors import film_for_edit
from .edits import writer

router = Router(tags=["screener links"], auth=WRITE_AUTH)


class ScreenerLinkOut(Schema):
    id: int
    recipient: str
    recipient_email: str
    recipient_organisation: str
    recipient_language: str
    time_zone: str
    not_before: datetime.datetime | None
    expires_at: datetime.datetime | None
    max_plays: int | None
    play_count: int
    delivery: Delivery
    watermark: Watermark
    has_password: bool
    revoked_at: datetime.datetime | None
    open_count: int
    last_opened_at: datetime.datetime | None
    created_at: datetime.datetime


class ScreenerLinkCreatedOut(ScreenerLinkOut):
    url: str = Field(..., description="the link's address; shown this once only")


class ScreenerLinkIn(Schema):
    recipient: str = Field(..., max_length=200)
    recipient_email: str = Field("", max_length=254)
    recipient_organisation: str = Field("", max_length=200)
    recipient_language: str = Field("", max_length=16)
    time_zone: str = Field("", max_length=64, description="IANA name, e.g. Europe/Paris")
    not_before: datetime.datetime | None = None
    expires_at: datetime.datetime | None = None
    max_plays: int | None = Field(None, ge=1, le=1000)
    delivery: Delivery = Delivery.STREAM
    watermark: Watermark = Watermark.OVERLAY
    password: str = Field("", max_length=128)
    confirmed: bool = False


class ScreenerLinkPatch(Schema):
    """Only the fields given change; ``password``: a new one, or "" to remove it."""

    recipient: str | None = Field(None, max_length=200)
    recipient_email: str | None = Field(None, max_length=254)
    recipient_organisation: str | None = Field(None, max_length=200)
    recipient_language: str | None = Field(None, max_length=16)
    time_zone: str | None = Field(None, max_length=64)
    not_before: datetime.datetime | None = None
    expires_at: datetime.datetime | None = None
    max_plays: int | None = Field(None, ge=1, le=1000)
    delivery: Delivery | None = None
    watermark: Watermark | None = None
    password: str | None = Field(None, max_length=128)


class LinksExtendIn(Schema):
    link_ids: list[int] = Field(..., max_length=500)
    days: int = Field(..., ge=1, le=365)


class LinksRevokeIn(Schema):
    link_ids: list[int] = Field(..., max_length=500)


class LinksChangedOut(Schema):
    changed: int


def _film(request: HttpRequest, slug: str) -> Film:
    film = film_for_edit(writer(request), slug)
    if film is None:
        raise ApiError(404, "not_found", _("No film has this address."))
    return film


def _placed(controls: LinkControls) -> LinkControls:
    """Times given without an offset are the recipient's wall-clock time."""
    name = controls.time_zone if is_time_zone(controls.time_zone) else settings.TIME_ZONE
    zone = zoneinfo.ZoneInfo(name)
    changes = {
        key: value.replace(tzinfo=zone)
        for key in ("not_before", "expires_at")
        if (value := getattr(controls, key)) is not None and value.tzinfo is None
    }
    return replace(controls, **changes)


@router.get(
    "/films/{slug}/screener-links",
    response={200: list[ScreenerLinkOut], **WRITE_ERRORS},
    operation_id="films_screener_links_list",
)
def links_list(request: HttpRequest, slug: str) -> Any:
    """Every screener link of the film, newest first (owners only)."""
    return link_controls.screener_links_for(film=_film(request, slug), actor=request.auth)  # type: ignore[attr-defined]


@router.post(
    "/films/{slug}/screener-links",
    response={201: ScreenerLinkCreatedOut, **WRITE_ERRORS},
    operation_id="films_screener_links_create",
)
def links_create(request: HttpRequest, slug: str, payload: ScreenerLinkIn) -> Any:
    """Create a link for one recipient with its controls; its address is in ``url``, once."""
    data = payload.dict()
    controls = LinkControls(**{key: data[key] for key in asdict(LinkControls())})
    link, token = services.screener_link_send(
        film=_film(request, slug),
        actor=request.auth,  # type: ignore[attr-defined]
        recipient=payload.recipient,
        password=payload.password,
        confirmed=payload.confirmed,
        controls=_placed(controls),
    )
    link.refresh_from_db()  # its times as stored, in UTC
    url = request.build_absolute_uri(reverse("sharing:link", kwargs={"token": token}))
    link.url = url  # type: ignore[attr-defined]  # shown once: only the digest is kept
    return Status(201, link)


@router.post(
    "/films/{slug}/screener-links/extend",
    response={200: LinksChangedOut, **WRITE_ERRORS},
    operation_id="films_screener_links_extend",
)
def links_extend(request: HttpRequest, slug: str, payload: LinksExtendIn) -> Any:
    """Move the expiry of the selected links later by ``days`` (all or none)."""
    changed = link_controls.screener_links_extend(
        film=_film(request, slug),
        actor=request.auth,  # type: ignore[attr-defined]
        link_ids=payload.link_ids,
        days=payload.days,
    )
    return {"changed": changed}


@router.post(
    "/films/{slug}/screener-links/revoke",
    response={200: LinksChangedOut, **WRITE_ERRORS},
    operation_id="films_screener_links_revoke",
)
def links_revoke(request: HttpRequest, slug: str, payload: LinksRevokeIn) -> Any:
    """Revoke the selected links at once (all or none)."""
    changed = link_controls.screener_links_revoke(
        film=_film(request, slug),
        actor=request.auth,  # type: ignore[attr-defined]
        link_ids=payload.link_ids,
    )
    return {"changed": changed}


@router.patch(
    "/films/{slug}/screener-links/{link_id}",
    response={200: ScreenerLinkOut, **WRITE_ERRORS},
    operation_id="films_screener_links_update",
)
def links_update(request: HttpRequest, slug: str, link_id: int, payload: ScreenerLinkPatch) -> Any:
    """Change a link's recipient, controls or password, also after it was sent."""
    film = _film(request, slug)
    actor = request.auth  # type: ignore[attr-defined]
    link = film.screener_links.filter(pk=link_id).first()
    if link is None:
        raise ApiError(404, "not_found", _("This screener link does not exist on this film."))
    given = payload.dict(exclude_unset=True)
    password = given.pop("password", None)
    recipient = given.pop("recipient", None) or link.recipient
    controls = _placed(replace(controls_of(link), **given))
    link = link_controls.screener_link_update(
        film=film, actor=actor, link_id=link.pk, recipient=recipient, controls=controls
    )
    if password is not None:
        link = link_controls.screener_link_set_password(
            film=film, actor=actor, link_id=link.pk, password=password
        )
    link.refresh_from_db()  # its times as stored, in UTC
    return link
