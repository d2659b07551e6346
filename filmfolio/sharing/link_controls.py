"""Writes of a screener link's controls after it was sent: its recipient details, window, play
limit, delivery and watermark, its password, and the bulk extension and revocation of links.

Each service is keyword-only, checks that the actor owns the film, changes all or nothing in one
transaction and ends in ``changes.film_changed`` (a change record of the screener-links section,
naming the recipient and, for each changed field, the old and new value; never a password).
"""

from __future__ import annotations

import datetime
from dataclasses import asdict
from typing import Any

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from filmfolio.core.audit import ChangeNote
from filmfolio.core.choices import AuditAction, AuditSection
from filmfolio.core.errors import ObjectNotFoundError, ValidationFailedError
from filmfolio.films.changes import film_changed
from filmfolio.films.hooks import screener_copy_ready, screener_link_followed
from filmfolio.films.services import require_own
from filmfolio.films.services.visibility import MAX_PASSWORD_LENGTH

from . import controls as link_controls
from .controls import LinkControls, controls_errors, controls_of
from .models import ScreenerLink, Watermark

MAX_EXTEND_DAYS = 365
MAX_BULK_LINKS = 500


def _link_of(film: Any, link_id: int) -> ScreenerLink:
    link = ScreenerLink.objects.select_for_update().filter(film=film, pk=link_id).first()
    if link is None:
        raise ObjectNotFoundError(_("This screener link does not exist on this film."))
    return link


def _shown(value: Any) -> Any:
    """A value as the change record keeps it (JSON): datetimes in ISO 8601."""
    return value.isoformat() if isinstance(value, datetime.datetime) else value


def _note(film: Any, actor: Any, changes: dict[str, Any], action: str) -> None:
    film_changed(
        film,
        ChangeNote(
            actor=actor, action=action, section=AuditSection.SCREENER_LINKS, changes=changes
        ),
    )


def screener_link_update(
    *, film: Any, actor: Any, link_id: int, recipient: str, controls: LinkControls
) -> ScreenerLink:
    """Change the recipient and controls of one link of ``film`` (also after it was sent).

    A limit under the plays already made lets no more plays; a window moved later closes the
    link at once, also for browsers that opened it. Nothing changes when any value is wrong."""
    require_own(film=film, actor=actor)
    recipient = recipient.strip()
    with transaction.atomic():
        link = _link_of(film, link_id)
        errors = controls_errors(controls, now=timezone.now(), before=controls_of(link))
        if not recipient or len(recipient) > 200:
            errors["recipient"] = [_("Name the recipient in at most 200 characters.")]
        if errors:
            raise ValidationFailedError(_("Please correct the errors below."), errors=errors)
        wanted = {"recipient": recipient, **asdict(controls)}
        changed = {
            name: {"old": _shown(getattr(link, name)), "new": _shown(value)}
            for name, value in wanted.items()
            if getattr(link, name) != value
        }
        if changed:
            for name, value in wanted.items():
                setattr(link, name, value)
            link.save(update_fields=[*wanted, "updated_at"])
            _note(film, actor, {"screener_link": link.recipient, **changed}, AuditAction.UPDATE)
            screener_link_followed(link, actor)
    return link


def screener_link_set_password(
    *, film: Any, actor: Any, link_id: int, password: str
) -> ScreenerLink:
    """Give one link of ``film`` a new password, or none (``password`` empty). Asked of
    browsers that open the link from now on."""
    require_own(film=film, actor=actor)
    if len(password) > MAX_PASSWORD_LENGTH:
        raise ValidationFailedError(
            _("Please correct the errors below."),
            errors={"password": [_("Use at most %(n)d characters.") % {"n": MAX_PASSWORD_LENGTH}]},
        )
    with transaction.atomic():
        link = _link_of(film, link_id)
        had = link.has_password
        if not password and not had:
            return link
        link.password_hash = make_password(password) if password else ""
        link.save(update_fields=["password_hash", "updated_at"])
        change = {"old": "set" if had else "none", "new": "set" if password else "none"}
        _note(film, actor, {"screener_link": link.recipient, "password": change}, AuditAction.SET)
    return link


