"""Run entries that follow a submission made through a festival's call on Filmfolio.

Submitting a film to a call (``calls.services.submission_create``) adds the entry to the film's
festival run, already submitted, with the submission's screener link, so the filmmaker follows
it on the board and in the calendar like any other entry. The festival's decision then moves
the entry: the festival's right to decide was checked by the calls service, so these functions
do not ask for the filmmaker's.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from filmfolio.core.choices import AuditAction
from filmfolio.festivals.models import Edition
from filmfolio.sharing.models import ScreenerLink

from .choices import TRANSITIONS, Premiere, RunStatus
from .models import RunEntry
from .services import RunEntryDraft, audit_entry, run_entry_add


@dataclass(frozen=True, kw_only=True)
class CallEntry:
    """What a submission to a call tells the film's run."""

    edition: Edition
    category: str
    deadline: datetime.date | None
    fee_amount: Decimal | None
    fee_currency: str
    notification_on: datetime.date | None
    premiere: str
    screener_link: ScreenerLink | None


def run_entry_for_call(*, film: Any, actor: Any, call_entry: CallEntry) -> RunEntry:
    """Add the submitted entry to ``film``'s run (the submitter may change the film)."""
    premiere = call_entry.premiere if call_entry.premiere in Premiere.values else ""
    draft = RunEntryDraft(
        edition=call_entry.edition,
        category=call_entry.category[:200],
        deadline=call_entry.deadline,
        fee_amount=call_entry.fee_amount if call_entry.fee_currency else None,
        fee_currency=call_entry.fee_currency if call_entry.fee_amount is not None else "",
        submitted_on=timezone.localdate(),
        notification_on=call_entry.notification_on,
        status=RunStatus.SUBMITTED,
        premiere=premiere,
        premiere_territory="",
    )
    with transaction.atomic():
        entry, _token = run_entry_add(film=film, actor=actor, draft=draft, confirmed=True)
        if call_entry.screener_link is not None:
            entry.screener_link = call_entry.screener_link
            entry.save(update_fields=["screener_link", "updated_at"])
    return entry


def _path(start: str, goal: str) -> list[str]:
    """The statuses from ``start`` to ``goal`` through the allowed transitions (shortest
    first); empty when ``goal`` cannot be reached."""
    paths = [[start]]
    seen = {start}
    while paths:
        path = paths.pop(0)
        for step in TRANSITIONS.get(path[-1], ()):
            if step == goal:
                return [*path[1:], step]
            if step not in seen:
                seen.add(step)
                paths.append([*path, step])
    return []


def run_entry_follow(*, entry: RunEntry, actor: Any, status: str) -> RunEntry:
    """Move ``entry`` to the ``status`` its festival decided, through the allowed transitions
    (a submitted entry that wins is selected, then awarded); an entry already there, or that
    cannot get there (withdrawn), stays as it is."""
    steps = _path(entry.status, status) if status != entry.status else []
    if not steps:
        return entry
    old = entry.status
    with transaction.atomic():
        entry.status = steps[-1]
        entry.save(update_fields=["status", "updated_at"])
        audit_entry(entry, actor, AuditAction.UPDATE, {"status": {"old": old, "new": entry.status}})
    return entry
