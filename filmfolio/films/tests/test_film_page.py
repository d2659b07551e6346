"""The film page: every fact shown, access decided by films.access, bounded queries."""

from __future__ import annotations

import json
import re

import pytest
from django.conf import settings
from django.test import Client

from filmfolio.accounts.tests.factories import UserFactory
from filmfolio.festivals.tests.factories import (
    EntryFactory,
)
from filmfolio.films.choices import (
    TextKind,
)
from filmfolio.films.models import Collaborator
from filmfolio.films.tests.factories import (
    CreditFactory,
    FilmCompanyFactory,
    FilmCountryFactory,
    FilmFactory,
    FilmLanguageFactory,
    FilmLinkFactory,
    FilmTextFactory,
    TitleFactory,
    genre,
    role,
)
from filmfolio.people.tests.factories import PersonBiographyFactory, PersonFactory
from filmfolio.web.tests.pagetext import text_of

pytestmark = pytest.mark.django_db


def test_film_page_shows_every_fact(client: Client, film) -> None:
    response = client.get("/films/out-of-focus/")
    assert response.status_code == 200
    text = text_of(response)
    for fact in [
        "Out of Focus (2013) — Filmfolio",
        "Log in Sign up Out of Focus 焦点之外 "
        "2013 · China · 88 min · Documentary, feature · Chinese Dialect "
        "Directed by Shengze Zhu "
        "Best Short Film Golden Horse Awards 49th Claimed by the filmmaker "
        "Official selection Cinéma du Réel 36th (2014) Claimed by the filmmaker "
        "Cameras for kids. Shooting album",
        "Year 2013",
        "Completion date Nov. 1, 2013",
        "Kind Documentary, feature",
        "Genres Documentary",
        "Runtime 88 min",
        "Country of origin China",
        "Country of filming France",
        "Language Chinese Dialect",
        "Subtitles English",
        "Budget 347,000 USD",
        "Shooting format HD",
        "Sound Stereo",
        "Aspect ratio 1.85 : 1",
        "Colour Colour",
        "First-time filmmaker Yes",
        "Student project No",
        "Synopsis Children of Wuhan.",
        "Credits Direction Director Shengze Zhu "
        "Production Producer Zhengfan Yang Shengze Zhu "
        "Sound Sound mix Name not given (Sound Mixing) Mixed in Paris.",
        "Festivals and awards 2014 Cinéma du Réel 36th International First Films Competition "
        "Official selection March 21, 2014 Claimed by the filmmaker "
        "Download the laurel: PNG, black · PNG, white · SVG "
        "Year not known Golden Horse Awards 49th Winner Best Short Film "
        "Claimed by the filmmaker Download the laurel: PNG, black · PNG, white · SVG",
        "Director statement I gave them cameras.",
        "Director biography Shengze Zhu Born in Wuhan.",
        "Companies Burn The Film Production House Production",
    ]:
        assert fact in text, f"{fact!r} not in {text!r}"
    assert "武汉的孩子。" not in text
    assert "Uncredited" not in text
    assert "Links" not in text  # the shooting album has its place in the header


def test_film_page_hides_empty_sections(client: Client) -> None:
    FilmFactory.create(title="Bare", slug="bare", year=None, kind="")
    text = text_of(client.get("/films/bare/"))
    for heading in [
        "Credits",
        "Festivals and awards",
        "Synopsis",
        "Links",
        "Companies",
        "Year",
        "Specifications",
    ]:
        assert heading not in text


def test_film_page_in_chinese(client: Client, film) -> None:
    response = client.get("/films/out-of-focus/", HTTP_ACCEPT_LANGUAGE="zh-hans")
    text = text_of(response)
    assert response["Content-Language"] == "zh-hans"
    for fact in [
        "焦点之外 Out of Focus 2013 · 中国 · 88 分钟 · 纪录片，长片 · 汉语方言",
        "最佳短片 Golden Horse Awards 第49届",
        "年份 2013",
        "类型 纪录片，长片",
        "片长 88 分钟",
        "出品国家 中国",
        "语言 汉语方言",
        "字幕 英语",
        "声音 立体声",
        "剧情简介 武汉的孩子。",
        "导演 Shengze Zhu",
        "声音 混音 未注明姓名 (Sound Mixing) Mixed in Paris.",
        "影展与奖项 2014 Cinéma du Réel 第36届 国际首作竞赛单元 官方入选 2014年3月21日",
        "色彩 彩色",
        "演职人员",
    ]:
        assert fact in text, f"{fact!r} not in {text!r}"
    html = response.content.decode()
    # The English logline and statement are shown as fallbacks, labelled with their language.
    assert '<span class="lang-label">英语</span> <span lang="en">Cameras for kids.</span>' in html
    assert re.search(
        r'<span class="lang-label">英语</span>\s*<div class="prose" lang="en"><p>I gave', html
    )
    assert "<title>Out of Focus (2013) — Filmfolio</title>" in html
    assert '<span class="film-title" lang="zh-Hans">焦点之外</span>' in html


