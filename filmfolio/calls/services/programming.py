"""The festival's work on its submissions: assignment to programmers and jurors, each
viewer's rating and private notes, the shortlist, decisions, and the notification e-mails.

A selection or award is published at once as a **confirmed** festival entry on the film
(``festivals.services.entry_confirm``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from filmfolio.accounts.language import user_language
from filmfolio.circuit.choices import RunStatus
from filmfolio.circuit.follow import run_entry_follow
from filmfolio.core.audit import ChangeNote, record_change
from filmfolio.core.choices import AuditAction
from filmfolio.core.errors import ObjectNotFoundError, PermissionDeniedError, ValidationFailedError
from filmfolio.core.viewers import Viewer
from filmfolio.festivals.choices import EntryResult
from filmfolio.festivals.models import Award, Festival, Section
from filmfolio.festivals.services import FestivalDecision, entry_confirm

from .. import access
from ..models import Assignment, FestivalMember, Review, Submission


def _require_decide(submission: Submission, actor: Any) -> None:
    if not access.can_decide(Viewer.for_user(actor), submission):
        raise PermissionDeniedError(_("Only the festival's team may do this."))


def _note(submission: Submission, actor: Any, field: str, old: Any, new: Any) -> None:
    record_change(
        target=submission,
        note=ChangeNote(
            actor=actor, action=AuditAction.SET, changes={field: {"old": old, "new": new}}
        ),
    )


def _consider(submission: Submission) -> None:
    if submission.status == RunStatus.SUBMITTED:
        submission.status = RunStatus.IN_CONSIDERATION
        submission.save(update_fields=["status", "updated_at"])


def assignment_add(*, submission: Submission, member_id: int, actor: Any) -> Assignment:
    """Give ``submission`` to one of the festival's members (a programmer or juror)."""
    _require_decide(submission, actor)
    festival_id = submission.category.call.edition.festival_id
    member = FestivalMember.objects.filter(pk=member_id, festival_id=festival_id).first()
    if member is None:
        message = _("Choose a member of the festival.")
        raise ValidationFailedError(message, errors={"member": [message]})
    with transaction.atomic():
        assignment, created = Assignment.objects.get_or_create(submission=submission, member=member)
        if created:
            _consider(submission)
            _note(submission, actor, "assigned", None, member.user.email)
    return assignment


def review_save(*, submission: Submission, rating: int | None, notes: str, actor: Any) -> Review:
    """Keep the actor's rating (1–5, or none) and private notes on ``submission``."""
    viewer = Viewer.for_user(actor)
    if not access.can_review(viewer, submission):
        raise ObjectNotFoundError(_("This submission does not exist."))
    if rating is not None and not 1 <= rating <= 5:
        message = _("Rate from 1 to 5.")
        raise ValidationFailedError(message, errors={"rating": [message]})
    festival_id = submission.category.call.edition.festival_id
    member = FestivalMember.objects.filter(festival_id=festival_id, user=actor).first()
    if member is None:
        raise PermissionDeniedError(_("Only members of the festival rate its submissions."))
    with transaction.atomic():
        review, _created = Review.objects.get_or_create(submission=submission, member=member)
        old = review.rating
        review.rating = rating
        review.notes = notes.strip()
        review.save()
        _consider(submission)
        _note(submission, actor, f"rating by {actor.email}", old, rating)
    return review


def submission_shortlist(*, submission: Submission, on: bool, actor: Any) -> Submission:
    """Put ``submission`` on the shortlist or take it off."""
    _require_decide(submission, actor)
    with transaction.atomic():
        old = submission.is_shortlisted
        submission.is_shortlisted = on
        submission.save(update_fields=["is_shortlisted", "updated_at"])
        _consider(submission)
        _note(submission, actor, "shortlisted", old, on)
    return submission


@dataclass(frozen=True, kw_only=True)
class Decision:
    """The festival's decision: selected (into a section, maybe with an award) or not."""

    selected: bool
    section_id: int | None = None
    award_id: int | None = None
    result: str = EntryResult.SELECTED


def _decision_rows(
    submission: Submission, decision: Decision
) -> tuple[Section | None, Award | None]:
    edition = submission.category.call.edition
    sections = Section.objects.filter(edition=edition)
    awards = Award.objects.filter(festival_id=edition.festival_id)
    section = sections.filter(pk=decision.section_id).first() if decision.section_id else None
    award = awards.filter(pk=decision.award_id).first() if decision.award_id else None
    errors: dict[str, list[str]] = {}
    if section is None:
        errors["section"] = [_("Choose a section of this edition.")]
    if decision.award_id and award is None:
        errors["award"] = [_("Choose an award of this festival.")]
    if decision.result not in EntryResult.values:
        errors["result"] = [_("Choose a result.")]
    elif award is not None and decision.result not in EntryResult.awarded():
        errors["result"] = [_("An award goes with a win or a special mention.")]
    if errors:
        raise ValidationFailedError(_("Please correct the errors below."), errors=errors)
    return section, award


def submission_decide(*, submission: Submission, decision: Decision, actor: Any) -> Submission:
    """Record the festival's decision; a selection is published on the film at once as a
    confirmed festival entry (edition, section, result, award, today's date)."""
    _require_decide(submission, actor)
    if submission.status == RunStatus.WITHDRAWN:
        raise ValidationFailedError(_("This submission was withdrawn."))
    section, award = _decision_rows(submission, decision) if decision.selected else (None, None)
    with transaction.atomic():
        old = submission.status
        submission.decided_at = timezone.now()
        submission.status = RunStatus.NOT_SELECTED
        if decision.selected:
            submission.status = RunStatus.AWARDED if award else RunStatus.SELECTED
            submission.section, submission.award, submission.result = (
                section,
                award,
                decision.result,
            )
            submission.entry = entry_confirm(
                film=submission.film,
                decision=FestivalDecision(
                    edition=submission.category.call.edition,
                    section=section,
                    award=award,
                    result=decision.result,
                    date=timezone.localdate(),
                ),
                actor=actor,
            )
        submission.save()
        _note(submission, actor, "status", old, submission.status)
        if submission.run_entry is not None:
            run_entry_follow(entry=submission.run_entry, actor=actor, status=submission.status)
    return submission


def _notification(submission: Submission) -> tuple[str, str]:
    """The subject and text of one notification, in the filmmaker's language."""
    language = user_language(submission.submitted_by, fallback=submission.language)
    with translation.override(language):
        context = {"submission": submission, "call": submission.category.call}
        subject = _("Your submission to %(call)s") % {"call": submission.category.call.title}
        return subject, render_to_string("calls/email/notification.txt", context)


def submissions_notify(*, festival: Festival, actor: Any) -> int:
    """E-mail every filmmaker whose submission to ``festival`` is decided and not yet notified,
    each in the language they submitted in; returns how many were sent."""
    if not access.can_manage_festival(Viewer.for_user(actor), festival):
        raise PermissionDeniedError(_("Only the festival's team may do this."))
    pending = Submission.objects.filter(
        category__call__edition__festival=festival,
        status__in=RunStatus.decided(),
        notified_at__isnull=True,
    ).select_related(
        "category__call__edition__festival", "film", "submitted_by", "section", "award"
    )
    sent = 0
    for submission in pending:
        user = submission.submitted_by
        if user is None or not user.email:
            continue
        subject, body = _notification(submission)
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
        Submission.objects.filter(pk=submission.pk).update(notified_at=timezone.now())
        _note(submission, actor, "notified", None, user.email)
        sent += 1
    return sent
