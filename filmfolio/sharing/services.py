"""Writes of the sharing app: screener links, invitations, collaborators (the film's
visibility and password are set by ``films.services.visibility``).

Each service is keyword-only, checks the actor through ``access``, runs in one transaction and
ends in ``changes.film_changed`` (change record, version, search document, cached pages).
"""

from __future__ import annotations

import datetime
from dataclasses import asdict
from typing import Any

from django.contrib.auth.hashers import make_password
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from filmfolio.core.audit import ChangeNote
from filmfolio.core.choices import AuditAction, AuditSection
from filmfolio.core.errors import ObjectNotFoundError, PermissionDeniedError, ValidationFailedError
from filmfolio.core.site import site_url
from filmfolio.core.viewers import Viewer
from filmfolio.films.changes import film_changed
from filmfolio.films.choices import CollaboratorRole
from filmfolio.films.hooks import (
    EXPOSE_SCREENER_LINK,
    ExposureNotConfirmedError,
    exposure_warnings,
    screener_link_followed,
)
from filmfolio.films.models import Collaborator
from filmfolio.films.screener_access import (
    SCREENER_FOR_RECIPIENT,
    SCREENER_FOR_SUBMISSION,
    can_make_screener_link,
)
from filmfolio.films.services import require_own
from filmfolio.films.services.visibility import MAX_PASSWORD_LENGTH

from .controls import LinkControls, controls_errors
from .models import Invitation, ScreenerLink
from .tokens import new_token, token_digest

INVITATION_DAYS = 14


def screener_link_create(
    *,
    film: Any,
    actor: Any,
    recipient: str,
    expires_at: datetime.datetime | None = None,
    password: str = "",
    confirmed: bool = False,
) -> tuple[ScreenerLink, str]:
    """Create a screener link for one recipient with only an expiry (``screener_link_send``
    sets every control); returns the link and its token (shown once)."""
    return screener_link_send(
        film=film,
        actor=actor,
        recipient=recipient,
        controls=LinkControls(expires_at=expires_at),
        password=password,
        confirmed=confirmed,
    )


def screener_link_send(
    *,
    film: Any,
    actor: Any,
    recipient: str,
    controls: LinkControls,
    password: str = "",
    confirmed: bool = False,
) -> tuple[ScreenerLink, str]:
    """Create a screener link for one recipient; returns the link and its token (shown once).
    Only the film's owners may (``films.screener_access.can_make_screener_link``).

    ``controls`` (``sharing.controls``) set its window, play limit, delivery and watermark.
    When a link would break something (``films.hooks.exposure_warnings``: a pending festival
    premiere) it is refused with ``ExposureNotConfirmedError`` unless ``confirmed``."""
    if not can_make_screener_link(Viewer.for_user(actor), film, purpose=SCREENER_FOR_RECIPIENT):
        raise PermissionDeniedError(_("Only the film's owners may do this."))
    return _link_make(
        film=film,
        actor=actor,
        recipient=recipient,
        controls=controls,
        password=password,
        confirmed=confirmed,
    )


def submission_screener_link_create(
    *, film: Any, actor: Any, recipient: str, expires_at: datetime.datetime
) -> tuple[ScreenerLink, str]:
    """The screener link of a submission to a festival's call: the film's owners and also its
    editors may make it (``films.screener_access.can_make_screener_link`` for a submission).
    The festival it goes to is who a premiere is kept for, so no premiere warning stops it."""
    if not can_make_screener_link(Viewer.for_user(actor), film, purpose=SCREENER_FOR_SUBMISSION):
        raise PermissionDeniedError(_("Only the film's owners and editors may submit it."))
    controls = LinkControls(expires_at=expires_at)
    return _link_make(film=film, actor=actor, recipient=recipient, controls=controls)


