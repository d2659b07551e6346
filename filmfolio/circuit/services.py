"""Writes of a film's festival run: add an entry (with its screener link), move it through its
statuses, remove it, show it on the film's public festival record or take it off.

Each service is keyword-only, checks the actor through ``circuit.access``, runs in one
transaction and writes a change record on the entry (``core.audit.record_change``). Other apps
(a festival's call for entry) add entries through ``run_entry_add`` and move them through
``run_entry_set_status``.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from filmfolio.core import vocab
from filmfolio.core.audit import ChangeNote, plain, record_change
from filmfolio.core.choices import AuditAction
from filmfolio.core.errors import PermissionDeniedError, ValidationFailedError
from filmfolio.festivals import services as festivals
from filmfolio.festivals.choices import EntryResult
from filmfolio.festivals.models import Edition, Festival
from filmfolio.films.access import Viewer
from filmfolio.films.hooks import ExposureNotConfirmedError
from filmfolio.films.services import validated
from filmfolio.sharing.services import screener_link_create

from . import access
from .choices import TRANSITIONS, Premiere, RunStatus
from .models import RunEntry
from .premieres import screening_warnings

AUDITED = (
    "edition",
    "category",
    "deadline",
    "fee_amount",
    "fee_currency",
    "submitted_on",
    "status",
    "notification_on",
    "notes",
    "premiere",
    "premiere_territory",
)


@dataclass(frozen=True, kw_only=True)
class RunEntryDraft:
    """A festival run entry before anything is found or created.

    The edition is ``edition`` itself, or found or created from ``festival`` (a festival or its
    slug; else one named ``new_festival_name``) and ``year``/``number``. ``fee_currency`` is an
    ISO 4217 code, needed with a fee. ``premiere_territory`` is an ISO 3166-1 country, needed
    for a national or regional premiere. ``make_screener`` makes the entry's screener link (the
    film's owners only), expiring at ``screener_expires_at`` or, by default, the end of the day
    after the notification date.
    """

    edition: Edition | None = None
    festival: Festival | str | None = None
    new_festival_name: str = ""
    year: int | None = None
    number: int | None = None
    category: str = ""
    deadline: datetime.date | None = None
    fee_amount: Decimal | None = None
    fee_currency: str = ""
    submitted_on: datetime.date | None = None
    notification_on: datetime.date | None = None
    status: str = RunStatus.PLANNED
    notes: str = ""
    premiere: str = ""
    premiere_territory: str = ""
    make_screener: bool = False
    screener_expires_at: datetime.datetime | None = None


def _require_change(film: Any, actor: Any) -> None:
    if not access.can_change_run(Viewer.for_user(actor), film):
        raise PermissionDeniedError(_("You may not change this film's festival run."))


def _invalid(field: str, message: str) -> ValidationFailedError:
    return ValidationFailedError(message, errors={field: [message]})


def _check_fee_and_premiere(draft: Any) -> None:
    """The fee and premiere of a ``RunEntryDraft`` or ``RunEntryEdit``."""
    currency = draft.fee_currency.strip().upper()
    if draft.fee_amount is not None and currency not in vocab.currency_codes():
        raise _invalid("fee_currency", _("Give the fee's currency as an ISO 4217 code (EUR)."))
    if currency and currency not in vocab.currency_codes():
        raise _invalid("fee_currency", _("%(code)s is not a currency code.") % {"code": currency})
    territory = draft.premiere_territory.strip().upper()
    if territory and territory not in vocab.country_codes():
        raise _invalid("premiere_territory", _("Give the territory as a country code (FR)."))
    if draft.premiere in (Premiere.NATIONAL, Premiere.REGIONAL) and not territory:
        raise _invalid(
            "premiere_territory", _("A national or regional premiere needs its territory.")
        )


def _edition(draft: RunEntryDraft, actor: Any) -> Edition:
    if draft.edition is not None:
        return draft.edition
    festival = festivals.festival_pick_or_create(
        festival=draft.festival, new_name=draft.new_festival_name, actor=actor
    )
    return festivals.edition_pick_or_create(festival=festival, year=draft.year, number=draft.number)


def screener_expiry(notification_on: datetime.date | None) -> datetime.datetime | None:
    """The default end of an entry's screener link: the end of the day after the notification
    date (none without a notification date, or when that moment has passed)."""
    if notification_on is None:
        return None
    day = notification_on + datetime.timedelta(days=2)
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
    return moment if moment > timezone.now() else None


def audit_entry(entry: RunEntry, actor: Any, action: AuditAction, changes: dict[str, Any]) -> None:
    """Record a change of ``entry`` (its edition as the summary)."""
    summary = str(entry.edition)
    record_change(
        target=entry,
        note=ChangeNote(actor=actor, action=action, changes=changes, summary=summary),
    )


def _make_screener(entry: RunEntry, actor: Any, expires_at: datetime.datetime | None) -> str:
    if not access.can_make_screener(Viewer.for_user(actor), entry.film):
        raise PermissionDeniedError(_("Only the film's owners may make a screener link."))
    link, token = screener_link_create(
        film=entry.film,
        actor=actor,
        recipient=str(entry.edition)[:200],
        expires_at=expires_at or screener_expiry(entry.notification_on),
        confirmed=True,  # the festival the film is entered at is who the premiere is kept for
    )
    entry.screener_link = link
    entry.save(update_fields=["screener_link", "updated_at"])
    return token


def run_entry_add(
    *, film: Any, actor: Any, draft: RunEntryDraft, confirmed: bool = False
) -> tuple[RunEntry, str]:
    """Add an entry to ``film``'s festival run as ``draft`` describes it; returns the entry and
    the token of its new screener link (shown once; blank without one). Nothing is created
    unless everything is valid; an entry that starts selected and would break another entry's
    premiere is refused with ``ExposureNotConfirmedError`` unless ``confirmed``."""
    _require_change(film, actor)
    if draft.status not in RunStatus.values:
        raise _invalid("status", _("Choose a status."))
    _check_fee_and_premiere(draft)
    with transaction.atomic():
        entry = RunEntry(
            film=film,
            edition=_edition(draft, actor),
            category=draft.category.strip(),
            deadline=draft.deadline,
            fee_amount=draft.fee_amount,
            fee_currency=draft.fee_currency.strip().upper(),
            submitted_on=draft.submitted_on,
            notification_on=draft.notification_on,
            status=draft.status,
            notes=draft.notes.strip(),
            premiere=draft.premiere,
            premiere_territory=draft.premiere_territory.strip().upper(),
            created_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        validated(entry, exclude=["screener_link", "public_entry", "created_by"])
        if entry.status in RunStatus.public() and not confirmed:
            warnings = screening_warnings(entry)
            if warnings:
                raise ExposureNotConfirmedError(warnings)
        entry.save()
        changes = {name: {"old": None, "new": plain(getattr(entry, name))} for name in AUDITED}
        audit_entry(entry, actor, AuditAction.CREATE, changes)
        token = ""
        if draft.make_screener:
            token = _make_screener(entry, actor, draft.screener_expires_at)
    return entry, token


def transition_refusal(entry: RunEntry, status: str) -> str:
    """What is said when ``entry`` may not move to ``status``."""
    return _("An entry that is “%(old)s” cannot become “%(new)s”.") % {
        "old": entry.get_status_display(),
        "new": RunStatus(status).label if status in RunStatus.values else status,
    }


def run_entry_set_status(
    *, entry: RunEntry, actor: Any, status: str, confirmed: bool = False
) -> RunEntry:
    """Move ``entry`` to ``status`` if its current status allows it (``choices.TRANSITIONS``);
    a submission gets today's date unless it has one. Selecting an entry whose screening would
    break another entry's premiere is refused unless ``confirmed``."""
    _require_change(entry.film, actor)
    if status == entry.status:
        return entry
    allowed = TRANSITIONS.get(entry.status, ())
    if status not in allowed:
        raise _invalid("status", transition_refusal(entry, status))
    old = entry.status
    entry.status = status
    if status in RunStatus.public() and not confirmed:
        warnings = screening_warnings(entry)
        if warnings:
            entry.status = old
            raise ExposureNotConfirmedError(warnings)
    changes: dict[str, Any] = {"status": {"old": old, "new": status}}
    fields = ["status", "updated_at"]
    if status == RunStatus.SUBMITTED and entry.submitted_on is None:
        entry.submitted_on = timezone.localdate()
        fields.append("submitted_on")
        changes["submitted_on"] = {"old": None, "new": entry.submitted_on.isoformat()}
    with transaction.atomic():
        entry.save(update_fields=fields)
        audit_entry(entry, actor, AuditAction.UPDATE, changes)
    return entry


