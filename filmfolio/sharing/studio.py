"""The sharing section of a film's studio, for its owners: who may see the film (visibility and
password), screener links (create with their controls, copy, edit, revoke, bulk extend and
revoke: ``studio_links``), collaborators (role, remove) and invitations
(invite, withdraw)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from filmfolio.core.errors import DomainError
from filmfolio.films.access import Access
from filmfolio.films.choices import CollaboratorRole
from filmfolio.films.services.visibility import film_set_visibility
from filmfolio.films.studio import SECTIONS, Section
from filmfolio.films.studio.frame import render_section, show_domain_error

from . import services as sharing
from .forms import BulkLinksForm, InvitationForm, ScreenerLinkForm, VisibilityForm
from .studio_links import COMMON_ZONES, link_edit, link_rows, links_bulk

NEW_TOKEN_KEY = "filmfolio.new_screener_url"


def _forms(request: HttpRequest, film: Any) -> dict[str, Any]:
    which = request.POST.get("form") if request.method == "POST" else None
    return {
        "visibility_form": VisibilityForm(
            request.POST if which == "visibility" else None,
            initial={"visibility": film.visibility},
        ),
        "link_form": ScreenerLinkForm(request.POST if which == "link" else None),
        "invite_form": InvitationForm(request.POST if which == "invite" else None),
    }


def _handle(request: HttpRequest, film: Any, which: str, form: Any) -> bool:
    """Call the service for the posted form; True when it succeeded."""
    data = form.cleaned_data
    try:
        if which == "visibility":
            film_set_visibility(film=film, actor=request.user, **data)
        elif which == "link":
            _link, token = sharing.screener_link_send(
                film=film,
                actor=request.user,
                recipient=data["recipient"],
                password=data["password"],
                confirmed=data["confirmed"],
                controls=form.controls(),
            )
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


def sharing_page(request: HttpRequest, film: Any) -> HttpResponse:
    """Owners only: who sees the film, its screener links and its collaborators."""
    forms = _forms(request, film)
    which = request.POST.get("form", "")
    form = forms.get(f"{which}_form") if request.method == "POST" else None
    if form is not None and form.is_valid() and _handle(request, film, which, form):
        messages.success(request, _("Saved."))
        return redirect("studio:sharing", slug=film.slug)
    context = {
        "links": link_rows(film.screener_links.all()),
        "zones": COMMON_ZONES,
        "bulk_form": BulkLinksForm(),
        "collaborators": film.collaborators.select_related("user"),
        "invitations": film.invitations.filter(accepted_at__isnull=True, revoked_at__isnull=True),
        "new_link_url": request.session.pop(NEW_TOKEN_KEY, None),
        "role_choices": CollaboratorRole.choices,
        **forms,
    }
    status = 400 if form is not None else 200
    return render_section(request, film, "sharing", "sharing/studio.html", context, status)


def _done(request: HttpRequest, film: Any, action: Any, success: str) -> HttpResponse:
    """Run ``action``; say what happened; back to the sharing section."""
    try:
        action()
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, success)
    return redirect("studio:sharing", slug=film.slug)


@require_POST
def link_revoke(request: HttpRequest, film: Any, link_id: int) -> HttpResponse:
    return _done(
        request,
        film,
        lambda: sharing.screener_link_revoke(film=film, actor=request.user, link_id=link_id),
        _("The link is revoked; it opens nothing any more."),
    )


@require_POST
def collaborator_remove(request: HttpRequest, film: Any, collaborator_id: int) -> HttpResponse:
    return _done(
        request,
        film,
        lambda: sharing.collaborator_remove(
            film=film, actor=request.user, collaborator_id=collaborator_id
        ),
        _("Removed."),
    )


@require_POST
def collaborator_role(request: HttpRequest, film: Any, collaborator_id: int) -> HttpResponse:
    role = str(request.POST.get("role", ""))[:16]
    return _done(
        request,
        film,
        lambda: sharing.collaborator_set_role(
            film=film, actor=request.user, collaborator_id=collaborator_id, role=role
        ),
        _("Saved."),
    )


def invitation_withdraw(request: HttpRequest, film: Any, invitation_id: int) -> HttpResponse:
    """Owners only: confirm (GET), then withdraw (POST) a pending invitation."""
    invitation = film.invitations.filter(
        pk=invitation_id, accepted_at__isnull=True, revoked_at__isnull=True
    ).first()
    if invitation is None:
        raise Http404
    if request.method != "POST":
        context = {"invitation": invitation}
        return render_section(request, film, "sharing", "sharing/invitation_withdraw.html", context)
    return _done(
        request,
        film,
        lambda: sharing.invitation_withdraw(
            film=film, actor=request.user, invitation_id=invitation.pk
        ),
        _("The invitation is withdrawn; its link opens nothing any more."),
    )


SECTIONS.register(
    Section(
        key="sharing",
        order=200,
        label=gettext_lazy("Sharing"),
        view=sharing_page,
        need=Access.OWN,
        urls=(
            path("links/<int:link_id>/revoke/", link_revoke, name="link_revoke"),
            path("links/<int:link_id>/edit/", link_edit, name="link_edit"),
            path("links/bulk/", links_bulk, name="links_bulk"),
            path(
                "invitations/<int:invitation_id>/withdraw/",
                invitation_withdraw,
                name="invitation_withdraw",
            ),
            path(
                "collaborators/<int:collaborator_id>/remove/",
                collaborator_remove,
                name="collaborator_remove",
            ),
            path(
                "collaborators/<int:collaborator_id>/role/",
                collaborator_role,
                name="collaborator_role",
            ),
        ),
    )
)
