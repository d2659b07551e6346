"""Languages picked by name: CLDR names in the active language (English and Chinese names and
BCP 47 codes are accepted as typed), cleaned to BCP 47 codes. Used by every form that asks for
a language (the studio's, a person's names and biographies)."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from babel import Locale
from django import forms
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from filmfolio.core import vocab

_NAME_LOCALES = ("en", "zh_Hans")


@cache
def _names_to_codes() -> dict[str, str]:
    """Every CLDR language name in English and Chinese, folded, to its code ("zh-Hans")."""
    found: dict[str, str] = {}
    for locale_code in _NAME_LOCALES:
        for code, name in Locale.parse(locale_code).languages.items():
            found.setdefault(str(name).casefold(), str(code).replace("_", "-"))
    return found


def language_code_for(typed: str) -> str | None:
    """The BCP 47 code ``typed`` names (a code, or a name in English, Chinese or the active
    language), or None."""
    text = typed.strip()
    if not text:
        return None
    by_name = _names_to_codes().get(text.casefold()) or _active_names().get(text.casefold())
    if by_name:
        return by_name
    return (
        text
        if re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", text)
        and (vocab.is_language_code(text))
        else None
    )


def _active_names() -> dict[str, str]:
    return {name.casefold(): code for code, name in language_choices()}


@cache
def _language_choices(language: str) -> tuple[tuple[str, str], ...]:
    locale = Locale.parse("zh_Hans" if language.startswith("zh") else "en")
    pairs = {(str(c).replace("_", "-"), str(n)) for c, n in locale.languages.items()}
    return tuple(sorted(pairs, key=lambda pair: pair[1]))


def language_choices() -> tuple[tuple[str, str], ...]:
    """(code, name) of every language CLDR names, in the active language, sorted by name."""
    return _language_choices(translation.get_language() or "en")


LANGUAGE_LIST_ID = "studio-language-names"


class LanguageInput(forms.TextInput):
    """A text input offering the language names of the active language as suggestions (the
    studio frame holds the one ``<datalist>`` of them)."""

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__({"list": LANGUAGE_LIST_ID, "autocomplete": "off", **(attrs or {})})


class LanguageField(forms.CharField):
    """A language typed or picked by name; cleans to its BCP 47 code."""

    widget = LanguageInput

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("label", _("Language"))
        kwargs.setdefault("max_length", 100)
        kwargs.setdefault("help_text", _("Type or pick the language's name, e.g. English, 中文."))
        super().__init__(**kwargs)

    def prepare_value(self, value: Any) -> Any:
        if value and isinstance(value, str) and vocab.is_language_code(value):
            return vocab.language_name(value)
        return value

    def clean(self, value: Any) -> str:
        text = super().clean(value)
        if not text:
            return ""
        code = language_code_for(text)
        if code is None:
            raise forms.ValidationError(
                _("“%(name)s” is not a language we know; pick one from the list.") % {"name": text}
            )
        return code
