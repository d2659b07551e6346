"""Site-wide pages: home, the 404 page, the language switch."""

from __future__ import annotations

import pytest
from django.test import Client, override_settings

from filmfolio.films.tests.factories import FilmFactory
from filmfolio.web.tests.pagetext import text_of

pytestmark = pytest.mark.django_db


def test_home_lists_recent_listed_films(client: Client) -> None:
    FilmFactory.create(title="Shown Film")
    FilmFactory.create(title="Hidden Film", private=True)
    response = client.get("/")
    assert response.status_code == 200
    text = text_of(response)
    assert "Recently added Shown Film" in text
    assert "Hidden Film" not in text


@override_settings(DEBUG=False)
@pytest.mark.parametrize("path", ["/films/nope/", "/people/nope/", "/festivals/nope/", "/nope/"])
def test_unknown_addresses_get_the_404_page(client: Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert [t.name for t in response.templates][:2] == ["404.html", "web/base.html"]
    text = text_of(response)
    assert "Page not found There is no page at this address, or it is not shared with you." in text


@override_settings(DEBUG=False)
def test_404_page_in_chinese(client: Client) -> None:
    text = text_of(client.get("/films/nope/", HTTP_ACCEPT_LANGUAGE="zh-hans"))
    assert "页面不存在" in text


def test_language_switch_offers_both_languages(client: Client) -> None:
    html = client.get("/").content.decode()
    assert 'action="/i18n/setlang/"' in html
    assert 'value="en" lang="en"' in html
    assert 'value="zh-hans" lang="zh-hans"' in html
    assert ">English</button>" in html
    assert ">简体中文</button>" in html