def test_language_switch_sets_chinese(client: Client, film) -> None:
    response = client.post(
        "/i18n/setlang/", {"language": "zh-hans", "next": "/films/out-of-focus/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/films/out-of-focus/"
    text = text_of(client.get("/films/out-of-focus/"))
    assert "演职人员" in text
    assert "Credits" not in text


def test_film_page_open_graph_and_jsonld(client: Client, film) -> None:
    html = client.get("/films/out-of-focus/").content.decode()
    assert '<meta property="og:title" content="Out of Focus">' in html
    assert '<meta property="og:type" content="video.movie">' in html
    assert f'<meta property="og:url" content="{settings.SITE_URL}/films/out-of-focus/">' in html
    assert '<meta property="og:description" content="Cameras for kids.">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match is not None
    data = json.loads(match.group(1))
    assert data["@type"] == "Movie"
    assert data["name"] == "Out of Focus"
    assert data["alternateName"] == ["焦点之外"]


@pytest.mark.parametrize("trait", ["private"])
def test_private_film_is_404_for_strangers(client: Client, trait: str) -> None:
    FilmFactory.create(slug="secret", title="Secret", **{trait: True})
    response = client.get("/films/secret/")
    assert response.status_code == 404
    assert "Secret" not in response.content.decode()
    client.force_login(UserFactory.create())
    assert client.get("/films/secret/").status_code == 404


def test_private_film_is_shown_to_collaborators(client: Client) -> None:
    film = FilmFactory.create(slug="secret", title="Secret", private=True)
    user = UserFactory.create()
    Collaborator.objects.create(film=film, user=user, role="viewer")
    client.force_login(user)
    assert client.get("/films/secret/").status_code == 200


def test_unlisted_film_opens_by_address(client: Client) -> None:
    FilmFactory.create(slug="quiet", title="Quiet", unlisted=True)
    assert client.get("/films/quiet/").status_code == 200


def test_password_film_asks_for_the_password(client: Client) -> None:
    film = FilmFactory.create(slug="locked", title="Locked", password=True)
    CreditFactory(film=film, person=PersonFactory.create(display_name="Hidden Person"))
    response = client.get("/films/locked/")
    assert response.status_code == 200
    assert next(t.name for t in response.templates) == "films/password.html"
    text = text_of(response)
    assert "This film is protected by a password." in text
    assert "Hidden Person" not in text
    assert "application/ld+json" not in response.content.decode()


def test_unknown_film_is_404(client: Client) -> None:
    response = client.get("/films/no-such-film/")
    assert response.status_code == 404
    assert "Page not found" in text_of(response)


def test_film_page_query_budget(client: Client, django_assert_max_num_queries) -> None:
    film = FilmFactory.create(slug="big")
    for _ in range(40):
        person = PersonFactory.create()
        PersonBiographyFactory(person=person)
        CreditFactory(film=film, person=person, role=role("director"))
    for _ in range(25):
        EntryFactory(film=film, won=True, section=None)
    for kind in TextKind.values:
        FilmTextFactory(film=film, kind=kind)
    FilmLinkFactory(film=film)
    FilmCompanyFactory(film=film)
    TitleFactory(film=film)
    FilmCountryFactory(film=film)
    FilmLanguageFactory(film=film)
    film.genres.add(genre("drama"))
    # 12 for the record + 2 for the media slot (images, videos) of a film without media.
    with django_assert_max_num_queries(14):
        response = client.get("/films/big/")
    assert response.status_code == 200
    assert response.content.decode().count('class="entry entry-award"') == 25
