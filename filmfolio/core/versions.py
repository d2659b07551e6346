"""The content version: one value that every write to anything a public page shows changes.

Pages cached for plain visitors (``films.page_cache``) hold the version in their cache key, so
a change shows on every page at once and the cached copies can live for hours: a new version
is a new set of keys, and the old entries are never read again (they expire or are culled).

The version lives in the shared cache (``settings.CACHES["default"]``: Redis when
``FILMFOLIO_CACHE_URL`` is set, else the file cache under ``VAR_DIR``), so every process and
server sees the same one. It is a fresh random token, not a counter: setting it needs no atomic
increment (the file cache has none), and a slow process that sets it late still sets a value no
page was ever cached under, so the version never goes back to an old one.

``content_changed`` is called by the write path, explicitly (no signals):
``core.audit.record_change`` (every change record: films, people, festivals, sharing, …) and
``films.changes`` when films get a new version (a person or festival renamed, media added or
made ready by the worker, an import). A write that bypasses the services (a bulk ``.update()``
in a shell) does not change the version; cached pages then follow within their lifetime.

Correct across transactions: the version is set at once (later reads in the same transaction
see the change) and again when the transaction commits. A page rendered by another process
reads the version before the data: a page built from data read before the commit is stored
under a version that the commit replaces, so nobody reads it again.

The trade-off: one write anywhere gives every cached page a new key, so after a change each
page is rendered once more. Writes are rare next to reads on this site; per-object versions
would keep more pages warm but must know every page each record shows up on.
"""

from __future__ import annotations

import secrets
import time

from django.core.cache import cache
from django.db import connection, transaction

VERSION_KEY = "filmfolio:content-version"


def _fresh() -> str:
    return f"{time.time_ns():x}{secrets.token_hex(4)}"


def content_version() -> str:
    """The current version (a new one when the cache lost it: nothing is stored under it)."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, _fresh(), timeout=None)
        version = cache.get(VERSION_KEY) or _fresh()
    return str(version)


def _publish() -> None:
    cache.set(VERSION_KEY, _fresh(), timeout=None)


def content_changed() -> None:
    """Give the content a new version now and again when the current transaction commits
    (once per transaction; at once when there is none)."""
    _publish()
    if not connection.in_atomic_block:
        return
    # Django keeps (savepoint ids, function, robust) for each; a rolled-back savepoint's go.
    if not any(entry[1] is _publish for entry in connection.run_on_commit):
        transaction.on_commit(_publish)
