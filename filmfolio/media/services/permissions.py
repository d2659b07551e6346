"""The permission check every media service runs first."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from filmfolio.core.errors import PermissionDeniedError
from filmfolio.sharing.access import Viewer

from ..policy import can_manage_media


def require_manage(*, actor: Any, film: Any) -> None:
    """Raise ``PermissionDeniedError`` unless ``actor`` may change the film's media."""
    if not can_manage_media(Viewer.for_user(actor), film=film):
        raise PermissionDeniedError(_("You may not change the media of this film."))
