"""The public call pages and the filmmaker's submissions: the list of open calls, a call's
page with its one-step submission form, and "My submissions" with the festival's "seen"."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from filmfolio.core.errors import DomainError, ValidationFailedError
from filmfolio.films.access import ViewerRequest

from . import selectors, services
from .forms import SubmitForm


def index(request: ViewerRequest) -> HttpResponse:
    """The calls listed for the viewer (open calls; a festival's members also see its own)."""
    page = selectors.open_calls_page_for(request.viewer, page=request.GET.get("page"))
    return render(request, "calls/index.html", {"page_obj": page})


def detail(request: ViewerRequest, slug: str) -> HttpResponse:
    """A call: rules, deadlines, categories and fees; its owners submit a film from here."""
    call = selectors.call_for(request.viewer, slug)
    if call is None:
        raise Http404
    form = None
    if request.user.is_authenticated and call.is_open:
        form = SubmitForm(
            request.POST or None,
            films=selectors.submittable_films_for(request.viewer),
            categories=call.categories.all(),
        )
    if request.method == "POST":
        if form is None:
            raise Http404
        if _submitted(request, form):
            messages.success(request, _("Submitted, with a screener link for the festival."))
            return redirect("calls:mine")
    status = 400 if form is not None and form.errors else 200
    return render(request, "calls/detail.html", {"call": call, "form": form}, status=status)


def _submitted(request: ViewerRequest, form: SubmitForm) -> bool:
    """Submit as the form says; a refusal becomes the form's errors (each broken rule)."""
    if not form.is_valid():
        return False
    try:
        services.submission_create(
            category_id=form.cleaned_data["category"].pk,
            film=form.cleaned_data["film"],
            premiere=form.cleaned_data["premiere"],
            language=translation.get_language() or "en",
            actor=request.user,
        )
    except ValidationFailedError as error:
        for message in error.errors.get("film", []) or [error.message]:
            form.add_error(None, message)
        return False
    except DomainError as error:
        form.add_error(None, error.message)
        return False
    return True


@login_required
def mine(request: ViewerRequest) -> HttpResponse:
    """The submissions of the viewer's films: status, and when the festival saw the film."""
    submissions = selectors.own_submissions_for(request.viewer)
    return render(request, "calls/mine.html", {"submissions": submissions})


@require_POST
@login_required
def withdraw(request: ViewerRequest, public_id: str) -> HttpResponse:
    """Withdraw one of the viewer's submissions (the film's editors and owners); the festival's
    desk then shows it withdrawn. Anyone else gets 404."""
    found = selectors.own_submissions_for(request.viewer).filter(public_id=public_id).first()
    if found is None:
        raise Http404
    try:
        services.submission_withdraw(submission=found, actor=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The submission is withdrawn."))
    return redirect("calls:mine")
