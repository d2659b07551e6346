"""The film page tells a screener holder who the screener is for and asks them not to share it
(``sharing.panels``: the ``screener-notice`` viewer panel); nobody else sees it."""

from __future__ import annotations

import pytest
from django.test import Client

from filmfolio.accounts.tests.factories import UserFactory
from filmfolio.films.services import film_set_visibility
from filmfolio.sharing.services import screener_link_create, screener_link_revoke
from filmfolio.sharing.tests.factories import CollaboratorFactory, FilmFactory
from filmfolio.web.tests.pagetext import text_of

pytestmark = pytest.mark.django_db

NOTICE = "A private screener for"


@pytest.fixture
def owner():
    return UserFactory.create()


@pytest.fixture
def film(owner):
    film = FilmFactory.create(title="Harbour Lights", slug="harbour-lights", visibility="private")
    CollaboratorFactory(film=film, user=owner, role="owner")
    return film


def test_a_screener_holder_is_told_who_it_is_for(film, owner) -> None:
    _link, token = screener_link_create(
        film=film, actor=owner, recipient="Cinéma du Réel <programming>"
    )
    holder = Client()
    holder.get(f"/share/s/{token}/")
    response = holder.get("/films/harbour-lights/")
    assert response.status_code == 200
    text = text_of(response)
    assert (
        "A private screener for Cinéma du Réel &lt;programming&gt;. Please do not share this link "
        "or the film: it was sent to you alone." in text
    )
    html = response.content.decode()
    assert "<programming>" not in html
    assert html.index('class="screener-notice"') < html.index('class="film-head"')


def test_in_chinese(film, owner) -> None:
    _link, token = screener_link_create(film=film, actor=owner, recipient="真实电影节")
    holder = Client(HTTP_ACCEPT_LANGUAGE="zh-hans")
    holder.get(f"/share/s/{token}/")
    text = text_of(holder.get("/films/harbour-lights/"))
    assert "这是发给真实电影节的私人放映片。 请勿分享此链接或影片：它只发给了你一人。" in text


def test_nobody_else_sees_it(film, owner) -> None:
    link, token = screener_link_create(film=film, actor=owner, recipient="A programmer")
    film_set_visibility(film=film, actor=owner, visibility="public")
    assert NOTICE not in text_of(Client().get("/films/harbour-lights/"))
    client = Client()
    client.force_login(owner)
    client.get(f"/share/s/{token}/")
    assert NOTICE not in text_of(client.get("/films/harbour-lights/"))
    holder = Client()
    holder.get(f"/share/s/{token}/")
    assert NOTICE in text_of(holder.get("/films/harbour-lights/"))
    screener_link_revoke(film=film, actor=owner, link_id=link.pk)
    assert NOTICE not in text_of(holder.get("/films/harbour-lights/"))
