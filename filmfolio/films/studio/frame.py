"""The studio's frame: the section navigation around every section, and the wrapper that turns
a section's view ``(request, film, ...)`` into a page at ``/studio/films/<slug>/...``.

The wrapper asks the one lookup (``film_for_editing``) with the access the section needs, so
no section decides who may see it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, cast

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from filmfolio.core.errors import show_on_form
from filmfolio.films import access
from filmfolio.films.access import Access, ViewerRequest

from ..models import Film
from .fields import LANGUAGE_LIST_ID, language_choices
from .lookup import film_for_editing
from .registry import SECTIONS


def studio_view(view: Callable[..., HttpResponse], need: Access) -> Callable[..., HttpResponse]:
    """``view(request, film, **kwargs)`` as a view of ``(request, slug, **kwargs)`` for
    signed-in viewers with ``need`` on the film; never cached by browsers or proxies."""

    @login_required
    @functools.wraps(view)
    def wrapped(request: ViewerRequest, slug: str, **kwargs: Any) -> HttpResponse:
        film = film_for_editing(request.viewer, slug, need=need)
        response = view(request, film, **kwargs)
        response["Cache-Control"] = "private, no-store"
        return response

    return wrapped


def navigation(request: HttpRequest, film: Film, current: str) -> list[dict[str, Any]]:
    """The sections this viewer may open, in order, the current one marked."""
    # the viewer middleware has put the viewer on every request
    level = access.film_access(cast(ViewerRequest, request).viewer, film)
    return [
        {
            "key": section.key,
            "label": section.label,
            "url": reverse(f"studio:{section.key}", kwargs={"slug": film.slug}),
            "count": section.count(film) if section.count else None,
            "current": section.key == current,
        }
        for section in SECTIONS
        if level >= section.need
    ]


def render_section(
    request: HttpRequest,
    film: Film,
    section: str,
    template: str,
    context: dict[str, Any] | None = None,
    status: int = 200,
) -> HttpResponse:
    """Render ``template`` (which extends ``studio/frame.html``) for one section."""
    frame = {
        "film": film,
        "section": section,
        "studio_nav": navigation(request, film, section),
        "language_list_id": LANGUAGE_LIST_ID,
        "language_names": language_choices(),
    }
    return render(request, template, {**frame, **(context or {})}, status=status)


# Sections put a service's refusal on their form with the one helper of ``core.errors``.
show_domain_error = show_on_form


def status_for(request: HttpRequest, *forms_: forms.BaseForm | None) -> int:
    """400 for a POST whose form was refused, else 200."""
    refused = any(form is not None and form.is_bound and form.errors for form in forms_)
    return 400 if request.method == "POST" and refused else 200
