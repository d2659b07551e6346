"""Reminder e-mails before an entry's dates: its deadline while the entry is still planned, its
notification date while the festival is deciding. Each reminder goes once to each editor and
owner of the film, in the language they last used the board in (``ReminderSent`` keeps what
went; a moved date is reminded again). Sent by the ``run-reminders`` command or the
``send_run_reminders_task`` job; the e-mail backend is the site's (console in the embedded
mode, SMTP by configuration)."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from filmfolio.accounts.language import user_language
from filmfolio.core.site import site_url
from filmfolio.films.access import EDIT_ROLES

from .choices import ReminderKind, RunStatus
from .models import ReminderSent, RunEntry

DEFAULT_DAYS_AHEAD = 7

# Which date of an entry is reminded while the entry has which statuses.
REMINDED = {
    ReminderKind.DEADLINE: ("deadline", (RunStatus.PLANNED,)),
    ReminderKind.NOTIFICATION: (
        "notification_on",
        (RunStatus.SUBMITTED, RunStatus.IN_CONSIDERATION),
    ),
}


def _due(today: datetime.date, days_ahead: int) -> Any:
    last = today + datetime.timedelta(days=days_ahead)
    query = Q()
    for field, statuses in REMINDED.values():
        query |= Q(status__in=statuses, **{f"{field}__gte": today, f"{field}__lte": last})
    return (
        RunEntry.objects.filter(query)
        .select_related("film", "edition__festival")
        .prefetch_related("film__collaborators__user")
        .order_by("pk")
    )


def _recipients(entry: RunEntry) -> list[Any]:
    return [
        c.user
        for c in entry.film.collaborators.all()
        if c.role in EDIT_ROLES and c.user.is_active and c.user.email
    ]


def _send_one(entry: RunEntry, user: Any, kind: str, day: datetime.date) -> bool:
    """Send one reminder unless it went already; True when it was sent now."""
    language = user_language(user)
    try:
        with transaction.atomic():
            ReminderSent.objects.create(entry=entry, user=user, kind=kind, due_on=day)
            with translation.override(language):
                context = {
                    "entry": entry,
                    "kind": ReminderKind(kind).label,
                    "day": day,
                    "url": site_url() + f"/studio/films/{entry.film.slug}/run/",
                }
                subject = _("%(kind)s on %(day)s: %(film)s at %(edition)s") % {
                    "kind": ReminderKind(kind).label,
                    "day": day.isoformat(),
                    "film": entry.film.title,
                    "edition": entry.edition,
                }
                body = render_to_string("circuit/email/reminder.txt", context)
            send_mail(subject, body, None, [user.email])
    except IntegrityError:
        return False  # reminded already
    return True


def reminders_send(*, today: datetime.date, days_ahead: int = DEFAULT_DAYS_AHEAD) -> int:
    """Send the reminders due from ``today`` to ``days_ahead`` days on; returns how many went
    (safe to run twice: what went once is not sent again)."""
    sent = 0
    for entry in _due(today, days_ahead):
        for kind, (field, statuses) in REMINDED.items():
            day = getattr(entry, field)
            if entry.status not in statuses or day is None or not today <= day:
                continue
            if day > today + datetime.timedelta(days=days_ahead):
                continue
            for user in _recipients(entry):
                sent += _send_one(entry, user, kind, day)
    return sent