# The largest id a row can have (a signed 64-bit integer, on SQLite and PostgreSQL alike).
MAX_ROW_ID = 2**63 - 1


def _selected(film: Any, link_ids: list[int]) -> list[ScreenerLink]:
    """The links of ``film`` with these ids, locked; refused whole if one is not the film's."""
    ids = sorted({int(link_id) for link_id in link_ids})
    if not ids:
        raise ValidationFailedError(
            _("Select at least one link."), errors={"links": [_("Select at least one link.")]}
        )
    if len(ids) > MAX_BULK_LINKS:
        message = _("Select at most %(n)d links at once.") % {"n": MAX_BULK_LINKS}
        raise ValidationFailedError(message, errors={"links": [message]})
    if not 0 < ids[0] <= ids[-1] <= MAX_ROW_ID:  # no row has such an id (nor can a query ask)
        raise ObjectNotFoundError(_("This screener link does not exist on this film."))
    links = list(ScreenerLink.objects.select_for_update().filter(film=film, pk__in=ids))
    if len(links) != len(ids):
        raise ObjectNotFoundError(_("This screener link does not exist on this film."))
    return links


def screener_links_extend(*, film: Any, actor: Any, link_ids: list[int], days: int) -> int:
    """Move the expiry of the selected links of ``film`` ``days`` later (from now for a link
    that has expired); links without an expiry, and revoked ones, stay as they are. Returns how
    many changed."""
    require_own(film=film, actor=actor)
    if not 1 <= days <= MAX_EXTEND_DAYS:
        message = _("Extend by 1 to %(n)d days.") % {"n": MAX_EXTEND_DAYS}
        raise ValidationFailedError(message, errors={"days": [message]})
    now = timezone.now()
    changes: dict[str, Any] = {}
    with transaction.atomic():
        for link in _selected(film, link_ids):
            if link.expires_at is None or link.revoked_at is not None:
                continue
            old = link.expires_at
            link.expires_at = max(old, now) + datetime.timedelta(days=days)
            link.save(update_fields=["expires_at", "updated_at"])
            changes[f"{link.recipient} (#{link.pk})"] = {
                "old": _shown(old),
                "new": _shown(link.expires_at),
            }
        if changes:
            _note(film, actor, changes, AuditAction.UPDATE)
    return len(changes)


def screener_links_revoke(*, film: Any, actor: Any, link_ids: list[int]) -> int:
    """Revoke the selected links of ``film`` at once; returns how many were still open."""
    require_own(film=film, actor=actor)
    now = timezone.now()
    changes: dict[str, Any] = {}
    with transaction.atomic():
        for link in _selected(film, link_ids):
            if link.revoked_at is not None:
                continue
            link.revoked_at = now
            link.save(update_fields=["revoked_at", "updated_at"])
            changes[f"{link.recipient} (#{link.pk})"] = {"old": "open", "new": "revoked"}
        if changes:
            _note(film, actor, changes, AuditAction.REVOKE)
    return len(changes)


def screener_links_for(*, film: Any, actor: Any) -> list[ScreenerLink]:
    """Every screener link of ``film``, newest first, for its owners."""
    require_own(film=film, actor=actor)
    return list(ScreenerLink.objects.filter(film=film))


def screener_link_refusal(link: ScreenerLink, now: datetime.datetime) -> str | None:
    """Why ``link`` does not open for its recipient at ``now`` (before or after its window, its
    burned-in copy not ready yet), in the active language; None when it opens. A revoked link
    gets the generic "not valid" page, not this."""
    state = link_controls.window_state(link, now)
    if state in (link_controls.NOT_YET, link_controls.CLOSED):
        return link_controls.window_message(link, state)
    if link.watermark == Watermark.BURNED and not screener_copy_ready(link):
        return _("This screener is being prepared for you. Please try again later.")
    return None
