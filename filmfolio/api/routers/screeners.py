"""Viewing reports and campaigns of a film's screener links, for the film's owners only
(``films.screener_access.can_see_viewing_reports``; everyone else gets the same 404 as for an
unknown film). Token or session auth.

Reports are read through ``sharing.reports_selectors``; a campaign is sent through
``sharing.campaigns.campaign_create`` (all or nothing, with change records); each recipient's
link address is in the answer of the request that made it, and in their e-mail, never again.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from filmfolio.films import screener_access
from filmfolio.films.models import Film
from filmfolio.sharing import campaigns, campaigns_lists, reports_selectors
from filmfolio.sharing.models import Campaign, Delivery, Watermark

from ..auth import WRITE_AUTH
from ..errors import WRITE_ERRORS, ApiError
from ..pagination import DEFAULT_LIMIT, MAX_LIMIT, paginate
from .edits import writer

router = Router(tags=["screeners"], auth=WRITE_AUTH)


class LinkReportOut(Schema):
    link_id: int
    recipient: str
    recipient_email: str
    recipient_organisation: str
    campaign_id: int | None
    opened: bool
    open_count: int
    plays: int
    furthest_seconds: float
    percent_watched: int | None
    watched_seconds: float
    last_viewed_at: datetime.datetime | None
    devices: list[str]


class LinkReportPage(Schema):
    items: list[LinkReportOut]
    next_cursor: str | None


class PageQuery(Schema):
    cursor: str | None = Field(None, max_length=500)
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT)


class CampaignOut(Schema):
    id: int
    name: str
    created_at: datetime.datetime
    link_count: int


class RecipientIn(Schema):
    name: str = Field(..., min_length=1, max_length=200)
    email: str = Field(..., min_length=3, max_length=254)
    organisation: str = Field("", max_length=200)
    language: str = Field("", max_length=16)


class CampaignIn(Schema):
    name: str = Field(..., min_length=1, max_length=200)
    recipients: list[RecipientIn] = Field(
        default_factory=list, max_length=campaigns_lists.MAX_RECIPIENTS
    )
    recipients_csv: str = Field(
        "",
        max_length=campaigns_lists.MAX_LIST_BYTES,
        description="name, e-mail, organisation, language",
    )
    expires_at: datetime.datetime | None = None
    not_before: datetime.datetime | None = None
    time_zone: str = Field("", max_length=64)
    max_plays: int | None = Field(None, ge=1, le=1000)
    delivery: Delivery = Delivery.STREAM
    watermark: Watermark = Watermark.OVERLAY
    password: str = Field("", max_length=128)
    confirmed: bool = False


class SentLinkOut(Schema):
    link_id: int
    recipient: str
    recipient_email: str
    url: str


class CampaignCreated(Schema):
    campaign: CampaignOut
    links: list[SentLinkOut]


def _owned_film(request: HttpRequest, slug: str) -> Film:
    """The film at ``slug`` if the caller may read its viewing reports, else a 404."""
    film = Film.objects.filter(slug=slug).first()
    if film is None or not screener_access.can_see_viewing_reports(writer(request), film):
        raise ApiError(404, "not_found", _("No film has this address."))
    return film


def _report_out(report: reports_selectors.LinkReport) -> dict[str, Any]:
    link = report.link
    return {
        "link_id": link.pk,
        "recipient": link.recipient,
        "recipient_email": link.recipient_email,
        "recipient_organisation": link.recipient_organisation,
        "campaign_id": link.campaign_id,
        "opened": report.opened,
        "open_count": link.open_count,
        "plays": report.plays,
        "furthest_seconds": report.furthest_seconds,
        "percent_watched": report.percent_watched,
        "watched_seconds": report.watched_seconds,
        "last_viewed_at": report.last_viewed_at,
        "devices": list(report.devices),
    }


def _campaign_out(campaign: Campaign, link_count: int) -> dict[str, Any]:
    return {
        "id": campaign.pk,
        "name": campaign.name,
        "created_at": campaign.created_at,
        "link_count": link_count,
    }


@router.get(
    "/films/{slug}/screener-reports",
    response={200: LinkReportPage, **WRITE_ERRORS},
    operation_id="films_screener_reports",
)
def screener_reports(request: HttpRequest, slug: str, query: Query[PageQuery]) -> Any:
    """Each screener link's viewing report, oldest link first."""
    film = _owned_film(request, slug)
    links, next_cursor = paginate(
        film.screener_links.all(), field="id", cursor=query.cursor, limit=query.limit
    )
    reports = reports_selectors.link_reports_for(links)
    return {"items": [_report_out(report) for report in reports], "next_cursor": next_cursor}


@router.get(
    "/films/{slug}/campaigns",
    response={200: list[CampaignOut], **WRITE_ERRORS},
    operation_id="films_campaigns_list",
)
def campaigns_list(request: HttpRequest, slug: str) -> Any:
    """The film's campaigns, newest first."""
    film = _owned_film(request, slug)
    return [
        _campaign_out(campaign, campaign.link_total)
        for campaign in reports_selectors.campaigns_for(film)
    ]


def _recipients(payload: CampaignIn) -> list[campaigns_lists.Recipient]:
    if payload.recipients_csv.strip():
        return campaigns_lists.parse_recipients(payload.recipients_csv)
    rows = "\n".join(
        ",".join(_quoted(value) for value in (r.name, r.email, r.organisation, r.language))
        for r in payload.recipients
    )
    return campaigns_lists.parse_recipients(rows)


def _quoted(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


@router.post(
    "/films/{slug}/campaigns",
    response={201: CampaignCreated, **WRITE_ERRORS},
    operation_id="films_campaigns_create",
)
def campaigns_create(request: HttpRequest, slug: str, payload: CampaignIn) -> Any:
    """Send a screener link to each recipient (a list, or CSV text): all or nothing."""
    film = _owned_film(request, slug)
    controls = campaigns.CampaignControls(
        expires_at=payload.expires_at,
        not_before=payload.not_before,
        time_zone=payload.time_zone,
        max_plays=payload.max_plays,
        delivery=payload.delivery,
        watermark=payload.watermark,
        password=payload.password,
        confirmed=payload.confirmed,
    )
    campaign, sent = campaigns.campaign_create(
        film=film,
        actor=writer(request).user,
        name=payload.name,
        recipients=_recipients(payload),
        controls=controls,
        base_url=request.build_absolute_uri("/"),
    )
    links = [
        {
            "link_id": item.link.pk,
            "recipient": item.link.recipient,
            "recipient_email": item.link.recipient_email,
            "url": item.url,
        }
        for item in sent
    ]
    return Status(201, {"campaign": _campaign_out(campaign, len(sent)), "links": links})


@router.get(
    "/films/{slug}/campaigns/{campaign_id}/report",
    response={200: list[LinkReportOut], **WRITE_ERRORS},
    operation_id="films_campaigns_report",
)
def campaign_report(request: HttpRequest, slug: str, campaign_id: int) -> Any:
    """Each recipient of a campaign: opened, plays, share watched, last viewing."""
    film = _owned_film(request, slug)
    campaign = film.campaigns.filter(pk=campaign_id).first()
    if campaign is None:
        raise ApiError(404, "not_found", _("No campaign has this address."))
    return [_report_out(report) for report in reports_selectors.campaign_reports_for(campaign)]