def _link_make(
    *,
    film: Any,
    actor: Any,
    recipient: str,
    controls: LinkControls,
    password: str = "",
    confirmed: bool = True,
) -> tuple[ScreenerLink, str]:
    """Make the link for an actor already allowed: check the fields and the premieres, save,
    record it on the film."""
    recipient = recipient.strip()
    errors = controls_errors(controls, now=timezone.now())
    if not recipient or len(recipient) > 200:
        errors["recipient"] = [_("Name the recipient in at most 200 characters.")]
    if len(password) > MAX_PASSWORD_LENGTH:
        errors["password"] = [_("Use at most %(n)d characters.") % {"n": MAX_PASSWORD_LENGTH}]
    if errors:
        raise ValidationFailedError(_("Please correct the errors below."), errors=errors)
    warnings = [] if confirmed else exposure_warnings(film, EXPOSE_SCREENER_LINK)
    if warnings:
        raise ExposureNotConfirmedError(warnings)
    token = new_token()
    with transaction.atomic():
        link = ScreenerLink.objects.create(
            film=film,
            recipient=recipient,
            token_hash=token_digest(token),
            password_hash=make_password(password) if password else "",
            created_by=actor,
            **asdict(controls),
        )
        screener_link_followed(link, actor)
        film_changed(
            film,
            ChangeNote(
                actor=actor,
                action=AuditAction.ADD,
                section=AuditSection.SCREENER_LINKS,
                changes={"screener_link": {"old": None, "new": recipient}},
            ),
        )
    return link, token


def screener_link_revoke(*, film: Any, actor: Any, link_id: int) -> ScreenerLink:
    """Revoke one screener link of ``film`` at once; a link of another film is not found."""
    require_own(film=film, actor=actor)
    with transaction.atomic():
        link = ScreenerLink.objects.filter(film=film, pk=link_id).first()
        if link is None:
            raise ObjectNotFoundError(_("This screener link does not exist on this film."))
        if link.revoked_at is None:
            link.revoked_at = timezone.now()
            link.save(update_fields=["revoked_at", "updated_at"])
            film_changed(
                film,
                ChangeNote(
                    actor=actor,
                    action=AuditAction.REVOKE,
                    section=AuditSection.SCREENER_LINKS,
                    changes={"screener_link": {"old": link.recipient, "new": None}},
                ),
            )
    return link


def collaborator_invite(
    *, film: Any, actor: Any, email: str, role: str, base_url: str = ""
) -> Invitation:
    """Invite ``email`` to work on ``film`` with ``role``; sends the invitation by e-mail."""
    require_own(film=film, actor=actor)
    if role not in CollaboratorRole.values:
        raise ValidationFailedError(_("Choose a role."), errors={"role": [_("Choose a role.")]})
    token = new_token()
    with transaction.atomic():
        invitation = Invitation.objects.create(
            film=film,
            email=email.strip().lower(),
            role=role,
            token_hash=token_digest(token),
            invited_by=actor,
            expires_at=timezone.now() + datetime.timedelta(days=INVITATION_DAYS),
        )
        film_changed(
            film,
            ChangeNote(
                actor=actor,
                action=AuditAction.INVITE,
                section=AuditSection.COLLABORATORS,
                changes={"invitation": {"old": None, "new": f"{invitation.email} ({role})"}},
            ),
        )
        url = (base_url or site_url()).rstrip("/") + reverse(
            "sharing:invitation", kwargs={"token": token}
        )
        context = {"film": film, "invitation": invitation, "url": url, "actor": actor}
        transaction.on_commit(
            lambda: send_mail(
                subject=_("You are invited to work on %(title)s") % {"title": film.title},
                message=render_to_string("sharing/invitation_email.txt", context),
                from_email=None,
                recipient_list=[invitation.email],
            )
        )
    return invitation


def invitation_accept(*, token: str, user: Any) -> Collaborator:
    """Accept an open invitation as ``user``: adds them to the film (never lowers a role)."""
    invitation = (
        Invitation.objects.select_related("film").filter(token_hash=token_digest(token)).first()
        if token and len(token) <= 100
        else None
    )
    if invitation is None or not invitation.is_open_at(timezone.now()):
        raise ObjectNotFoundError(_("This invitation is not valid any more."))
    if (user.email or "").strip().lower() != invitation.email:
        # the invitation is for a person, not for whoever holds the link
        raise PermissionDeniedError(
            _(
                "This invitation was sent to %(address)s. Sign in with the account that uses "
                "this address to accept it, or ask for an invitation to your own address."
            )
            % {"address": _masked_address(invitation.email)}
        )
    order: list[str] = [CollaboratorRole.VIEWER, CollaboratorRole.EDITOR, CollaboratorRole.OWNER]
    with transaction.atomic():
        # withdrawn or accepted meanwhile? (the row is locked against a concurrent withdrawal)
        if (
            not Invitation.objects.select_for_update()
            .get(pk=invitation.pk)
            .is_open_at(timezone.now())
        ):
            raise ObjectNotFoundError(_("This invitation is not valid any more."))
        collaborator, created = Collaborator.objects.get_or_create(
            film=invitation.film, user=user, defaults={"role": invitation.role}
        )
        if not created and order.index(invitation.role) > order.index(collaborator.role):
            collaborator.role = invitation.role
            collaborator.save(update_fields=["role", "updated_at"])
        invitation.accepted_at = timezone.now()
        invitation.accepted_by = user
        invitation.save(update_fields=["accepted_at", "accepted_by", "updated_at"])
        film_changed(
            invitation.film,
            ChangeNote(
                actor=user,
                action=AuditAction.ACCEPT,
                section=AuditSection.COLLABORATORS,
                changes={
                    "collaborator": {
                        "old": None,
                        "new": f"{user.get_username()} ({collaborator.role})",
                    }
                },
            ),
        )
    return collaborator


