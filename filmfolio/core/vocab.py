"""Controlled vocabularies of codes: countries (ISO 3166-1), languages (BCP 47), currencies
(ISO 4217), with display names in English and Chinese from CLDR (Babel).

Codes are what we store; names are only for display and for recognising free text.
"""

from __future__ import annotations

from functools import cache

from babel import Locale, UnknownLocaleError
from django.utils import translation

_DISPLAY_LOCALES = {"en": "en", "zh-hans": "zh_Hans", "zh": "zh_Hans"}


@cache
def _locale(language: str) -> Locale:
    code = _DISPLAY_LOCALES.get(language.lower(), "en")
    return Locale.parse(code)


def _current_locale() -> Locale:
    return _locale(translation.get_language() or "en")


@cache
def country_codes() -> frozenset[str]:
    """Every two-letter ISO 3166-1 code CLDR knows (numeric regions left out)."""
    codes = (str(c) for c in Locale("en").territories)
    return frozenset(c for c in codes if len(c) == 2 and c.isalpha())


@cache
def currency_codes() -> frozenset[str]:
    """Every ISO 4217 currency code CLDR knows."""
    return frozenset(Locale("en").currencies)


def is_language_code(code: str) -> bool:
    """True when ``code`` is a BCP 47 tag whose language CLDR can name (zh, zh-Hant, yue)."""
    try:
        Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return code.split("-")[0].lower() in Locale("en").languages
    return True


def country_name(code: str, language: str | None = None) -> str:
    """The country's name in ``language`` (default: the active one), or the code itself."""
    locale = _locale(language) if language else _current_locale()
    return str(locale.territories.get(code.upper(), code))


def language_name(code: str, language: str | None = None) -> str:
    """The language's name in ``language`` (default: the active one), e.g. zh -> Chinese."""
    locale = _locale(language) if language else _current_locale()
    try:
        name = Locale.parse(code.replace("-", "_")).get_display_name(locale)
    except (UnknownLocaleError, ValueError, TypeError):
        name = None
    return str(name or locale.languages.get(code, code))


def country_choices() -> list[tuple[str, str]]:
    """(code, English name) pairs sorted by name, for forms and admin."""
    names = Locale("en").territories
    return sorted(((c, str(names[c])) for c in country_codes()), key=lambda pair: pair[1])


def currency_choices() -> list[tuple[str, str]]:
    """(code, "CODE — name") pairs sorted by code."""
    names = Locale("en").currencies
    return [(c, f"{c} — {names[c]}") for c in sorted(currency_codes())]
