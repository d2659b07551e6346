"""A filmmaker's calendar of festival dates: the deadlines and notification dates of the entries
of every film they work on, by month on the calendar page and as an iCalendar feed at a private
address (``/run/calendar/<token>.ics``; only the token's sha256 is kept, a new address replaces
the old one)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from filmfolio.core.site import site_url
from filmfolio.sharing.tokens import new_token, token_digest

from .choices import ReminderKind
from .models import RunEntry, RunPreferences

MAX_TOKEN_LENGTH = 100


@dataclass(frozen=True)
class CalendarDate:
    """One date of the calendar: an entry's deadline or notification date."""

    day: datetime.date
    kind: str
    entry: RunEntry

    @property
    def kind_label(self) -> str:
        return str(ReminderKind(self.kind).label)


def calendar_dates(entries: Any) -> list[CalendarDate]:
    """The deadlines and notification dates of ``entries``, by day."""
    dates = []
    for entry in entries:
        if entry.deadline:
            dates.append(CalendarDate(entry.deadline, ReminderKind.DEADLINE, entry))
        if entry.notification_on:
            dates.append(CalendarDate(entry.notification_on, ReminderKind.NOTIFICATION, entry))
    return sorted(dates, key=lambda d: (d.day, d.kind, d.entry.pk))


def calendar_address_make(*, user: Any) -> str:
    """Give ``user`` a new private calendar address (the old one stops working); returns its
    token, which is shown once."""
    token = new_token()
    with transaction.atomic():
        preferences, _created = RunPreferences.objects.get_or_create(user=user)
        preferences.calendar_token_hash = token_digest(token)
        preferences.save(update_fields=["calendar_token_hash", "updated_at"])
    return token


def user_for_calendar_token(token: str) -> Any:
    """The active user whose calendar address has this token, or None."""
    if not token or len(token) > MAX_TOKEN_LENGTH:
        return None
    found = (
        RunPreferences.objects.select_related("user")
        .filter(calendar_token_hash=token_digest(token), user__is_active=True)
        .first()
    )
    return None if found is None else found.user


def _escape(text: str) -> str:
    return (
        str(text)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line: str) -> str:
    """Fold a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character."""
    out: list[str] = []
    current = ""
    for char in line:
        if len((current + char).encode()) > (75 if not out else 74):
            out.append(current)
            current = ""
        current += char
    out.append(current)
    return "\r\n ".join(out)


def _event(date: CalendarDate, stamp: str) -> list[str]:
    entry = date.entry
    summary = f"{date.kind_label}: {entry.film.title} — {entry.edition}"
    url = site_url() + f"/studio/films/{entry.film.slug}/run/"
    return [
        "BEGIN:VEVENT",
        f"UID:run-{entry.pk}-{date.kind}@filmfolio",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{date.day:%Y%m%d}",
        f"DTEND;VALUE=DATE:{date.day + datetime.timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{_escape(summary)}",
        f"URL:{url}",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def ical_text(dates: list[CalendarDate]) -> str:
    """The iCalendar document of ``dates`` (all-day events)."""
    stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Filmfolio//Festival run//EN",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_escape(_('Festival deadlines'))}",
    ]
    for date in dates:
        lines += _event(date, stamp)
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)
