"""Fees are formatted by Babel in the reader's language wherever they show: the call's
categories, the filmmaker's submissions and the festival run."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation

from filmfolio.calls.services import submission_create
from filmfolio.circuit.choices import Premiere
from filmfolio.circuit.money import fee_text

pytestmark = pytest.mark.django_db


def _client(user, language: str) -> Client:
    client = Client()
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


def test_fee_text_follows_the_active_language():
    with translation.override("en"):
        assert fee_text(Decimal("15"), "EUR") == "€15.00"
        assert fee_text(Decimal("1500"), "CNY") == "CN¥1,500.00"
    with translation.override("zh-hans"):
        assert fee_text(Decimal("15"), "EUR") == "€15.00"
        assert fee_text(Decimal("1500"), "CNY") == "¥1,500.00"
    assert fee_text(None, "EUR") == ""


@pytest.mark.parametrize(
    ("language", "early", "late"),
    [("en", "Early fee: €10.00", "Late fee: €35.00"), ("zh-hans", "€10.00", "€35.00")],
)
def test_the_call_page_formats_each_fee(world, language, early, late):
    body = _client(world.owner, language).get(world.call.get_absolute_url()).content.decode()
    assert early in body
    assert "€20.00" in body
    assert late in body
    assert "10.00 EUR" not in body


def test_my_submissions_format_the_fee(world):
    submission_create(
        category_id=world.category.pk,
        film=world.film,
        premiere=Premiere.WORLD,
        language="en",
        actor=world.owner,
    )
    body = _client(world.owner, "zh-hans").get("/calls/submissions/").content.decode()
    # the early deadline has passed: the regular fee
    assert "€20.00" in body
    assert "20.00 EUR" not in body