def invitation_withdraw(*, film: Any, actor: Any, invitation_id: int) -> Invitation:
    """An owner withdraws a pending invitation of ``film``: its link opens nothing any more."""
    require_own(film=film, actor=actor)
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update().filter(film=film, pk=invitation_id).first()
        )
        if invitation is None:
            raise ObjectNotFoundError(_("This invitation does not exist on this film."))
        if invitation.accepted_at is not None:
            raise ValidationFailedError(
                _("This invitation was accepted already; remove the collaborator instead.")
            )
        if invitation.revoked_at is not None:
            raise ValidationFailedError(_("This invitation was withdrawn already."))
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at", "updated_at"])
        film_changed(
            film,
            ChangeNote(
                actor=actor,
                action=AuditAction.WITHDRAW,
                section=AuditSection.COLLABORATORS,
                changes={
                    "invitation": {"old": f"{invitation.email} ({invitation.role})", "new": None}
                },
            ),
        )
    return invitation


def _masked_address(email: str) -> str:
    """An e-mail address recognisable to its owner only: ``e*****@example.org``."""
    local, _at, domain = email.partition("@")
    return f"{local[:1]}{'*' * max(len(local) - 1, 1)}@{domain}"


def collaborator_remove(*, film: Any, actor: Any, collaborator_id: int) -> None:
    """Remove a collaborator of ``film``; the last owner cannot be removed."""
    require_own(film=film, actor=actor)
    with transaction.atomic():
        collaborator = (
            Collaborator.objects.select_related("user")
            .filter(film=film, pk=collaborator_id)
            .first()
        )
        if collaborator is None:
            raise ObjectNotFoundError(_("This collaborator does not exist on this film."))
        owners = Collaborator.objects.filter(film=film, role=CollaboratorRole.OWNER).count()
        if collaborator.role == CollaboratorRole.OWNER and owners <= 1:
            raise ValidationFailedError(_("A film needs at least one owner."))
        collaborator.delete()
        film_changed(
            film,
            ChangeNote(
                actor=actor,
                action=AuditAction.REMOVE,
                section=AuditSection.COLLABORATORS,
                changes={"collaborator": {"old": collaborator.user.get_username(), "new": None}},
            ),
        )


def collaborator_set_role(
    *, film: Any, actor: Any, collaborator_id: int, role: str
) -> Collaborator:
    """Change a collaborator's role on ``film``; the last owner keeps being an owner."""
    require_own(film=film, actor=actor)
    if role not in CollaboratorRole.values:
        raise ValidationFailedError(_("Choose a role."), errors={"role": [_("Choose a role.")]})
    with transaction.atomic():
        collaborator = (
            Collaborator.objects.select_for_update()
            .select_related("user")
            .filter(film=film, pk=collaborator_id)
            .first()
        )
        if collaborator is None:
            raise ObjectNotFoundError(_("This collaborator does not exist on this film."))
        owners = Collaborator.objects.filter(film=film, role=CollaboratorRole.OWNER).count()
        demotes_last_owner = (
            collaborator.role == CollaboratorRole.OWNER
            and role != CollaboratorRole.OWNER
            and owners <= 1
        )
        if demotes_last_owner:
            raise ValidationFailedError(_("A film needs at least one owner."))
        old = collaborator.role
        if old != role:
            collaborator.role = role
            collaborator.save(update_fields=["role", "updated_at"])
            film_changed(
                film,
                ChangeNote(
                    actor=actor,
                    action=AuditAction.UPDATE,
                    section=AuditSection.COLLABORATORS,
                    changes={collaborator.user.get_username(): {"old": old, "new": role}},
                ),
            )
    return collaborator
