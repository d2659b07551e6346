"""The festival's own records from its desk: the programme (sections of its editions and the
awards it gives), a call's categories and whether it is open, and removing a member.

Only the festival's managers reach the programme and call pages, only its directors remove a
member; everyone else gets the 404 of an unknown address. Each post calls one service of
``calls.services`` and either succeeds or shows the refusal in the user's language."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from filmfolio.core.errors import DomainError
from filmfolio.festivals.models import Festival
from filmfolio.films.access import ViewerRequest

from . import access, selectors, services
from .desk_actions import refused
from .forms import AwardForm, CategoryForm, SectionForm
from .models import Call


def _managed(request: ViewerRequest, slug: str) -> Festival:
    festival = selectors.desk_festival_for(request.viewer, slug)
    if festival is None or not access.can_manage_festival(request.viewer, festival):
        raise Http404
    return festival


def _programme_forms(request: ViewerRequest, festival: Festival) -> dict[str, Any]:
    action = request.POST.get("action", "")
    data = request.POST if request.method == "POST" else None
    return {
        "section": SectionForm(
            data if action == "section" else None,
            prefix="section",
            editions=festival.editions.order_by("-year", "-number"),
        ),
        "award": AwardForm(data if action == "award" else None, prefix="award"),
    }


def _programme_post(request: ViewerRequest, festival: Festival, forms: dict[str, Any]) -> bool:
    action = request.POST.get("action", "")
    form = forms.get(action)
    if form is None:
        raise Http404
    if not form.is_valid():
        return False
    data = form.cleaned_data
    try:
        if action == "section":
            services.section_add(
                edition=data["edition"],
                name=data["name"],
                is_competitive=data["is_competitive"],
                actor=request.user,
            )
        else:
            services.award_add(festival=festival, name=data["name"], actor=request.user)
    except DomainError as error:
        return refused(form, error)
    messages.success(request, _("Added."))
    return True


@login_required
def programme(request: ViewerRequest, slug: str) -> HttpResponse:
    """The sections of the festival's editions and its awards; its managers add them here."""
    festival = _managed(request, slug)
    forms = _programme_forms(request, festival)
    if request.method == "POST" and _programme_post(request, festival, forms):
        return redirect("calls:programme", slug=festival.slug)
    context = {
        "festival": festival,
        "editions": selectors.programme_for(festival),
        "awards": festival.awards.order_by("name"),
        "forms": forms,
    }
    status = 400 if any(form.errors for form in forms.values()) else 200
    return render(request, "calls/programme.html", context, status=status)


def _managed_call(request: ViewerRequest, call_slug: str) -> Call:
    call = selectors.call_for(request.viewer, call_slug)
    if call is None or not access.can_manage_festival(request.viewer, call.edition.festival):
        raise Http404
    return call


def _call_post(request: ViewerRequest, call: Call, form: CategoryForm) -> bool:
    action = request.POST.get("action", "")
    try:
        if action in {"open", "close"}:
            services.call_set_open(call=call, is_open=action == "open", actor=request.user)
            messages.success(
                request, _("The call is open.") if action == "open" else _("The call is closed.")
            )
            return True
        if action != "category":
            raise Http404
        if not form.is_valid():
            return False
        services.category_add(
            call=call, draft=services.CategoryDraft(**form.cleaned_data), actor=request.user
        )
    except DomainError as error:
        return refused(form, error)
    messages.success(request, _("The category is added."))
    return True


@login_required
def call_manage(request: ViewerRequest, call_slug: str) -> HttpResponse:
    """A call as its festival's managers keep it: its categories, another category, and the
    button that closes (or opens again) the call."""
    call = _managed_call(request, call_slug)
    posted = request.method == "POST" and request.POST.get("action") == "category"
    form = CategoryForm(request.POST if posted else None, prefix="category")
    if request.method == "POST" and _call_post(request, call, form):
        return redirect("calls:call_manage", call_slug=call.slug)
    context = {"call": call, "festival": call.edition.festival, "form": form}
    return render(request, "calls/call_manage.html", context, status=400 if form.errors else 200)


@require_POST
@login_required
def member_remove(request: ViewerRequest, slug: str, member_id: int) -> HttpResponse:
    """Remove one member of the festival (its directors only; it keeps one director)."""
    festival = selectors.desk_festival_for(request.viewer, slug)
    if festival is None or not access.can_direct_festival(request.viewer, festival):
        raise Http404
    try:
        services.member_remove(festival=festival, member_id=member_id, actor=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The member is removed."))
    return redirect("calls:members", slug=festival.slug)
