"""The owners' sharing page of a film: visibility and password, screener links, collaborators;
and the password form of password-protected films."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from filmfolio.accounts import throttling
from filmfolio.core.errors import DomainError
from filmfolio.films import access
from filmfolio.films.choices import CollaboratorRole
from filmfolio.films.services.visibility import film_password_matches, film_set_visibility
from filmfolio.sharing import services as sharing
from filmfolio.sharing.viewers import grant_password, viewer_for

from ..models import Film
from .forms import FilmPasswordForm, InvitationForm, ScreenerLinkForm, VisibilityForm
from .views import edit_context, editable_film, show_domain_error

NEW_TOKEN_KEY = "filmfolio.new_screener_url"


def _forms(request: HttpRequest, film: Film) -> dict[str, Any]:
    which = request.POST.get("form") if request.method == "POST" else None
    return {
        "visibility_form": VisibilityForm(
            request.POST if which == "visibility" else None,
            initial={"visibility": film.visibility},
        ),
        "link_form": ScreenerLinkForm(request.POST if which == "link" else None),
        "invite_form": InvitationForm(request.POST if which == "invite" else None),
    }


def _handle(request: HttpRequest, film: Film, which: str, form: Any) -> bool:
    """Call the service for the posted form; True when it succeeded."""
    data = form.cleaned_data
    try:
        if which == "visibility":
            film_set_visibility(film=film, actor=request.user, **data)
        elif which == "link":
            _link, token = sharing.screener_link_create(film=film, actor=request.user, **data)
            url = request.build_absolute_uri(reverse("sharing:link", kwargs={"token": token}))
            request.session[NEW_TOKEN_KEY] = url
        else:
            sharing.collaborator_invite(
                film=film, actor=request.user, base_url=request.build_absolute_uri("/"), **data
            )
    except DomainError as error:
        show_domain_error(form, error)
        return False
    return True


@login_required
def sharing_page(request: HttpRequest, slug: str) -> HttpResponse:
    """Owners only: who sees the film, its screener links and its collaborators."""
    film = editable_film(request, slug, own=True)
    forms = _forms(request, film)
    which = request.POST.get("form", "")
    form = forms.get(f"{which}_form") if request.method == "POST" else None
    if form is not None and form.is_valid() and _handle(request, film, which, form):
        messages.success(request, _("Saved."))
        return redirect("films_edit:sharing", slug=film.slug)
    context = edit_context(
        request,
        film,
        "sharing",
        links=film.screener_links.all(),
        collaborators=film.collaborators.select_related("user"),
        invitations=film.invitations.filter(accepted_at__isnull=True, revoked_at__isnull=True),
        new_link_url=request.session.pop(NEW_TOKEN_KEY, None),
        role_choices=CollaboratorRole.choices,
        **forms,
    )
    status = 400 if form is not None else 200
    response = render(request, "films/edit/sharing.html", context, status=status)
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
@login_required
def link_revoke(request: HttpRequest, slug: str, link_id: int) -> HttpResponse:
    film = editable_film(request, slug, own=True)
    try:
        sharing.screener_link_revoke(film=film, actor=request.user, link_id=link_id)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The link is revoked; it opens nothing any more."))
    return redirect("films_edit:sharing", slug=film.slug)


@require_POST
@login_required
def collaborator_remove(request: HttpRequest, slug: str, collaborator_id: int) -> HttpResponse:
    film = editable_film(request, slug, own=True)
    try:
        sharing.collaborator_remove(film=film, actor=request.user, collaborator_id=collaborator_id)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Removed."))
    return redirect("films_edit:sharing", slug=film.slug)


@require_POST
def unlock(request: HttpRequest, slug: str) -> HttpResponse:
    """Check a password-protected film's password; a right one opens it in this session."""
    film = get_object_or_404(Film, slug=slug)
    viewer = viewer_for(request)
    if access.film_access(viewer, film) == access.Access.NONE:
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


@require_POST
@login_required
def collaborator_role(request: HttpRequest, slug: str, collaborator_id: int) -> HttpResponse:
    film = editable_film(request, slug, own=True)
    try:
        sharing.collaborator_set_role(
            film=film,
            actor=request.user,
            collaborator_id=collaborator_id,
            role=str(request.POST.get("role", ""))[:16],
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Saved."))
    return redirect("films_edit:sharing", slug=film.slug)


@login_required
def invitation_withdraw(request: HttpRequest, slug: str, invitation_id: int) -> HttpResponse:
    """Owners only: confirm (GET), then withdraw (POST) a pending invitation."""
    film = editable_film(request, slug, own=True)
    invitation = film.invitations.filter(
        pk=invitation_id, accepted_at__isnull=True, revoked_at__isnull=True
    ).first()
    if invitation is None:
        raise Http404
    if request.method != "POST":
        response = render(
            request,
            "films/edit/invitation_withdraw.html",
            edit_context(request, film, "sharing", invitation=invitation),
        )
        response["Cache-Control"] = "private, no-store"
        return response
    try:
        sharing.invitation_withdraw(film=film, actor=request.user, invitation_id=invitation.pk)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("The invitation is withdrawn; its link opens nothing any more.")
        )
    return redirect("films_edit:sharing", slug=film.slug)
