"""Reads of people shared by the pages that show them (the person page itself, which lists
credits on films and their awards, is composed in ``web.people_pages``)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.utils import translation


def pick_by_language(items: Iterable[Any], language: str | None = None) -> Any:
    """The item (with a ``language``) best matching ``language`` (default: the active one):
    same tag, then same primary language, then English, then the first."""
    items = list(items)
    if not items:
        return None
    wanted = (language or translation.get_language() or "en").lower()
    primary = wanted.split("-")[0]

    def rank(item: Any) -> int:
        tag = (item.language or "").lower()
        if tag == wanted:
            return 0
        if tag.split("-")[0] == primary:
            return 1
        return 2 if tag.split("-")[0] == "en" else 3

    return min(items, key=rank)
