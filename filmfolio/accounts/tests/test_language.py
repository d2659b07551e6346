"""The language kept on the account: set by the site's language switch for a signed-in user,
read for the e-mails written to them; nothing is kept for a visitor or an unknown language."""

from __future__ import annotations

import pytest
from django.test import Client

from filmfolio.accounts.language import user_language, user_language_set
from filmfolio.accounts.models import AccountSettings

from .factories import UserFactory

pytestmark = pytest.mark.django_db

SAME_SITE = {"Sec-Fetch-Site": "same-origin"}


def test_the_language_switch_keeps_the_language_on_the_account():
    user = UserFactory()
    client = Client()
    client.force_login(user)
    response = client.post(
        "/i18n/setlang/", {"language": "zh-hans", "next": "/"}, headers=SAME_SITE
    )
    assert response.status_code == 302
    assert AccountSettings.objects.get(user=user).language == "zh-hans"
    assert user_language(user) == "zh-hans"
    client.post("/i18n/setlang/", {"language": "en", "next": "/"}, headers=SAME_SITE)
    assert AccountSettings.objects.get(user=user).language == "en"


def test_a_visitor_and_an_unknown_language_keep_nothing():
    response = Client().post(
        "/i18n/setlang/", {"language": "zh-hans", "next": "/"}, headers=SAME_SITE
    )
    assert response.status_code == 302
    user = UserFactory()
    assert user_language_set(user=user, language="xx") is False
    assert AccountSettings.objects.count() == 0


def test_a_cross_site_switch_changes_nothing():
    user = UserFactory()
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    response = client.post("/i18n/setlang/", {"language": "zh-hans", "next": "/"})
    assert response.status_code == 403
    assert AccountSettings.objects.count() == 0


def test_without_a_kept_language_the_fallback_then_the_sites():
    user = UserFactory()
    assert user_language(user, fallback="zh-hans") == "zh-hans"
    assert user_language(user, fallback="xx") == "en"
    user_language_set(user=user, language="zh-hans")
    assert user_language(user, fallback="en") == "zh-hans"
