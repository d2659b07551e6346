"""The studio's own pages: "Add a film" with its three starts, the studio's start, the
sections holding fields of the film (basics, specifications, genres and kind) and the history.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from filmfolio.core.errors import DomainError

from .. import services
from ..access import ViewerRequest
from ..models import Film
from ..selectors import film_history_page_for
from .forms import GenresForm, NewFilmForm
from .frame import render_section, show_domain_error, status_for
from .lookup import film_for_editing
from .registry import SECTIONS


@login_required
def film_new(request: HttpRequest) -> HttpResponse:
    """Three starts: from scratch (title, year, kind), from the text of a page (``/import/``),
    from a file of film records (``/import/file/``)."""
    form = NewFilmForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            film = services.film_create(actor=request.user, **form.cleaned_data)
        except DomainError as error:
            show_domain_error(form, error)
        else:
            messages.success(request, _("The film is created. It is private until you share it."))
            return redirect("studio:basics", slug=film.slug)
    response = render(request, "studio/new.html", {"form": form}, status=status_for(request, form))
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def start(request: ViewerRequest, slug: str) -> HttpResponse:
    """The studio of a film opens on its first section."""
    film = film_for_editing(request.viewer, slug)
    first = next(iter(SECTIONS))
    return redirect(f"studio:{first.key}", slug=film.slug)


def field_section(
    key: str, form_class: type[forms.ModelForm]
) -> Callable[[HttpRequest, Film], HttpResponse]:
    """A section editing some of the film's own fields through ``films.services.film_update``."""

    def view(request: HttpRequest, film: Film) -> HttpResponse:
        form = form_class(request.POST or None, instance=Film.objects.get(pk=film.pk))
        if request.method == "POST" and form.is_valid():
            values = {name: form.cleaned_data[name] for name in form_class._meta.fields or ()}
            try:
                changes = services.film_update(film=film, actor=request.user, values=values)
            except DomainError as error:
                show_domain_error(form, error)
            else:
                messages.success(request, _("Saved.") if changes else _("Nothing changed."))
                return redirect(f"studio:{key}", slug=film.slug)
        status = status_for(request, form)
        return render_section(request, film, key, "studio/fields.html", {"form": form}, status)

    return view


def _genres_save(film: Film, actor: Any, data: dict[str, Any]) -> bool:
    kind = services.film_update(film=film, actor=actor, values={"kind": data["kind"] or None})
    genres = services.genres_set(film=film, actor=actor, genres=data["genres"])
    subjects = services.subjects_set(film=film, actor=actor, subjects=data["subjects"])
    return bool(kind) or genres or subjects


def genres_page(request: HttpRequest, film: Film) -> HttpResponse:
    """The film's kind, genres and subjects."""
    instance = Film.objects.get(pk=film.pk)
    suggested = services.suggested_subjects(instance)
    form = GenresForm(request.POST or None, instance=instance, suggested=suggested)
    if request.method == "POST" and form.is_valid():
        try:
            changed = _genres_save(film, request.user, form.cleaned_data)
        except DomainError as error:
            show_domain_error(form, error)
        else:
            messages.success(request, _("Saved.") if changed else _("Nothing changed."))
            return redirect("studio:genres", slug=film.slug)
    status = status_for(request, form)
    return render_section(request, film, "genres", "studio/fields.html", {"form": form}, status)


def history_page(request: ViewerRequest, film: Film) -> HttpResponse:
    """Every recorded change to the film: who, when, which fields, old and new value."""
    page = film_history_page_for(request.viewer, film, request.GET.get("page"))
    return render_section(request, film, "history", "studio/history.html", {"page": page})
