"""Who sees a film: its visibility, its password (kept only as a hash) and its publication date.

A film's publication date (``published_at``) is set the first time it becomes public, by
whatever path (the sharing page, the API, the admin, an import), and never reset: made private
and public again, it keeps its first date. ``publication_time`` is that one rule; the importer,
which writes rows in bulk, applies it too."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.hashers import check_password, make_password
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from filmfolio.core.audit import ChangeNote
from filmfolio.core.choices import AuditAction, AuditSection
from filmfolio.core.errors import ValidationFailedError

from ..choices import Visibility
from ..hooks import EXPOSE_PUBLIC, ExposureNotConfirmedError, exposure_warnings
from ..models import Film
from .base import film_changed, require_own

MAX_PASSWORD_LENGTH = 128


def publication_time(*, visibility: str, published_at: Any, now: Any) -> Any:
    """The publication date a film has once given ``visibility``: the date it already has, else
    ``now`` when it becomes public, else none."""
    if published_at is not None:
        return published_at
    return now if visibility == Visibility.PUBLIC else None


def film_set_visibility(
    *, film: Film, actor: Any, visibility: str, password: str = "", confirmed: bool = False
) -> None:
    """Set who sees ``film``; a password film needs a password (kept only as a hash). The first
    time the film becomes public it gets its publication date (``publication_time``).

    Leaving ``password`` empty keeps the film's current password, if it has one. Making the
    film public when that breaks something (``films.hooks.exposure_warnings``: a pending
    festival premiere) is refused with ``ExposureNotConfirmedError`` unless ``confirmed``.
    """
    require_own(film=film, actor=actor)
    _check_visibility(film, visibility, password)
    if not confirmed:
        _refuse_breaking_exposure(film, visibility)
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
        changes.update(_publish(film, fields))
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


def _check_visibility(film: Film, visibility: str, password: str) -> None:
    """Refuse an unknown visibility, a too long password, a password film without one."""
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


def _refuse_breaking_exposure(film: Film, visibility: str) -> None:
    """Refuse to make ``film`` public while that breaks what ``exposure_warnings`` say."""
    if visibility != Visibility.PUBLIC or film.visibility == visibility:
        return
    warnings = exposure_warnings(film, EXPOSE_PUBLIC)
    if warnings:
        raise ExposureNotConfirmedError(warnings)


def _publish(film: Film, fields: list[str]) -> dict[str, Any]:
    """Give ``film`` its publication date if it becomes public for the first time (read under
    a lock, so two requests making it public keep one date); the change, if any."""
    stored = Film.objects.select_for_update().values_list("published_at", flat=True)
    current = stored.get(pk=film.pk)
    published_at = publication_time(
        visibility=film.visibility, published_at=current, now=timezone.now()
    )
    film.published_at = published_at
    if published_at == current:
        return {}
    fields.append("published_at")
    return {"published_at": {"old": None, "new": published_at.isoformat()}}


def film_password_matches(*, film: Film, password: str) -> bool:
    """Is ``password`` the password of this password-protected film?"""
    if film.visibility != Visibility.PASSWORD or not film.password_hash:
        return False
    return check_password(password[:MAX_PASSWORD_LENGTH], film.password_hash)
