"""The posted actions of the desk pages: each parses its form, calls one service and says
whether it succeeded (a refusal becomes the form's error, in the user's language)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext as _

from filmfolio.core.errors import DomainError, ValidationFailedError
from filmfolio.festivals.models import Award, Festival, Section
from filmfolio.festivals.services import edition_pick_or_create

from . import access, services
from .forms import AssignForm, CallOpenForm, DecideForm, ReviewForm
from .models import Review, Submission


def refused(form: forms.Form, error: DomainError) -> bool:
    errors = error.errors if isinstance(error, ValidationFailedError) else {}
    for field, texts in errors.items():
        for text in texts:
            form.add_error(field if field in form.fields else None, text)
    if not errors:
        form.add_error(None, error.message)
    return False


def open_call(request: Any, festival: Festival, form: CallOpenForm) -> bool:
    """Create a call with its first category and open it, all or nothing."""
    data = form.cleaned_data
    try:
        with transaction.atomic():
            services.members.require_manage(festival=festival, actor=request.user)
            edition = edition_pick_or_create(festival=festival, year=data["year"], number=None)
            call = services.call_create(
                draft=services.CallDraft(
                    edition=edition,
                    title=data["title"],
                    rules=data["rules"],
                    regular_deadline=data["regular_deadline"],
                    notification_on=data["notification_on"],
                    fee_currency=data["fee_currency"],
                ),
                actor=request.user,
            )
            services.category_add(
                call=call,
                draft=services.CategoryDraft(
                    name=data["category"],
                    runtime_max_minutes=data["runtime_max_minutes"],
                    fee_regular=data["fee_regular"],
                ),
                actor=request.user,
            )
            services.call_set_open(call=call, is_open=True, actor=request.user)
    except DomainError as error:
        return refused(form, error)
    messages.success(request, _("The call is open."))
    return True


def submission_forms(request: Any, submission: Submission) -> dict[str, forms.Form | None]:
    """The forms of a submission's page, bound to the posted data for the posted action."""
    action = request.POST.get("action", "")
    data = request.POST if request.method == "POST" else None
    own = Review.objects.filter(submission=submission, member__user=request.user).first()
    initial = {"rating": own.rating, "notes": own.notes} if own else {}
    result: dict[str, forms.Form | None] = {
        "review": ReviewForm(data if action == "review" else None, initial=initial)
    }
    if access.can_decide(request.viewer, submission):
        edition = submission.category.call.edition
        result["assign"] = AssignForm(
            data if action == "assign" else None,
            members=edition.festival.members.select_related("user"),
        )
        result["decide"] = DecideForm(
            data if action == "decide" else None,
            sections=Section.objects.filter(edition=edition),
            awards=Award.objects.filter(festival=edition.festival),
        )
    return result


def _managers_form(forms_: dict[str, Any], name: str) -> Any:
    """The form only the festival's managers are given; to anyone else the action is not
    there (404, as for a submission they may not see)."""
    form = forms_.get(name)
    if form is None:
        raise Http404
    return form


def _review(request: Any, submission: Submission, forms_: dict[str, Any]) -> bool:
    form = forms_["review"]
    if not form.is_valid():
        return False
    try:
        services.review_save(submission=submission, actor=request.user, **form.cleaned_data)
    except DomainError as error:
        return refused(form, error)
    messages.success(request, _("Your rating is saved."))
    return True


def _assign(request: Any, submission: Submission, forms_: dict[str, Any]) -> bool:
    form = _managers_form(forms_, "assign")
    if not form.is_valid():
        return False
    try:
        services.assignment_add(
            submission=submission, member_id=form.cleaned_data["member"].pk, actor=request.user
        )
    except DomainError as error:
        return refused(form, error)
    messages.success(request, _("Assigned."))
    return True


def _shortlist(request: Any, submission: Submission, forms_: dict[str, Any]) -> bool:
    _managers_form(forms_, "assign")
    try:
        services.submission_shortlist(
            submission=submission, on=request.POST.get("on") == "1", actor=request.user
        )
    except DomainError as error:
        messages.error(request, error.message)
    return True


def _decide(request: Any, submission: Submission, forms_: dict[str, Any]) -> bool:
    form = _managers_form(forms_, "decide")
    if not form.is_valid():
        return False
    data = form.cleaned_data
    decision = services.Decision(
        selected=data["selected"],
        section_id=data["section"].pk if data["section"] else None,
        award_id=data["award"].pk if data["award"] else None,
        result=data["result"],
    )
    try:
        services.submission_decide(submission=submission, decision=decision, actor=request.user)
    except DomainError as error:
        return refused(form, error)
    messages.success(request, _("The decision is recorded."))
    return True


SUBMISSION_ACTIONS: dict[str, Callable[[Any, Submission, dict[str, Any]], bool]] = {
    "review": _review,
    "assign": _assign,
    "shortlist": _shortlist,
    "decide": _decide,
}
