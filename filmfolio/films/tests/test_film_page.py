"""The film page: every fact shown, access decided by films.access, bounded queries."""

from __future__ import annotations

import datetime
import json
import re
from decimal import Decimal

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client

from filmfolio.accounts.tests.factories import OrganisationFactory, UserFactory
from filmfolio.core.versions import content_changed
from filmfolio.festivals.choices import EntryResult
from filmfolio.festivals.tests.factories import (
    AwardFactory,
    EditionFactory,
    EntryFactory,
    FestivalFactory,
    SectionFactory,
)
from filmfolio.films import services
from filmfolio.films.choices import (
    ColorKind,
    CompanyRole,
    CountryRole,
    FilmKind,
    LanguageRole,
    LinkKind,
    TextKind,
    TitleKind,
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


@pytest.fixture
def film():
    film = FilmFactory.create(
        title="Out of Focus",
        slug="out-of-focus",
        year=2013,
        completion_date=datetime.date(2013, 11, 1),
        kind=FilmKind.DOCUMENTARY,
        runtime_minutes=88,
        budget_amount=Decimal("347000"),
        budget_currency="USD",
        shooting_format="HD",
        sound="Stereo",
        aspect_ratio="1.85 : 1",
        color=ColorKind.COLOR,
        is_first_time_filmmaker=True,
        is_student_project=False,
    )
    film.genres.add(genre("documentary"))
    TitleFactory(film=film, text="焦点之外", kind=TitleKind.ORIGINAL, language="zh-Hans")
    FilmCountryFactory(film=film, country="CN", role=CountryRole.ORIGIN)
    FilmCountryFactory(film=film, country="FR", role=CountryRole.FILMING)
    FilmLanguageFactory(film=film, language="zh", label="Chinese Dialect")
    FilmLanguageFactory(film=film, language="en", role=LanguageRole.SUBTITLE)
    FilmTextFactory(film=film, kind=TextKind.SYNOPSIS, language="en", body="Children of Wuhan.")
    FilmTextFactory(film=film, kind=TextKind.SYNOPSIS, language="zh-Hans", body="武汉的孩子。")
    FilmTextFactory(film=film, kind=TextKind.LOGLINE, language="en", body="Cameras for kids.")
    FilmTextFactory(film=film, kind=TextKind.STATEMENT, language="en", body="I gave them cameras.")
    FilmLinkFactory(film=film, kind=LinkKind.SHOOTING_ALBUM, url="https://photos.example.org/a")
    FilmCompanyFactory(
        film=film,
        organisation=OrganisationFactory.create(name="Burn The Film Production House"),
        role=CompanyRole.PRODUCTION,
    )
    zhu = PersonFactory.create(display_name="Shengze Zhu", slug="shengze-zhu")
    PersonBiographyFactory(person=zhu, language="en", body="Born in Wuhan.")
    yang = PersonFactory.create(display_name="Zhengfan Yang", slug="zhengfan-yang")
    CreditFactory(film=film, person=zhu, role=role("director"))
    CreditFactory(film=film, person=yang, role=role("producer"))
    CreditFactory(film=film, person=zhu, role=role("producer"))
    CreditFactory(
        film=film,
        person=None,
        role=role("sound-mix"),
        credited_as="Sound Mixing",
        description="Mixed in Paris.",
    )
    reel = FestivalFactory.create(name="Cinéma du Réel", slug="cinema-du-reel")
    edition = EditionFactory.create(festival=reel, number=36, year=2014)
    EntryFactory(
        film=film,
        edition=edition,
        section=SectionFactory(edition=edition, name="International First Films Competition"),
        result=EntryResult.SELECTED,
        date=datetime.date(2014, 3, 21),
    )
    horse = FestivalFactory.create(name="Golden Horse Awards", slug="golden-horse")
    EntryFactory(
        film=film,
        edition=EditionFactory.create(festival=horse, number=49, year=None),
        award=AwardFactory(festival=horse, name="Best Short Film"),
        result=EntryResult.WON,
    )
    return film


def test_film_page_shows_every_fact(client: Client, film) -> None:
    response = client.get("/films/out-of-focus/")
    assert response.status_code == 200
    text = text_of(response)
    for fact in [
        "Out of Focus (2013) — Filmfolio",
        "Log in Sign up Out of Focus 焦点之外 "
        "2013 · China · 88 min · Documentary, feature · Chinese Dialect "
        "Directed by Shengze Zhu "
        "Best Short Film Golden Horse Awards 49th "
        "Official selection Cinéma du Réel 36th (2014) "
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
        "Official selection March 21, 2014 "
        "Year not known Golden Horse Awards 49th Winner Best Short Film",
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


def test_film_record_is_cached_and_refreshed_when_the_film_changes(
    client: Client, film, django_assert_num_queries
) -> None:
    assert client.get("/films/out-of-focus/").status_code == 200
    # A plain visitor's second visit is served whole from the cache: no query at all.
    with django_assert_num_queries(0):
        response = client.get("/films/out-of-focus/")
    assert "Cameras for kids." in text_of(response)
    staff = UserFactory.create(is_staff=True)
    services.film_update(film=film, actor=staff, values={"runtime_minutes": 90})
    assert "Runtime 90 min" in text_of(client.get("/films/out-of-focus/"))
    chinese = text_of(client.get("/films/out-of-focus/", HTTP_ACCEPT_LANGUAGE="zh-hans"))
    assert "片长 90 分钟" in chinese
    cache.clear()


def test_a_film_made_private_leaves_the_cached_page_at_once(client: Client, film) -> None:
    assert client.get("/films/out-of-focus/").status_code == 200
    staff = UserFactory.create(is_staff=True)
    services.film_set_visibility(film=film, actor=staff, visibility="private")
    assert client.get("/films/out-of-focus/").status_code == 404


def test_a_plain_visitors_page_needs_no_csrf_token(film) -> None:
    """The page a plain visitor gets is cached whole: it holds no token, sets no CSRF cookie,
    and its language switch works from the same origin without one."""
    client = Client(enforce_csrf_checks=True)
    first = client.get("/films/out-of-focus/")
    second = client.get("/films/out-of-focus/")
    assert first.content == second.content
    assert "csrfmiddlewaretoken" not in first.content.decode()
    assert "csrftoken" not in first.cookies and "csrftoken" not in second.cookies
    response = client.post(
        "/i18n/setlang/",
        {"language": "zh-hans", "next": "/films/out-of-focus/"},
        HTTP_SEC_FETCH_SITE="same-origin",
    )
    assert response.status_code == 302
    assert "演职人员" in text_of(client.get("/films/out-of-focus/"))


def test_the_language_switch_from_another_site_needs_a_token(film) -> None:
    client = Client(enforce_csrf_checks=True)
    for headers in (
        {"Sec-Fetch-Site": "cross-site"},
        {"Origin": "https://elsewhere.example"},
        {},
    ):
        response = client.post(
            "/i18n/setlang/",
            {"language": "zh-hans", "next": "/films/out-of-focus/"},
            headers=headers,
        )
        assert response.status_code == 403
        assert "django_language" not in response.cookies
    same_host = client.post(
        "/i18n/setlang/",
        {"language": "zh-hans", "next": "/films/out-of-focus/"},
        HTTP_ORIGIN="http://testserver",
    )
    assert same_host.status_code == 302
    assert same_host.cookies["django_language"].value == "zh-hans"


def test_a_signed_in_viewers_language_switch_carries_a_working_token(film) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(UserFactory.create())
    html = client.get("/films/out-of-focus/").content.decode()
    tokens = re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert len(tokens) == 2  # the language switch and the log-out button
    response = client.post(
        "/i18n/setlang/",
        {"language": "zh-hans", "next": "/films/out-of-focus/", "csrfmiddlewaretoken": tokens[0]},
    )
    assert response.status_code == 302
    assert "演职人员" in text_of(client.get("/films/out-of-focus/"))


def test_signed_in_viewers_get_the_slots_rendered_for_them(client: Client, film) -> None:
    client.get("/films/out-of-focus/")
    user = UserFactory.create()
    Collaborator.objects.create(film=film, user=user, role="owner")
    client.force_login(user)
    response = client.get("/films/out-of-focus/")
    # the shell comes from the cache; the owner's panel is rendered for them
    assert "films/detail.html" not in [t.name for t in response.templates]
    assert "sharing/panels/owner.html" in [t.name for t in response.templates]
    assert response.context["access"] == 4
    assert response.context["viewer"].user == user


def test_signed_in_viewers_reuse_the_cached_record(
    client: Client, film, django_assert_num_queries
) -> None:
    user = UserFactory.create()
    # A viewer: the owner slot (sharing) shows nothing, so only this page's queries count.
    Collaborator.objects.create(film=film, user=user, role="viewer")
    client.force_login(user)
    client.get("/films/out-of-focus/")
    content_changed()  # a write elsewhere: this viewer's page is rendered again, the shell is not
    # user, the film, collaborators; the videos only the team may see (the media every viewer
    # sees is in the cached shell; the session comes from the cache)
    with django_assert_num_queries(4):
        first = client.get("/films/out-of-focus/")
    assert first.context["access"] == 2
    # then the page this viewer was given, from their own cache: the user only
    with django_assert_num_queries(1):
        second = client.get("/films/out-of-focus/")
    assert text_of(first) == text_of(second)
