"""Readable, unique slugs for public URLs (Chinese is transliterated to pinyin)."""

from __future__ import annotations

from django.db.models import Model
from slugify import slugify


def unique_slug(model: type[Model], text: str, *, max_length: int = 80, field: str = "slug") -> str:
    """A slug from ``text`` not yet used by ``model``; adds -2, -3, ... when taken."""
    base = slugify(text, max_length=max_length - 6) or "untitled"
    manager = model._default_manager  # type: ignore[attr-defined]
    taken = set(manager.filter(**{f"{field}__startswith": base}).values_list(field, flat=True))
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"
