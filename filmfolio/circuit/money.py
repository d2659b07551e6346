"""Fees as a reader reads them: an amount and its ISO 4217 currency formatted by Babel for the
active language ("€15.00" in English and in Chinese, "¥300.00"), the one formatter of every fee
of the festival run and of the calls for entry."""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_currency
from django.conf import settings
from django.utils import translation


def fee_text(amount: Decimal | None, currency: str) -> str:
    """``amount`` in ``currency`` for the active language, or "" without an amount."""
    if amount is None:
        return ""
    locale = translation.to_locale(translation.get_language() or settings.LANGUAGE_CODE)
    return format_currency(amount, currency, locale=locale)
