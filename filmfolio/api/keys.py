"""Making and checking personal API token keys: pure functions, no database."""

from __future__ import annotations

import hashlib
import secrets

KEY_PREFIX = "ffk_"


def new_key() -> str:
    """A fresh random key: ``ffk_`` and 43 URL-safe characters (256 bits)."""
    return KEY_PREFIX + secrets.token_urlsafe(32)


def hash_key(key: str) -> str:
    """The stored form of a key. Keys are long random strings, so a fast hash is enough."""
    return hashlib.sha256(key.encode()).hexdigest()


def key_prefix(key: str) -> str:
    """The first characters of a key, shown in the token list to tell tokens apart."""
    return key[: len(KEY_PREFIX) + 6]
