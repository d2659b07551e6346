"""A small cache-based limiter for logins, sign-ups, password resets and film or link passwords.

Failures are counted in fixed windows in Django's cache, separately per target (an account, a
film, a screener link) and per client address: the first stops many addresses guessing one
password, the second stops one address trying many targets, and neither lets one address lock
every account. The client address is REMOTE_ADDR, or the nearest untrusted address of
X-Forwarded-For when the request came through a proxy listed in ``FILMFOLIO_TRUSTED_PROXIES``
(docs/configuration.md). Configure a shared cache when running several web processes.
"""

from __future__ import annotations

import functools
import hashlib
import ipaddress
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

TOO_MANY = _("Too many attempts. Please wait a few minutes and try again.")

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


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


@dataclass(frozen=True)
class TargetThrottle:
    """Failures counted per target and per client address, each with its own limit."""

    per_target: Throttle
    per_address: Throttle

    def is_blocked(self, request: Any, target: str) -> bool:
        """Has ``target`` or the request's address used up its attempts?"""
        return self.per_target.is_blocked(target) or self.per_address.is_blocked(
            client_address(request)
        )

    def hit(self, request: Any, target: str) -> None:
        """Count one failure for ``target`` and one for the request's address."""
        self.per_target.hit(target)
        self.per_address.hit(client_address(request))

    def reset(self, target: str) -> None:
        """Forget the failures of ``target`` (the address keeps its count)."""
        self.per_target.reset(target)


WINDOW = 15 * 60
LOGIN_FAILURES = TargetThrottle(
    per_target=Throttle("login-account", limit=5, window_seconds=WINDOW),
    per_address=Throttle("login-address", limit=30, window_seconds=WINDOW),
)
# Wrong passwords of password-protected films and screener links.
SHARE_PASSWORD_FAILURES = TargetThrottle(
    per_target=Throttle("share-password", limit=10, window_seconds=WINDOW),
    per_address=Throttle("share-password-address", limit=30, window_seconds=WINDOW),
)
PASSWORD_RESETS = Throttle("password-reset", limit=5, window_seconds=60 * 60)
# Sign-up attempts per client address (each may send an e-mail).
SIGNUPS = Throttle("signup", limit=10, window_seconds=60 * 60)


def client_address(request: object) -> str:
    """The client's address: REMOTE_ADDR, or, when that is a trusted proxy, the right-most
    address of X-Forwarded-For that is not itself a trusted proxy."""
    meta = getattr(request, "META", {})
    remote = str(meta.get("REMOTE_ADDR", ""))
    proxies = trusted_proxies(tuple(getattr(settings, "FILMFOLIO_TRUSTED_PROXIES", ())))
    if not proxies or not _is_trusted(remote, proxies):
        return remote
    forwarded = [a.strip() for a in str(meta.get("HTTP_X_FORWARDED_FOR", "")).split(",")]
    hops = [address for address in forwarded if address]
    for address in reversed(hops):
        if not _is_trusted(address, proxies):
            return address
    return hops[0] if hops else remote


@functools.lru_cache(maxsize=8)
def trusted_proxies(entries: tuple[str, ...]) -> tuple[Network, ...]:
    """The networks of ``FILMFOLIO_TRUSTED_PROXIES`` (addresses or CIDR ranges)."""
    try:
        return tuple(ipaddress.ip_network(entry.strip(), strict=False) for entry in entries)
    except ValueError as error:
        raise ImproperlyConfigured(
            f"FILMFOLIO_TRUSTED_PROXIES must list IP addresses or CIDR ranges: {error}"
        ) from error


def _is_trusted(address: str, proxies: tuple[Network, ...]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip.version == network.version and ip in network for network in proxies)