@dataclass(frozen=True, kw_only=True)
class RunEntryEdit:
    """The fields of an entry its team may change after it is added (its festival edition,
    status and screener link are changed by their own services)."""

    category: str = ""
    deadline: datetime.date | None = None
    fee_amount: Decimal | None = None
    fee_currency: str = ""
    notification_on: datetime.date | None = None
    notes: str = ""
    premiere: str = ""
    premiere_territory: str = ""

    @classmethod
    def of(cls, entry: RunEntry) -> RunEntryEdit:
        """The entry's fields as they are now (to change one or two)."""
        return cls(**{name: getattr(entry, name) for name in EDITABLE})


EDITABLE = (
    "category",
    "deadline",
    "fee_amount",
    "fee_currency",
    "notification_on",
    "notes",
    "premiere",
    "premiere_territory",
)


def run_entry_check(*, edit: RunEntryEdit) -> None:
    """Raise ``ValidationFailedError`` when ``edit`` may not be saved (the admin's form asks
    before saving)."""
    if edit.premiere and edit.premiere not in Premiere.values:
        raise _invalid("premiere", _("Choose a premiere."))
    _check_fee_and_premiere(edit)


def run_entry_update(*, entry: RunEntry, actor: Any, edit: RunEntryEdit) -> RunEntry:
    """Change the fields of ``edit`` on ``entry``: checked as when it was added (a fee needs its
    currency, a national or regional premiere its territory), all or nothing, and each changed
    field recorded with its old and new value. Nothing changed, nothing recorded."""
    _require_change(entry.film, actor)
    run_entry_check(edit=edit)
    wanted = {
        **{name: getattr(edit, name) for name in EDITABLE},
        "category": edit.category.strip(),
        "notes": edit.notes.strip(),
        "fee_currency": edit.fee_currency.strip().upper(),
        "premiere_territory": edit.premiere_territory.strip().upper(),
    }
    changes = {
        name: {"old": plain(getattr(entry, name)), "new": plain(value)}
        for name, value in wanted.items()
        if getattr(entry, name) != value
    }
    if not changes:
        return entry
    before = {name: getattr(entry, name) for name in changes}
    for name in changes:
        setattr(entry, name, wanted[name])
    try:
        validated(entry, exclude=["screener_link", "public_entry", "created_by"])
    except ValidationFailedError:
        for name, value in before.items():
            setattr(entry, name, value)
        raise
    with transaction.atomic():
        entry.save(update_fields=[*changes, "updated_at"])
        audit_entry(entry, actor, AuditAction.UPDATE, changes)
    return entry


