"""Ordinals and the label of a numbered edition (a festival's): "36th", "第36届", with the year
when known."""

from __future__ import annotations

from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _


def ordinal(number: int) -> str:
    """An ordinal in the active language: 36 -> "36th" / "第36届"."""
    if (translation.get_language() or "en").startswith("zh"):
        return f"第{number}届"
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def edition_label(edition: Any) -> str:
    """ "36th (2014)", "2013", "7th (2017)" or "" when neither is known."""
    if edition.number and edition.year:
        return _("%(ordinal)s (%(year)s)") % {
            "ordinal": ordinal(edition.number),
            "year": edition.year,
        }
    if edition.number:
        return ordinal(edition.number)
    return str(edition.year or "")
