"""Template filters and tags of every page: editions, vocabularies, budgets, links (``{% load
filmfolio %}``; the JSON-LD tags are in ``{% load presskit %}``)."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from typing import Any

from babel.numbers import format_decimal
from django import template
from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import translation

from filmfolio.core import ordinals as formatting
from filmfolio.core import vocab
from filmfolio.core.site import absolute_url

register = template.Library()

_BABEL_LOCALES = {"zh-hans": "zh_Hans", "zh": "zh_Hans"}


@register.simple_tag
def site_nav_url(name: str) -> str:
    """``{% url name %}`` for argument-less site-wide links, reversed once per process (the
    header reverses the same five names on every page)."""
    return _reverse_once(get_urlconf() or settings.ROOT_URLCONF, get_script_prefix(), name)


@lru_cache(maxsize=64)
def _reverse_once(urlconf: str, prefix: str, name: str) -> str:
    return reverse(name, urlconf=urlconf)


@register.filter
def choice_label(obj: Any, field_name: str) -> Any:
    """``obj.get_<field>_display()`` without rebuilding the choices on every call (lists show
    hundreds of them)."""
    value = getattr(obj, field_name)
    return _choice_labels(type(obj), field_name).get(value, value)  # type: ignore[arg-type]


@lru_cache(maxsize=256)
def _choice_labels(model: type, field_name: str) -> dict[Any, Any]:
    return dict(model._meta.get_field(field_name).flatchoices)  # type: ignore[attr-defined]


@register.filter
def ordinal(number: int | None) -> str:
    """36 -> "36th" / "第36届"."""
    return formatting.ordinal(number) if number else ""


@register.filter
def edition_label(edition: Any) -> str:
    """ "36th (2014)", "2013", "7th"."""
    return formatting.edition_label(edition)


@register.filter
def language_name(code: str) -> str:
    """A BCP 47 tag's name in the active language: zh -> Chinese / 中文."""
    return vocab.language_name(code) if code else ""


@register.filter
def country_name(code: str) -> str:
    """An ISO 3166-1 code's name in the active language: CN -> China / 中国."""
    return vocab.country_name(code) if code else ""


@register.filter
def credited_as_note(credit: Any) -> str:
    """The role as credited, when it says more than the role's English or Chinese name."""
    said = credit.credited_as.strip()
    names = {credit.role.name_en.casefold(), credit.role.name_zh.casefold()}
    return said if said and said.casefold() not in names else ""


def format_amount(amount: Decimal) -> str:
    """347000.00 -> "347,000" (grouping of the active language, decimals only when needed)."""
    locale = _BABEL_LOCALES.get((translation.get_language() or "en").lower(), "en")
    pattern = "#,##0" if amount == amount.to_integral_value() else "#,##0.00"
    return format_decimal(amount, format=pattern, locale=locale)


@register.filter
def budget(film: Any) -> str:
    """ "347,000 USD"; the budget as the source stated it when the currency is unknown; or ""."""
    if film.budget_amount is not None and film.budget_currency:
        return f"{format_amount(film.budget_amount)} {film.budget_currency}"
    if film.budget_as_stated:
        return film.budget_as_stated
    return format_amount(film.budget_amount) if film.budget_amount is not None else ""


@register.simple_tag
def site_url(path: str) -> str:
    """The public address of ``path`` (the configured address, else the request's)."""
    return absolute_url(path)


@register.simple_tag(takes_context=True)
def query_with(context: template.Context, **params: Any) -> str:
    """The current query string with ``params`` replaced (for pagination and sorting links)."""
    query = context["request"].GET.copy()
    for key, value in params.items():
        query[key] = value
    return "?" + query.urlencode()
