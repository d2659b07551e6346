"""Opening a screener link: finding it by its token or the session's pending id, swapping it for
a grant in the browser session, and counting the openings of real browsers once each
(``sharing.visits``)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.hashers import check_password
from django.db.models import F
from django.utils import timezone

from filmfolio.films.services.visibility import MAX_PASSWORD_LENGTH

from . import viewers, visits
from .models import ScreenerLink
from .tokens import token_digest


def screener_link_for_token(token: str) -> ScreenerLink | None:
    """The valid (not revoked, not expired) link with this token, or None."""
    if not token or len(token) > 100:
        return None
    link = (
        ScreenerLink.objects.select_related("film").filter(token_hash=token_digest(token)).first()
    )
    if link is None or not link.is_valid_at(timezone.now()):
        return None
    return link


def screener_link_with_token(token: str) -> ScreenerLink | None:
    """The link with this token in any state (revoked, outside its window), or None."""
    if not token or len(token) > 100:
        return None
    return (
        ScreenerLink.objects.select_related("film").filter(token_hash=token_digest(token)).first()
    )


def screener_link_by_id(link_id: object) -> ScreenerLink | None:
    """The valid link with this id (from the session), or None."""
    if not isinstance(link_id, int):
        return None
    link = ScreenerLink.objects.select_related("film").filter(pk=link_id).first()
    if link is None or not link.is_valid_at(timezone.now()):
        return None
    return link


def screener_link_open(*, request: Any, link: ScreenerLink, password: str = "") -> bool:
    """Swap a valid link for a grant in this browser session; the first opening in a session of
    a browser (not a link previewer) is noted, and counted by ``screener_link_count_opens``
    when the browser comes back with the session (``sharing.visits``).

    Returns False (and changes nothing) when the link has a password and ``password`` is wrong.
    """
    if link.password_hash and not check_password(
        password[:MAX_PASSWORD_LENGTH], link.password_hash
    ):
        return False
    granted = viewers.link_granted(request, film_id=link.film_id, link_id=link.pk)
    viewers.grant_link(request, film_id=link.film_id, link_id=link.pk)
    if not granted and not visits.is_previewer(request):
        visits.note_pending_open(request, link.pk)
    return True


def screener_link_count_opens(*, request: Any) -> None:
    """Count the openings this browser session noted, once each (see ``sharing.visits``)."""
    link_ids = visits.take_pending_opens(request)
    if not link_ids:
        return
    now = timezone.now()
    ScreenerLink.objects.filter(pk__in=link_ids).update(
        open_count=F("open_count") + 1, last_opened_at=now
    )
    ScreenerLink.objects.filter(pk__in=link_ids, first_opened_at__isnull=True).update(
        first_opened_at=now
    )
