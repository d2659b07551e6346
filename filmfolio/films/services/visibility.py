"""Who sees a film: its visibility and its password (kept only as a hash)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.hashers import check_password, make_password
from django.db import transaction
from django.utils.translation import gettext as _

from filmfolio.core.audit import ChangeNote
from filmfolio.core.choices import AuditAction, AuditSection
from filmfolio.core.errors import ValidationFailedError

from ..choices import Visibility
from ..models import Film
from .base import film_changed, require_own

MAX_PASSWORD_LENGTH = 128


def film_set_visibility(*, film: Film, actor: Any, visibility: str, password: str = "") -> None:
    """Set who sees ``film``; a password film needs a password (kept only as a hash).

    Leaving ``password`` empty keeps the film's current password, if it has one.
    """
    require_own(film=film, actor=actor)
    if visibility not in Visibility.values:
        raise ValidationFailedError(
            _("Choose a visibility."), errors={"visibility": [_("Choose a visibility.")]}
        )
    if len(password) > MAX_PASSWORD_LENGTH:
        raise ValidationFailedError(
            _("The password is too long."),
            errors={"password": [_("Use at most %(n)d characters.") % {"n": MAX_PASSWORD_LENGTH}]},
        )
    if visibility == Visibility.PASSWORD and not password and not film.password_hash:
        raise ValidationFailedError(
            _("A password-protected film needs a password."),
            errors={"password": [_("Give the password viewers will type.")]},
        )
    changes: dict[str, Any] = {}
    if film.visibility != visibility:
        changes["visibility"] = {"old": film.visibility, "new": visibility}
    fields = ["visibility"]  # ``film_changed`` sets the new version
    if password:
        film.password_hash = make_password(password)
        fields.append("password_hash")
        changes["password"] = {"old": "…", "new": "…"}
    film.visibility = visibility
    with transaction.atomic():
        film.save(update_fields=fields)
        if changes:
            film_changed(
                film,
                ChangeNote(
                    actor=actor,
                    action=AuditAction.UPDATE,
                    section=AuditSection.VISIBILITY,
                    changes=changes,
                ),
            )


def film_password_matches(*, film: Film, password: str) -> bool:
    """Is ``password`` the password of this password-protected film?"""
    if film.visibility != Visibility.PASSWORD or not film.password_hash:
        return False
    return check_password(password[:MAX_PASSWORD_LENGTH], film.password_hash)
