"""Pages of the film editor: a new film, each section, the history, the name look-ups.

Only the film's editors and owners reach these pages; everyone else gets 404, so the editor
never reveals that a private film exists.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from filmfolio.core.errors import DomainError
from filmfolio.films import access
from filmfolio.sharing.viewers import viewer_for

from .. import services
from ..models import Film
from ..selectors import film_history_page_for
from . import lookup
from .forms import NewFilmForm
from .sections import FIELD_SECTIONS, LIST_SECTIONS, SECTION_ORDER


def editable_film(request: HttpRequest, slug: str, *, own: bool = False) -> Film:
    """The film if the viewer may edit (or own) it; 404 otherwise."""
    film = get_object_or_404(Film, slug=slug)
    viewer = viewer_for(request)
    allowed = access.can_own_film(viewer, film) if own else access.can_edit_film(viewer, film)
    if not allowed:
        raise Http404
    return film


def show_domain_error(form: forms.BaseForm, error: DomainError) -> None:
    """Put a service's refusal on the form, on the field it names when the form has it."""
    field_errors = getattr(error, "errors", None) or {}
    for field, messages_ in field_errors.items():
        for message in messages_:
            form.add_error(field if field in form.fields else None, message)
    if not field_errors:
        form.add_error(None, error.message)


def edit_context(request: HttpRequest, film: Film, section: str, **extra: Any) -> dict[str, Any]:
    viewer = viewer_for(request)
    return {
        "film": film,
        "section": section,
        "sections": [(name, _section_title(name)) for name in SECTION_ORDER],
        "can_own": access.can_own_film(viewer, film),
        **extra,
    }


def _section_title(name: str) -> Any:
    if name in FIELD_SECTIONS:
        return FIELD_SECTIONS[name][0]
    return LIST_SECTIONS[name].title


@login_required
def film_new(request: HttpRequest) -> HttpResponse:
    """Start a film: title, year, kind. It begins private, owned by the author."""
    form = NewFilmForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            film = services.film_create(actor=request.user, **form.cleaned_data)
        except DomainError as error:
            show_domain_error(form, error)
        else:
            messages.success(request, _("The film is created. It is private until you share it."))
            return redirect("films_edit:section", slug=film.slug, section="basics")
    return render(request, "films/edit/new.html", {"form": form}, status=_status(request, form))


def _status(request: HttpRequest, form: forms.BaseForm) -> int:
    return 400 if request.method == "POST" and form.errors else 200


@login_required
def edit_start(request: HttpRequest, slug: str) -> HttpResponse:
    editable_film(request, slug)
    return redirect("films_edit:section", slug=slug, section="basics")


@login_required
def edit_section(request: HttpRequest, slug: str, section: str) -> HttpResponse:
    """One section of the editor; each saves and validates on its own."""
    film = editable_film(request, slug)
    if section in FIELD_SECTIONS:
        return _field_section(request, film, section)
    if section in LIST_SECTIONS:
        return _list_section(request, film, section)
    raise Http404


def _field_section(request: HttpRequest, film: Film, section: str) -> HttpResponse:
    form_class = FIELD_SECTIONS[section][1]
    form = form_class(request.POST or None, instance=Film.objects.get(pk=film.pk))
    if request.method == "POST" and form.is_valid():
        try:
            changes = services.film_update_section(
                film=film, actor=request.user, section=section, values=form.cleaned_data
            )
        except DomainError as error:
            show_domain_error(form, error)
        else:
            messages.success(request, _("Saved.") if changes else _("Nothing changed."))
            return redirect("films_edit:section", slug=film.slug, section=section)
    context = edit_context(request, film, section, form=form)
    return render(request, "films/edit/fields.html", context, status=_status(request, form))


def _list_section(request: HttpRequest, film: Film, section: str) -> HttpResponse:
    spec = LIST_SECTIONS[section]
    form = spec.make_form(film, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            spec.add(film, request.user, form.cleaned_data)
        except DomainError as error:
            show_domain_error(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("films_edit:section", slug=film.slug, section=section)
    context = edit_context(
        request, film, section, form=form, items=spec.items(film), removable=bool(spec.remove)
    )
    return render(request, "films/edit/list.html", context, status=_status(request, form))


@require_POST
@login_required
def remove_item(request: HttpRequest, slug: str, section: str, item_id: int) -> HttpResponse:
    """Remove one item of a list section; an item of another film is refused."""
    film = editable_film(request, slug)
    spec = LIST_SECTIONS.get(section)
    if spec is None or spec.remove is None:
        raise Http404
    try:
        spec.remove(film, request.user, item_id)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("films_edit:section", slug=film.slug, section=section)
    messages.success(request, _("Removed."))
    return redirect("films_edit:section", slug=film.slug, section=section)


@login_required
def history(request: HttpRequest, slug: str) -> HttpResponse:
    """Every recorded change to the film: who, when, which fields, old and new value."""
    film = editable_film(request, slug)
    page = film_history_page_for(viewer_for(request), film, request.GET.get("page"))
    return render(
        request, "films/edit/history.html", edit_context(request, film, "history", page=page)
    )


@require_GET
@login_required
def people_lookup(request: HttpRequest) -> JsonResponse:
    """Name matches for the credit picker (any script)."""
    matches = lookup.person_matches(viewer_for(request), request.GET.get("q", ""))
    return JsonResponse({"results": matches})


@require_GET
@login_required
def festivals_lookup(request: HttpRequest) -> JsonResponse:
    """Festival matches for the festival picker."""
    matches = lookup.festival_matches(viewer_for(request), request.GET.get("q", ""))
    return JsonResponse({"results": matches})
