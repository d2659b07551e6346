"""A small cache-based limiter for logins, password resets and film or link passwords.

Counts attempts per key (client address, username, e-mail) in fixed windows in Django's cache.
With the default local-memory cache the count is per process; configure a shared cache (Redis)
when running several web processes.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

TOO_MANY = _("Too many attempts. Please wait a few minutes and try again.")


@dataclass(frozen=True)
class Throttle:
    """At most ``limit`` attempts per key within ``window_seconds``."""

    scope: str
    limit: int
    window_seconds: int

    def _cache_key(self, key: str) -> str:
        digest = hashlib.sha256(key.casefold().encode("utf-8")).hexdigest()[:32]
        return f"throttle:{self.scope}:{digest}"

    def is_blocked(self, *keys: str) -> bool:
        """Has any of ``keys`` used up its attempts?"""
        counts = cache.get_many([self._cache_key(k) for k in keys if k])
        return any(count >= self.limit for count in counts.values())

    def hit(self, *keys: str) -> None:
        """Count one attempt for each of ``keys``."""
        for key in filter(None, keys):
            cache_key = self._cache_key(key)
            if cache.add(cache_key, 1, self.window_seconds):
                continue
            try:
                cache.incr(cache_key)
            except ValueError:
                cache.set(cache_key, 1, self.window_seconds)

    def reset(self, *keys: str) -> None:
        """Forget the attempts of ``keys`` (after a successful login)."""
        cache.delete_many([self._cache_key(k) for k in keys if k])


LOGIN_FAILURES = Throttle("login", limit=5, window_seconds=15 * 60)
LOGIN_FAILURES_PER_ADDRESS = Throttle("login-address", limit=30, window_seconds=15 * 60)
PASSWORD_RESETS = Throttle("password-reset", limit=5, window_seconds=60 * 60)
# Wrong passwords of password-protected films and screener links, per client address + target.
SHARE_PASSWORD_FAILURES = Throttle("share-password", limit=10, window_seconds=15 * 60)


def client_address(request: object) -> str:
    """The client's address as the web server saw it (the proxy sets REMOTE_ADDR in prod)."""
    meta = getattr(request, "META", {})
    return str(meta.get("REMOTE_ADDR", ""))
