"""Form fields of the studio that take what people type and give back codes and numbers.

Languages are picked by name (``core.languages``, re-exported here), countries and currencies
from lists of names, runtimes as "100", "100 min", "1 h 40 min" or "1:40".
"""

from __future__ import annotations

import datetime
import re
from functools import cache
from typing import Any

from babel.numbers import get_territory_currencies
from django import forms
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from filmfolio.core import vocab
from filmfolio.core.languages import (
    LANGUAGE_LIST_ID,
    LanguageField,
    LanguageInput,
    language_choices,
    language_code_for,
)


@cache
def _country_choices(language: str) -> tuple[tuple[str, str], ...]:
    pairs = ((code, vocab.country_name(code, language)) for code in vocab.country_codes())
    return tuple(sorted(pairs, key=lambda pair: pair[1]))


def country_choices() -> list[tuple[str, str]]:
    """(code, name) of every country, named in the active language."""
    return [("", "—"), *_country_choices(translation.get_language() or "en")]


@cache
def _current_currencies(today: datetime.date) -> frozenset[str]:
    """The currencies some country uses as legal tender on ``today``."""
    codes: set[str] = set()
    for territory in vocab.country_codes():
        codes.update(get_territory_currencies(territory, today))
    return frozenset(codes & vocab.currency_codes())


@cache
def _currency_choices(language: str, today: datetime.date) -> tuple[Any, ...]:
    current = _current_currencies(today)
    named = sorted(
        ((c, f"{vocab.currency_name(c, language)} ({c})") for c in vocab.currency_codes()),
        key=lambda pair: pair[1],
    )
    return (
        (_("Currencies in use"), [pair for pair in named if pair[0] in current]),
        (_("Former currencies"), [pair for pair in named if pair[0] not in current]),
    )


def currency_choices() -> list[Any]:
    """(code, "name (CODE)") of every ISO 4217 currency, named in the active language: those
    in use first, then the former ones (an old film's budget may be in francs)."""
    language = translation.get_language() or "en"
    return [("", "—"), *_currency_choices(language, datetime.date.today())]


_HOURS = r"(?P<h>\d+)\s*(?:h|hr|hrs|hour|hours|小时|時|时)"
_MINUTES = r"(?P<m>\d+)\s*(?:m|min|mins|minute|minutes|分钟|分|′|')?"
_RUNTIME_FORMS = (
    re.compile(rf"^{_HOURS}\s*(?:{_MINUTES})?$", re.IGNORECASE),
    re.compile(rf"^{_MINUTES}$", re.IGNORECASE),
    re.compile(r"^(?P<h>\d+):(?P<m>[0-5]\d)$"),
)


def parse_runtime(text: str) -> int | None:
    """Minutes in "100", "100 min", "1 h 40 min", "1h40", "1:40", "1小时40分钟"; None if not
    a runtime."""
    text = " ".join(text.split())
    for pattern in _RUNTIME_FORMS:
        match = pattern.match(text)
        if match:
            groups = match.groupdict()
            return int(groups.get("h") or 0) * 60 + int(groups.get("m") or 0)
    return None


class RuntimeField(forms.CharField):
    """A runtime typed as minutes or hours and minutes; cleans to minutes (or None), at most
    ``max_minutes`` (the model's limit, given by the form)."""

    def __init__(self, *, max_minutes: int | None = None, **kwargs: Any) -> None:
        kwargs.setdefault("label", _("Runtime"))
        kwargs.setdefault("max_length", 40)
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", _("In minutes or hours and minutes: 100, 1 h 40 min, 1:40."))
        super().__init__(**kwargs)
        self.max_minutes = max_minutes

    def clean(self, value: Any) -> int | None:
        text = super().clean(value)
        if not text:
            return None
        minutes = parse_runtime(text)
        too_long = self.max_minutes is not None and (minutes or 0) > self.max_minutes
        if minutes is None or minutes <= 0 or too_long:
            raise forms.ValidationError(_("Write the runtime as 100, 100 min, 1 h 40 min or 1:40."))
        return minutes


__all__ = [
    "LANGUAGE_LIST_ID",
    "LanguageField",
    "LanguageInput",
    "RuntimeField",
    "country_choices",
    "currency_choices",
    "language_choices",
    "language_code_for",
    "parse_runtime",
]
