"""The password form of a password-protected film (``/films/<slug>/unlock/``, named
``film-unlock`` in the root URLs): a right password opens it in this session."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from filmfolio.accounts import throttling
from filmfolio.films import access
from filmfolio.films.access import ViewerRequest
from filmfolio.films.models import Film
from filmfolio.films.services.visibility import film_password_matches

from .forms import FilmPasswordForm
from .viewers import grant_password


@require_POST
def unlock(request: ViewerRequest, slug: str) -> HttpResponse:
    """Check a password-protected film's password; a right one opens it in this session."""
    film = get_object_or_404(Film, slug=slug)
    if access.film_access(request.viewer, film) == access.Access.NONE:
        raise Http404
    form = FilmPasswordForm(request.POST)
    target = f"film:{film.pk}"
    status = 403
    if throttling.SHARE_PASSWORD_FAILURES.is_blocked(request, target):
        form.errors.clear()
        form.add_error(None, throttling.TOO_MANY)
        status = 429
    elif form.is_valid() and film_password_matches(
        film=film, password=form.cleaned_data["password"]
    ):
        request.session.cycle_key()
        grant_password(request, film=film)
        return redirect(film.get_absolute_url())
    elif form.is_valid():
        throttling.SHARE_PASSWORD_FAILURES.hit(request, target)
        form.add_error("password", _("This password is not right."))
    response = render(request, "films/password.html", {"film": film, "form": form}, status=status)
    response["Cache-Control"] = "private, no-store"
    return response