def run_entry_remove(*, entry: RunEntry, actor: Any) -> None:
    """Remove ``entry`` from the run (its screener link and public record stay)."""
    _require_change(entry.film, actor)
    with transaction.atomic():
        removed = {"entry": {"old": str(entry.edition), "new": None}}
        audit_entry(entry, actor, AuditAction.REMOVE, removed)
        entry.delete()


@dataclass(frozen=True, kw_only=True)
class PublicShown:
    """What the filmmaker shows of an entry on the film's public record: the category as the
    section, the award's name (an awarded entry), the date."""

    category: bool = True
    award_name: str = ""
    date: datetime.date | None = None


def run_entry_publish(*, entry: RunEntry, actor: Any, shown: PublicShown) -> RunEntry:
    """Show a selected or awarded ``entry`` on the film's public festival record (a claimed
    ``festivals.Entry``, written by ``festivals.services.entry_add``)."""
    _require_change(entry.film, actor)
    if entry.status not in RunStatus.public():
        raise _invalid("status", _("Only selected and awarded entries can be shown publicly."))
    if entry.public_entry_id is not None:
        raise _invalid("status", _("This entry is already on the film's public record."))
    awarded = entry.status == RunStatus.AWARDED
    if awarded and not shown.award_name.strip():
        raise _invalid("award_name", _("Name the award."))
    edition = entry.edition
    draft = festivals.EntryDraft(
        festival=edition.festival,
        year=edition.year,
        number=edition.number,
        section_name=entry.category if shown.category else "",
        award_name=shown.award_name if awarded else "",
        result=EntryResult.WON if awarded else EntryResult.SELECTED,
        date=shown.date,
    )
    with transaction.atomic():
        entry.public_entry = festivals.entry_add(film=entry.film, actor=actor, draft=draft)
        entry.save(update_fields=["public_entry", "updated_at"])
        label = festivals.entry_label(entry.public_entry)
        audit_entry(entry, actor, AuditAction.ADD, {"public_entry": {"old": None, "new": label}})
    return entry


def run_entry_unpublish(*, entry: RunEntry, actor: Any) -> RunEntry:
    """Take ``entry`` off the film's public festival record."""
    _require_change(entry.film, actor)
    public = entry.public_entry
    if public is None:
        return entry
    with transaction.atomic():
        label = festivals.entry_label(public)
        festivals.entry_remove(film=entry.film, actor=actor, entry_id=public.pk)
        entry.public_entry = None
        entry.save(update_fields=["public_entry", "updated_at"])
        audit_entry(entry, actor, AuditAction.REMOVE, {"public_entry": {"old": label, "new": None}})
    return entry
