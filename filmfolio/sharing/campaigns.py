"""Campaigns: screener links to many recipients at once, all or nothing.

``campaign_create`` makes the campaign and, for each recipient of the list
(``campaigns_lists``), a screener link of their own through ``services.screener_link_create``
(the one way a link is made, with its change record), carrying the campaign's shared controls.
Once the transaction commits, each recipient gets an e-mail with their link in their language
(English or Simplified Chinese; any other language gets English). A refused recipient, control
or premiere warning refuses the whole campaign: nothing is created and nothing is sent.
"""

from __future__ import annotations

import datetime
import zoneinfo
from dataclasses import dataclass
from functools import partial
from typing import Any

from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from filmfolio.core.audit import ChangeNote
from filmfolio.core.choices import AuditAction, AuditSection
from filmfolio.core.errors import ValidationFailedError
from filmfolio.core.site import site_url
from filmfolio.films.changes import film_changed
from filmfolio.films.services import require_own

from . import services
from .campaigns_lists import Recipient
from .controls import LinkControls
from .models import Campaign, Delivery, ScreenerLink, Watermark

EMAIL_LANGUAGES = ("en", "zh-hans")


@dataclass(frozen=True)
class CampaignControls:
    """What every link of a campaign shares (all changeable per link afterwards)."""

    expires_at: datetime.datetime | None = None
    not_before: datetime.datetime | None = None
    time_zone: str = ""
    max_plays: int | None = None
    delivery: str = Delivery.STREAM
    watermark: str = Watermark.OVERLAY
    password: str = ""
    confirmed: bool = False


@dataclass(frozen=True)
class SentLink:
    """One recipient's new link and its address (shown once, e-mailed once)."""

    link: ScreenerLink
    url: str


def _control_errors(name: str, controls: CampaignControls) -> dict[str, list[str]]:
    errors = _choice_errors(controls)
    if not name.strip() or len(name.strip()) > 200:
        errors["name"] = [_("Name the campaign in at most 200 characters.")]
    window = controls.not_before, controls.expires_at
    if window[0] is not None and window[1] is not None and window[0] >= window[1]:
        errors["not_before"] = [_("The link must open before it expires.")]
    return errors


def _choice_errors(controls: CampaignControls) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if controls.time_zone and controls.time_zone not in zoneinfo.available_timezones():
        errors["time_zone"] = [_("Choose a time zone such as Asia/Shanghai or Europe/Paris.")]
    if controls.max_plays is not None and not 1 <= controls.max_plays <= 1000:
        errors["max_plays"] = [_("Allow between 1 and 1000 plays, or leave it empty.")]
    if controls.delivery not in Delivery.values:
        errors["delivery"] = [_("Choose how the film is delivered.")]
    if controls.watermark not in Watermark.values:
        errors["watermark"] = [_("Choose a watermark.")]
    return errors


def email_language(language: str) -> str:
    """The language of a recipient's e-mail: theirs when the site writes it, else English."""
    code = language.lower().replace("_", "-")
    if code in ("zh", "zh-cn", "zh-sg", "zh-hans", "zh-hans-cn"):
        return "zh-hans"
    return code if code in EMAIL_LANGUAGES else "en"


def campaign_create(
    *,
    film: Any,
    actor: Any,
    name: str,
    recipients: list[Recipient],
    controls: CampaignControls,
    base_url: str = "",
) -> tuple[Campaign, list[SentLink]]:
    """Create a campaign of ``film`` with one screener link per recipient and e-mail each one
    their link (after commit). Refuses the whole campaign, creating nothing, on any bad
    control, an empty list or a premiere warning (``ExposureNotConfirmedError``)."""
    require_own(film=film, actor=actor)
    errors = _control_errors(name, controls)
    if not recipients:
        errors["recipients"] = [_("The list names no recipients.")]
    if errors:
        raise ValidationFailedError(_("Nothing was sent: correct the errors below."), errors=errors)
    root = (base_url or site_url()).rstrip("/")
    with transaction.atomic():
        campaign = Campaign.objects.create(film=film, name=name.strip(), created_by=actor)
        sent = [_link_for(campaign, actor, recipient, controls, root) for recipient in recipients]
        film_changed(
            film,
            ChangeNote(
                actor=actor,
                action=AuditAction.ADD,
                section=AuditSection.SCREENER_LINKS,
                changes={
                    "campaign": {"old": None, "new": f"{campaign.name} ({len(sent)})"},
                },
            ),
        )
        for item in sent:
            transaction.on_commit(partial(_send, film, item))
    return campaign, sent


def _link_for(
    campaign: Campaign, actor: Any, recipient: Recipient, controls: CampaignControls, root: str
) -> SentLink:
    """One recipient's link, made by the link service, then given the campaign's controls."""
    expires_at = controls.expires_at
    if expires_at is not None and expires_at <= timezone.now():
        raise ValidationFailedError(
            _("The expiry must be in the future."),
            errors={"expires_at": [_("The expiry must be in the future.")]},
        )
    link, token = services.screener_link_send(
        film=campaign.film,
        actor=actor,
        recipient=recipient.name,
        controls=LinkControls(
            recipient_email=recipient.email,
            recipient_organisation=recipient.organisation,
            recipient_language=recipient.language,
            time_zone=controls.time_zone,
            not_before=controls.not_before,
            expires_at=expires_at,
            max_plays=controls.max_plays,
            delivery=controls.delivery,
            watermark=controls.watermark,
        ),
        password=controls.password,
        confirmed=controls.confirmed,
    )
    link.campaign = campaign
    link.save(update_fields=["campaign", "updated_at"])
    url = root + reverse("sharing:link", kwargs={"token": token})
    return SentLink(link=link, url=url)


def _send(film: Any, item: SentLink) -> None:
    """E-mail one recipient their link, in their language."""
    link = item.link
    with translation.override(email_language(link.recipient_language)):
        context = {"film": film, "link": link, "url": item.url}
        subject = _("A private screener of %(title)s") % {"title": film.title}
        body = render_to_string("sharing/campaign_email.txt", context)
    send_mail(subject=subject, message=body, from_email=None, recipient_list=[link.recipient_email])
