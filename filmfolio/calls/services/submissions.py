"""Submitting a film to a call in one step: the film's record is attached as it is and a
screener link is made for the festival, expiring at the end of the day after the call's
notification date; nothing is retyped."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from filmfolio.circuit.choices import OFFERED_PREMIERES, RunStatus
from filmfolio.circuit.follow import CallEntry, run_entry_follow, run_entry_for_call
from filmfolio.core.audit import ChangeNote, record_change
from filmfolio.core.choices import AuditAction, AuditSection
from filmfolio.core.errors import ObjectNotFoundError, PermissionDeniedError, ValidationFailedError
from filmfolio.core.viewers import Viewer
from filmfolio.films import access as film_access
from filmfolio.films import screener_access
from filmfolio.films.changes import film_changed
from filmfolio.films.choices import CountryRole
from filmfolio.films.models import Film
from filmfolio.sharing.services import submission_screener_link_create

from ..eligibility import deadline_for, eligibility_problems
from ..models import Category, Submission


def _refuse(field: str, message: str) -> ValidationFailedError:
    return ValidationFailedError(message, errors={field: [message]})


def screener_expiry(notification_on: datetime.date) -> datetime.datetime:
    """The end of the day after the notification date, in the site's time zone."""
    day = notification_on + datetime.timedelta(days=2)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _check(category: Category, film: Film, premiere: str) -> str:
    """The deadline the submission comes in by; raises when it may not be made."""
    call = category.call
    deadline = deadline_for(call, timezone.localdate())
    if not call.is_open or deadline is None:
        raise _refuse("category", _("This call is closed: its last deadline has passed."))
    if Submission.objects.filter(category__call=call, film=film).exists():
        raise _refuse("film", _("This film is already submitted to this call."))
    if premiere not in dict(OFFERED_PREMIERES):
        raise _refuse("premiere", _("Choose the film's premiere status."))
    countries = film.countries.filter(role=CountryRole.ORIGIN).values_list("country", flat=True)
    problems = eligibility_problems(category, film, premiere=premiere, countries=countries)
    if problems:
        raise ValidationFailedError(" ".join(problems), errors={"film": problems})
    return deadline


def submission_create(
    *, category_id: int, film: Film, premiere: str, language: str, actor: Any
) -> Submission:
    """Submit ``film`` to a category of an open call, with a screener link for the festival.

    Refused, with nothing written, when the call is closed or past its last deadline, when the
    film breaks one of the category's rules (each broken rule is said), or when the film is
    already submitted to the call. The film's owners and editors may submit it
    (``films.screener_access.can_make_screener_link`` for a submission). ``language`` is the
    filmmaker's, for the festival's notification."""
    if not screener_access.can_make_screener_link(
        Viewer.for_user(actor), film, purpose=screener_access.SCREENER_FOR_SUBMISSION
    ):
        raise PermissionDeniedError(_("Only the film's owners and editors may submit it."))
    category = (
        Category.objects.select_related("call__edition__festival").filter(pk=category_id).first()
    )
    if category is None or not category.call.is_open:
        raise ObjectNotFoundError(_("This category does not exist or its call is closed."))
    deadline = _check(category, film, premiere)
    call = category.call
    with transaction.atomic():
        link, _token = submission_screener_link_create(
            film=film,
            actor=actor,
            recipient=f"{call.edition.festival.name} — {call.title}"[:200],
            expires_at=screener_expiry(call.notification_on),
        )
        submission = Submission.objects.create(
            category=category,
            film=film,
            submitted_by=actor,
            screener_link=link,
            language=language[:16],
            premiere=premiere,
            deadline=deadline,
            fee_amount=category.fee_for(deadline),
            fee_currency=call.fee_currency,
        )
        submission.run_entry = run_entry_for_call(
            film=film,
            actor=actor,
            call_entry=CallEntry(
                edition=call.edition,
                category=category.name,
                deadline=getattr(call, f"{deadline}_deadline"),
                fee_amount=submission.fee_amount,
                fee_currency=submission.fee_currency,
                notification_on=call.notification_on,
                premiere=premiere,
                screener_link=link,
            ),
        )
        submission.save(update_fields=["run_entry"])
        film_changed(
            film,
            ChangeNote(
                actor=actor,
                action=AuditAction.ADD,
                section=AuditSection.FESTIVALS,
                changes={"submission": {"old": None, "new": f"{call.title}: {category.name}"}},
            ),
        )
    return submission


def submission_withdraw(*, submission: Submission, actor: Any) -> Submission:
    """Withdraw ``submission`` for the film's team (its editors and owners): the status moves
    to withdrawn through the run's transitions (``circuit.choices.TRANSITIONS``), the film's run
    entry follows, and the festival's desk shows it. A decided submission (not selected,
    awarded) or one already withdrawn is refused and nothing changes."""
    film = submission.film
    if not film_access.can_edit_film(Viewer.for_user(actor), film):
        raise ObjectNotFoundError(_("This submission does not exist."))
    if not submission.may_withdraw:
        raise ValidationFailedError(
            _("A submission that is “%(status)s” cannot be withdrawn.")
            % {"status": RunStatus(submission.status).label}
        )
    call = submission.category.call
    with transaction.atomic():
        old = submission.status
        submission.status = RunStatus.WITHDRAWN
        submission.save(update_fields=["status", "updated_at"])
        record_change(
            target=submission,
            note=ChangeNote(
                actor=actor,
                action=AuditAction.SET,
                changes={"status": {"old": old, "new": RunStatus.WITHDRAWN}},
            ),
        )
        film_changed(
            film,
            ChangeNote(
                actor=actor,
                action=AuditAction.REMOVE,
                section=AuditSection.FESTIVALS,
                changes={
                    "submission": {"old": f"{call.title}: {submission.category.name}", "new": None}
                },
            ),
        )
        if submission.run_entry is not None:
            run_entry_follow(entry=submission.run_entry, actor=actor, status=RunStatus.WITHDRAWN)
    return submission
