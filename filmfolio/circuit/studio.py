"""The festival run section of a film's studio (its editors): the film's entries with their
screener links and what the festival saw, a form to add one, moves between statuses, and what
shows on the film's public record. The board posts its moves here too."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from filmfolio.core.errors import DomainError
from filmfolio.films.hooks import ExposureNotConfirmedError
from filmfolio.films.studio import SECTIONS, Section
from filmfolio.films.studio.frame import render_section, show_domain_error

from . import access, services
from .forms import PublishForm, RunEntryEditForm, RunEntryForm, StatusForm
from .models import RunEntry
from .selectors import film_run_for

NEW_SCREENER_KEY = "filmfolio.new_run_screener_url"
PAGE_SIZE = 20


def _back(request: HttpRequest, film: Any) -> HttpResponse:
    """To the board when the move came from there, else to the film's run."""
    if request.POST.get("next") == "board":
        return redirect("circuit:board")
    return redirect("studio:run", slug=film.slug)


def _entry(film: Any, entry_id: int) -> RunEntry:
    entry = film.run_entries.select_related("edition__festival", "film").filter(pk=entry_id)
    found = entry.first()
    if found is None:
        raise Http404
    return found


def run_page(request: HttpRequest, film: Any) -> HttpResponse:
    """The film's run and the form that adds an entry."""
    form = RunEntryForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            _entry_made, token = services.run_entry_add(
                film=film,
                actor=request.user,
                draft=form.draft(),
                confirmed=form.cleaned_data["confirmed"],
            )
        except DomainError as error:
            show_domain_error(form, error)
        else:
            if token:
                url = reverse("sharing:link", kwargs={"token": token})
                request.session[NEW_SCREENER_KEY] = request.build_absolute_uri(url)
            messages.success(request, _("The entry is added to the festival run."))
            return redirect("studio:run", slug=film.slug)
    context = {
        "page_obj": Paginator(film_run_for(film), PAGE_SIZE).get_page(request.GET.get("page")),
        "form": form,
        "new_screener_url": request.session.pop(NEW_SCREENER_KEY, None),
        "publish_form": PublishForm(initial={"category": True}),
    }
    status = 400 if form.is_bound else 200
    return render_section(request, film, "run", "circuit/studio.html", context, status)


def entry_edit(request: HttpRequest, film: Any, entry_id: int) -> HttpResponse:
    """Change an entry's category, dates, fee, premiere and notes (its editors; others 404)."""
    entry = _entry(film, entry_id)
    if not access.can_change_run(request.viewer, film):  # type: ignore[attr-defined]
        raise Http404
    initial = {name: getattr(entry, name) for name in RunEntryEditForm.base_fields}
    form = RunEntryEditForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.run_entry_update(entry=entry, actor=request.user, edit=form.edit())
        except DomainError as error:
            show_domain_error(form, error)
        else:
            messages.success(request, _("The entry is saved."))
            return redirect("studio:run", slug=film.slug)
    context = {"entry": entry, "form": form}
    status = 400 if form.is_bound else 200
    return render_section(request, film, "run", "circuit/entry_edit.html", context, status)


@require_POST
def entry_status(request: HttpRequest, film: Any, entry_id: int) -> HttpResponse:
    """Move an entry; a move that breaks a premiere asks for confirmation first."""
    entry = _entry(film, entry_id)
    form = StatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a status."))
        return _back(request, film)
    status, confirmed = form.cleaned_data["status"], form.cleaned_data["confirmed"]
    try:
        services.run_entry_set_status(
            entry=entry, actor=request.user, status=status, confirmed=confirmed
        )
    except ExposureNotConfirmedError as error:
        context = {"entry": entry, "warnings": error.warnings, "status": status}
        context["next"] = request.POST.get("next", "")
        return render(request, "circuit/confirm.html", context, status=409)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("Moved to “%(status)s”.") % {"status": entry.get_status_display()}
        )
    return _back(request, film)


@require_POST
def entry_publish(request: HttpRequest, film: Any, entry_id: int) -> HttpResponse:
    """Show a selected or awarded entry on the film's public festival record."""
    entry = _entry(film, entry_id)
    form = PublishForm(request.POST)
    try:
        if not form.is_valid():
            raise DomainError(_("Please correct the errors below."))
        services.run_entry_publish(entry=entry, actor=request.user, shown=form.shown())
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("It now shows on the film's page."))
    return redirect("studio:run", slug=film.slug)


@require_POST
def entry_unpublish(request: HttpRequest, film: Any, entry_id: int) -> HttpResponse:
    """Take an entry off the film's public festival record."""
    services.run_entry_unpublish(entry=_entry(film, entry_id), actor=request.user)
    messages.success(request, _("It no longer shows on the film's page."))
    return redirect("studio:run", slug=film.slug)


@require_POST
def entry_remove(request: HttpRequest, film: Any, entry_id: int) -> HttpResponse:
    """Remove an entry from the run."""
    services.run_entry_remove(entry=_entry(film, entry_id), actor=request.user)
    messages.success(request, _("Removed."))
    return redirect("studio:run", slug=film.slug)


SECTIONS.register(
    Section(
        key="run",
        order=105,
        label=gettext_lazy("Festival run"),
        view=run_page,
        count=lambda film: film.run_entries.count(),
        urls=(
            path("<int:entry_id>/edit/", entry_edit, name="run-edit"),
            path("<int:entry_id>/status/", entry_status, name="run-status"),
            path("<int:entry_id>/publish/", entry_publish, name="run-publish"),
            path("<int:entry_id>/unpublish/", entry_unpublish, name="run-unpublish"),
            path("<int:entry_id>/remove/", entry_remove, name="run-remove"),
        ),
    )
)
