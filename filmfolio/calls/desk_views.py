"""The festival's desk: its submissions with filters, one submission's review page (screener,
rating and notes, assignment, shortlist, decision), opening a call, notifying, and members.

Every page answers 404 to whoever is not a member of the festival (or, for a submission,
may not review it): existence is never revealed."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from filmfolio.core.errors import DomainError
from filmfolio.festivals.models import Festival
from filmfolio.films.access import ViewerRequest
from filmfolio.sharing.opening import screener_link_open

from . import access, selectors
from .desk_actions import SUBMISSION_ACTIONS, open_call, submission_forms
from .forms import CallOpenForm, FilterForm, MemberForm
from .models import Call, Category
from .services import member_appoint, submissions_notify


def _festival(request: ViewerRequest, slug: str) -> Festival:
    festival = selectors.desk_festival_for(request.viewer, slug)
    if festival is None:
        raise Http404
    return festival


@login_required
def desk(request: ViewerRequest, slug: str) -> HttpResponse:
    """The festival's submissions the viewer reviews, filtered and paginated; managers also
    open calls and send notifications here."""
    festival = _festival(request, slug)
    manages = access.can_manage_festival(request.viewer, festival)
    call_form = CallOpenForm(request.POST or None, prefix="call") if manages else None
    if (
        request.method == "POST"
        and call_form is not None
        and call_form.is_valid()
        and open_call(request, festival, call_form)
    ):
        return redirect("calls:desk", slug=festival.slug)
    categories = Category.objects.filter(call__edition__festival=festival).order_by("id")
    filter_form = FilterForm(request.GET or None, categories=categories)
    filters = selectors.Filters.from_query(request.GET)
    page = selectors.desk_submissions_page_for(
        request.viewer, festival, filters, page=request.GET.get("page")
    )
    context = {
        "festival": festival,
        "manages": manages,
        "directs": access.can_direct_festival(request.viewer, festival),
        "calls": festival_calls(festival),
        "page_obj": page,
        "filter_form": filter_form,
        "call_form": call_form,
    }
    status = 400 if call_form is not None and call_form.errors else 200
    return render(request, "calls/desk.html", context, status=status)


def festival_calls(festival: Festival) -> list[Call]:
    return list(Call.objects.filter(edition__festival=festival).select_related("edition"))


@login_required
def submission(request: ViewerRequest, public_id: str) -> HttpResponse:
    """One submission as the festival reviews it."""
    found = selectors.desk_submission_for(request.viewer, public_id)
    if found is None:
        raise Http404
    forms = submission_forms(request, found)
    action = request.POST.get("action", "")
    if request.method == "POST":
        handler = SUBMISSION_ACTIONS.get(action)
        if handler is None:
            raise Http404
        if handler(request, found, forms):
            return redirect("calls:submission", public_id=found.public_id)
    reviews = selectors.reviews_for(request.viewer, found)
    context = {
        "submission": found,
        "festival": found.category.call.edition.festival,
        "manages": access.can_decide(request.viewer, found),
        "reviews": reviews,
        "forms": forms,
        "viewer_user_id": request.user.pk,
    }
    status = 400 if any(f.errors for f in forms.values() if f is not None) else 200
    return render(request, "calls/submission.html", context, status=status)


@require_POST
@login_required
def watch(request: ViewerRequest, public_id: str) -> HttpResponse:
    """Open the submission's screener link in this browser and go to the film: the opening
    counts as the festival's, so the filmmaker sees "seen"."""
    found = selectors.desk_submission_for(request.viewer, public_id)
    link = found.screener_link if found is not None else None
    if link is None or not link.is_valid_at(timezone.now()):
        raise Http404
    screener_link_open(request=request, link=link)
    return redirect(found.film.get_absolute_url())  # type: ignore[union-attr]


@require_POST
@login_required
def notify(request: ViewerRequest, slug: str) -> HttpResponse:
    """E-mail the filmmakers of every decided submission not yet notified."""
    festival = _festival(request, slug)
    try:
        sent = submissions_notify(festival=festival, actor=request.user)
    except DomainError as error:
        raise Http404 from error
    messages.success(request, _("Notifications sent: %(n)d.") % {"n": sent})
    return redirect("calls:desk", slug=festival.slug)


@login_required
def members(request: ViewerRequest, slug: str) -> HttpResponse:
    """The festival's members; its director appoints them here."""
    festival = _festival(request, slug)
    directs = access.can_direct_festival(request.viewer, festival)
    form = MemberForm(request.POST or None) if directs else None
    if request.method == "POST":
        if form is None:
            raise Http404
        if form.is_valid():
            try:
                member_appoint(festival=festival, actor=request.user, **form.cleaned_data)
            except DomainError as error:
                form.add_error("email", error.message)
            else:
                messages.success(request, _("The member is appointed."))
                return redirect(reverse("calls:members", kwargs={"slug": festival.slug}))
    context = {"festival": festival, "members": selectors.members_for(festival), "form": form}
    return render(
        request, "calls/members.html", context, status=400 if form and form.errors else 200
    )
