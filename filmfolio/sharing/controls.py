"""The controls of a screener link, as values: who it is for, when it opens and closes (in the
recipient's time zone), how many plays it allows, whether its recipient may download a copy, and
how the picture is watermarked. Checked here once for the studio, the API and the services.

The window is ``[not_before, expires_at)``; both are stored in UTC and shown and entered in the
recipient's time zone (an IANA name such as ``Europe/Paris``; blank: the site's).
"""

from __future__ import annotations

import datetime
import functools
import zoneinfo
from dataclasses import dataclass, fields
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import formats
from django.utils.translation import gettext as _

from .models import Delivery, ScreenerLink, Watermark

MAX_PLAYS_LIMIT = 1000


@dataclass(frozen=True)
class LinkControls:
    """Everything about a link its owner may set at creation and change after sending."""

    recipient_email: str = ""
    recipient_organisation: str = ""
    recipient_language: str = ""
    time_zone: str = ""
    not_before: datetime.datetime | None = None
    expires_at: datetime.datetime | None = None
    max_plays: int | None = None
    delivery: str = Delivery.STREAM
    watermark: str = Watermark.OVERLAY


CONTROL_FIELDS = tuple(field.name for field in fields(LinkControls))


def controls_of(link: ScreenerLink) -> LinkControls:
    """The controls a link has now."""
    return LinkControls(**{name: getattr(link, name) for name in CONTROL_FIELDS})


@functools.cache
def _zone_names() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def is_time_zone(name: str) -> bool:
    """Is ``name`` an IANA time zone this system knows (``Asia/Shanghai``)?"""
    return name in _zone_names()


def zone_of(link: Any) -> zoneinfo.ZoneInfo:
    """The time zone a link's window is shown in: the recipient's, else the site's."""
    name = link.time_zone if link.time_zone and is_time_zone(link.time_zone) else ""
    return zoneinfo.ZoneInfo(name or settings.TIME_ZONE)


def in_zone(moment: datetime.datetime | None, zone: zoneinfo.ZoneInfo) -> str:
    """``moment`` as the recipient reads it: "Dec. 8, 2026, 10 a.m. (Europe/Paris)"."""
    if moment is None:
        return ""
    local = moment.astimezone(zone)
    return f"{formats.date_format(local, 'DATETIME_FORMAT')} ({zone.key})"


def _recipient_errors(controls: LinkControls) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if controls.recipient_email:
        try:
            validate_email(controls.recipient_email)
        except ValidationError:
            errors["recipient_email"] = [_("Enter a valid e-mail address.")]
    if len(controls.recipient_organisation) > 200:
        errors["recipient_organisation"] = [_("Use at most %(n)d characters.") % {"n": 200}]
    languages = {code for code, _name in settings.LANGUAGES}
    if controls.recipient_language and controls.recipient_language not in languages:
        errors["recipient_language"] = [_("Choose one of the site's languages.")]
    if controls.time_zone and not is_time_zone(controls.time_zone):
        errors["time_zone"] = [_("Name a time zone such as Europe/Paris or Asia/Shanghai.")]
    return errors


def _window_errors(
    controls: LinkControls, *, now: datetime.datetime, before: LinkControls | None
) -> dict[str, list[str]]:
    errors = {
        name: [_("Give the time with its time zone.")]
        for name in ("not_before", "expires_at")
        if getattr(controls, name) is not None and getattr(controls, name).tzinfo is None
    }
    return errors or _order_errors(controls, now=now, before=before)


def _order_errors(
    controls: LinkControls, *, now: datetime.datetime, before: LinkControls | None
) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    expiry_changed = before is None or before.expires_at != controls.expires_at
    if expiry_changed and controls.expires_at is not None and controls.expires_at <= now:
        errors["expires_at"] = [_("The expiry must be in the future.")]
    opens, closes = controls.not_before, controls.expires_at
    if opens is not None and closes is not None and opens >= closes:
        errors["not_before"] = [_("The link must open before it closes.")]
    return errors


def _choice_errors(controls: LinkControls) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    plays = controls.max_plays
    if plays is not None and not 1 <= plays <= MAX_PLAYS_LIMIT:
        errors["max_plays"] = [
            _("Allow between 1 and %(n)d plays, or leave it empty for no limit.")
            % {"n": MAX_PLAYS_LIMIT}
        ]
    if controls.delivery not in Delivery.values:
        errors["delivery"] = [_("Choose stream only or a download copy.")]
    if controls.watermark not in Watermark.values:
        errors["watermark"] = [_("Choose how the picture is watermarked.")]
    elif controls.watermark == Watermark.BURNED and controls.delivery == Delivery.DOWNLOAD:
        errors["delivery"] = [
            _(
                "A link with the watermark burned in streams only: the download copy carries no "
                "watermark."
            )
        ]
    return errors


def controls_errors(
    controls: LinkControls, *, now: datetime.datetime, before: LinkControls | None = None
) -> dict[str, list[str]]:
    """Field errors of ``controls`` (empty when they may be saved); ``before``: the link's
    controls until now, when they are changed (an expiry left as it was may lie in the past)."""
    return {
        **_recipient_errors(controls),
        **_window_errors(controls, now=now, before=before),
        **_choice_errors(controls),
    }


# What a link's state at a moment is, for its recipient.
OPEN = "open"
NOT_YET = "not_yet"
CLOSED = "closed"
REVOKED = "revoked"


def window_state(link: ScreenerLink, now: datetime.datetime) -> str:
    """Whether ``link`` opens at ``now``: open, not yet, closed (expired) or revoked."""
    if link.revoked_at is not None:
        return REVOKED
    if link.not_before is not None and now < link.not_before:
        return NOT_YET
    if link.expires_at is not None and now >= link.expires_at:
        return CLOSED
    return OPEN


def window_message(link: ScreenerLink, state: str) -> str:
    """What the recipient reads when the link is outside its window, in their time zone."""
    zone = zone_of(link)
    if state == NOT_YET:
        return _("This screener opens on %(when)s.") % {"when": in_zone(link.not_before, zone)}
    return _("This screener closed on %(when)s.") % {"when": in_zone(link.expires_at, zone)}
