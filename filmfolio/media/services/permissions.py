"""The permission check every media service runs first."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from filmfolio.core.errors import PermissionDeniedError, ValidationFailedError
from filmfolio.films.access import Viewer, can_set_video_visibility

from ..policy import can_manage_media


def require_manage(*, actor: Any, film: Any) -> None:
    """Raise ``PermissionDeniedError`` unless ``actor`` may change the film's media."""
    if not can_manage_media(Viewer.for_user(actor), film=film):
        raise PermissionDeniedError(_("You may not change the media of this film."))


def require_visibility(*, actor: Any, film: Any, current: str, wanted: str) -> None:
    """Refuse to widen who may watch a video unless ``actor`` owns the film."""
    if wanted == current:
        return
    if not can_set_video_visibility(Viewer.for_user(actor), film, current=current, wanted=wanted):
        raise ValidationFailedError(
            _("Only the film's owner can let more people watch a video. Choose the team.")
        )
