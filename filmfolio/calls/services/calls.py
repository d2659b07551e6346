"""Calls for entry: a festival's managers open a call for one of its editions, add its
categories with their eligibility rules and fees, and open or close it."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from filmfolio.core import vocab
from filmfolio.core.audit import ChangeNote, record_change
from filmfolio.core.choices import AuditAction, AuditSection
from filmfolio.core.errors import ValidationFailedError
from filmfolio.core.slugs import unique_slug
from filmfolio.festivals.models import Edition
from filmfolio.films.services import validated

from ..models import Call, Category
from .members import require_manage


@dataclass(frozen=True, kw_only=True)
class CallDraft:
    """A call as a festival's manager gives it."""

    edition: Edition
    title: str
    rules: str = ""
    early_deadline: datetime.date | None = None
    regular_deadline: datetime.date
    late_deadline: datetime.date | None = None
    notification_on: datetime.date
    fee_currency: str = "EUR"


@dataclass(frozen=True, kw_only=True)
class CategoryDraft:
    """A category of a call: its eligibility rules and its fee at each deadline."""

    name: str
    rules: str = ""
    runtime_min_minutes: int | None = None
    runtime_max_minutes: int | None = None
    completed_after: datetime.date | None = None
    premiere_required: str = ""
    countries: list[str] = field(default_factory=list)
    fee_early: Decimal | None = None
    fee_regular: Decimal | None = None
    fee_late: Decimal | None = None


def _deadline_errors(draft: CallDraft) -> dict[str, list[str]]:
    days = [draft.early_deadline, draft.regular_deadline, draft.late_deadline]
    given = [day for day in days if day is not None]
    errors: dict[str, list[str]] = {}
    if given != sorted(given):
        errors["regular_deadline"] = [
            _("The deadlines must follow each other: early, regular, late.")
        ]
    if draft.notification_on < given[-1]:
        errors["notification_on"] = [_("The notification date must follow the last deadline.")]
    if draft.fee_currency not in vocab.currency_codes():
        errors["fee_currency"] = [_("Choose a currency (ISO 4217 code).")]
    return errors


def call_create(*, draft: CallDraft, actor: Any) -> Call:
    """Create a call (closed until opened) for ``draft.edition``."""
    festival = draft.edition.festival
    require_manage(festival=festival, actor=actor)
    errors = _deadline_errors(draft)
    if errors:
        raise ValidationFailedError(_("Please correct the errors below."), errors=errors)
    call = Call(
        edition=draft.edition,
        slug="placeholder",
        title=draft.title.strip(),
        rules=draft.rules.strip(),
        early_deadline=draft.early_deadline,
        regular_deadline=draft.regular_deadline,
        late_deadline=draft.late_deadline,
        notification_on=draft.notification_on,
        fee_currency=draft.fee_currency,
    )
    validated(call, exclude=["slug"])
    with transaction.atomic():
        call.slug = unique_slug(Call, f"{festival.name} {draft.edition.year or ''} {call.title}")
        call.save()
        record_change(
            target=festival,
            note=ChangeNote(
                actor=actor,
                action=AuditAction.ADD,
                section=AuditSection.FESTIVAL,
                changes={"call": {"old": None, "new": call.title}},
            ),
        )
    return call


def call_set_open(*, call: Call, is_open: bool, actor: Any) -> Call:
    """Open a call (it is listed for everyone and takes submissions) or close it."""
    festival = call.edition.festival
    require_manage(festival=festival, actor=actor)
    if is_open and not call.categories.exists():
        raise ValidationFailedError(_("Add a category before opening the call."))
    with transaction.atomic():
        old = call.is_open
        call.is_open = is_open
        call.save(update_fields=["is_open", "updated_at"])
        record_change(
            target=festival,
            note=ChangeNote(
                actor=actor,
                action=AuditAction.SET,
                section=AuditSection.FESTIVAL,
                changes={f"call {call.slug} open": {"old": old, "new": is_open}},
            ),
        )
    return call


def _category_errors(draft: CategoryDraft) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    low, high = draft.runtime_min_minutes, draft.runtime_max_minutes
    if low is not None and high is not None and low > high:
        errors["runtime_max_minutes"] = [_("The longest runtime must not be below the shortest.")]
    unknown = sorted({code.upper() for code in draft.countries} - vocab.country_codes())
    if unknown:
        errors["countries"] = [
            _("Unknown country codes: %(codes)s") % {"codes": ", ".join(unknown)}
        ]
    return errors


def category_add(*, call: Call, draft: CategoryDraft, actor: Any) -> Category:
    """Add a category to ``call``."""
    festival = call.edition.festival
    require_manage(festival=festival, actor=actor)
    errors = _category_errors(draft)
    if errors:
        raise ValidationFailedError(_("Please correct the errors below."), errors=errors)
    category = Category(
        call=call,
        name=draft.name.strip(),
        rules=draft.rules.strip(),
        runtime_min_minutes=draft.runtime_min_minutes,
        runtime_max_minutes=draft.runtime_max_minutes,
        completed_after=draft.completed_after,
        premiere_required=draft.premiere_required,
        countries=[code.upper() for code in draft.countries],
        fee_early=draft.fee_early,
        fee_regular=draft.fee_regular,
        fee_late=draft.fee_late,
    )
    validated(category)
    with transaction.atomic():
        category.save()
        record_change(
            target=festival,
            note=ChangeNote(
                actor=actor,
                action=AuditAction.ADD,
                section=AuditSection.FESTIVAL,
                changes={f"call {call.slug} category": {"old": None, "new": category.name}},
            ),
        )
    return category
