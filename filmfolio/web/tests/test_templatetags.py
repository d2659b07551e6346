"""Formatting filters of the public pages."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.utils import translation

from filmfolio.core.templatetags.filmfolio import (
    budget,
    choice_label,
    credited_as_note,
    edition_label,
)
from filmfolio.films.models import Film, Role
from filmfolio.presskit.templatetags.presskit import jsonld_script


@pytest.mark.parametrize(
    ("amount", "currency", "as_stated", "expected"),
    [
        (Decimal("347000.00"), "USD", "347,000 USD", "347,000 USD"),
        (Decimal("1234.50"), "EUR", "", "1,234.50 EUR"),
        (Decimal("100000"), "", "гд100,000", "гд100,000"),
        (Decimal("100000"), "", "", "100,000"),
        (None, "", "about 5,000 dollars", "about 5,000 dollars"),
        (None, "", "", ""),
    ],
)
def test_budget(amount, currency: str, as_stated: str, expected: str) -> None:
    film = Film(budget_amount=amount, budget_currency=currency, budget_as_stated=as_stated)
    assert budget(film) == expected


def test_budget_in_chinese_keeps_digit_grouping() -> None:
    with translation.override("zh-hans"):
        assert budget(Film(budget_amount=Decimal("347000"), budget_currency="USD")) == "347,000 USD"


def test_credited_as_note_only_when_it_says_more() -> None:
    role = Role(code="sound-mix", name_en="Sound mix", name_zh="混音")
    for said, expected in [("Sound Mix", ""), ("混音", ""), ("Re-recording", "Re-recording")]:
        assert credited_as_note(SimpleNamespace(credited_as=said, role=role)) == expected


def test_choice_label_follows_the_language() -> None:
    film = Film(kind="documentary", color="black_and_white")
    assert str(choice_label(film, "kind")) == "Documentary"
    assert str(choice_label(film, "color")) == "Black and white"
    with translation.override("zh-hans"):
        assert str(choice_label(film, "kind")) == "纪录片"
    assert choice_label(Film(kind=""), "kind") == ""


def test_edition_label() -> None:
    assert edition_label(SimpleNamespace(number=36, year=2014)) == "36th (2014)"
    assert edition_label(SimpleNamespace(number=None, year=2013)) == "2013"
    with translation.override("zh-hans"):
        assert edition_label(SimpleNamespace(number=3, year=2018)) == "2018年第3届"


def test_jsonld_script_escapes_markup() -> None:
    html = jsonld_script({"name": "</script><!-- & 虚焦"})
    assert html == (
        '<script type="application/ld+json">'
        '{"name": "\\u003C/script\\u003E\\u003C!-- \\u0026 虚焦"}</script>'
    )
