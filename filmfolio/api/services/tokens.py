"""Personal API tokens: create (with a scope and an expiry), revoke, authenticate."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from filmfolio.core.errors import ObjectNotFoundError, ValidationFailedError

from ..choices import TokenScope
from ..keys import hash_key, key_prefix, new_key
from ..models import ApiToken

MAX_ACTIVE_TOKENS = 20
DEFAULT_LIFETIME_DAYS = 90
MAX_LIFETIME_DAYS = 366


def api_token_create(
    *,
    user: Any,
    name: str,
    scope: str = TokenScope.READ,
    lifetime_days: int = DEFAULT_LIFETIME_DAYS,
) -> tuple[ApiToken, str]:
    """Create a token for ``user`` that reads (or also writes, ``scope``) for ``lifetime_days``;
    returns the token and its key (shown once, never stored)."""
    if scope not in TokenScope.values:
        raise ValidationFailedError(
            _("Choose what the token may do."), errors={"scope": [_("Choose read or write.")]}
        )
    if not 1 <= lifetime_days <= MAX_LIFETIME_DAYS:
        message = _("A token lasts from 1 to %(n)d days.") % {"n": MAX_LIFETIME_DAYS}
        raise ValidationFailedError(message, errors={"lifetime_days": [message]})
    name = name.strip()
    if not name:
        raise ValidationFailedError(
            _("Give the token a name."), errors={"name": [_("This field is required.")]}
        )
    if len(name) > 100:
        raise ValidationFailedError(
            _("The name is too long."), errors={"name": [_("At most 100 characters.")]}
        )
    with transaction.atomic():
        active = ApiToken.objects.filter(
            user=user, revoked_at__isnull=True, expires_at__gt=timezone.now()
        ).count()
        if active >= MAX_ACTIVE_TOKENS:
            raise ValidationFailedError(
                _("You have %(n)d active tokens; revoke one first.") % {"n": active}
            )
        key = new_key()
        token = ApiToken.objects.create(
            user=user,
            name=name,
            prefix=key_prefix(key),
            key_hash=hash_key(key),
            scope=scope,
            expires_at=timezone.now() + datetime.timedelta(days=lifetime_days),
        )
    return token, key


def api_token_revoke(*, token_id: int, actor: Any) -> ApiToken:
    """Revoke one of ``actor``'s tokens; revoking twice is harmless."""
    with transaction.atomic():
        token = ApiToken.objects.select_for_update().filter(pk=token_id, user=actor).first()
        if token is None:
            raise ObjectNotFoundError(_("No such token."))
        if token.revoked_at is None:
            token.revoked_at = timezone.now()
            token.save(update_fields=["revoked_at", "updated_at"])
    return token


def api_token_authenticate(*, key: str) -> ApiToken | None:
    """The token of ``key`` (with its user) when it is neither revoked nor expired and its user
    is active, or None; records when the token was last used."""
    now = timezone.now()
    token = (
        ApiToken.objects.select_related("user")
        .filter(
            key_hash=hash_key(key),
            revoked_at__isnull=True,
            expires_at__gt=now,
            user__is_active=True,
        )
        .first()
    )
    if token is None:
        return None
    # Write at most once a minute per token: reads should not turn into writes.
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token
