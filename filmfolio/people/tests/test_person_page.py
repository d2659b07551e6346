"""The person page and the people index: names, biography, listed credits, awards, budgets."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client

from filmfolio.festivals.tests.factories import EditionFactory, EntryFactory, FestivalFactory
from filmfolio.films.tests.factories import CreditFactory, FilmFactory, role
from filmfolio.people.tests.factories import (
    PersonBiographyFactory,
    PersonFactory,
    PersonLinkFactory,
    PersonNameFactory,
)
from filmfolio.web.tests.pagetext import jsonld_of, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def zhu():
    person = PersonFactory.create(display_name="Shengze Zhu", slug="shengze-zhu", country="CN")
    PersonNameFactory(person=person, name="Zhu Shengze", order="family_first")
    PersonNameFactory(person=person, name="朱声仄", hans=True)
    PersonBiographyFactory(person=person, language="en", body="Grew up in Wuhan.")
    PersonBiographyFactory(person=person, language="zh-Hans", body="武汉人。")
    PersonLinkFactory(person=person, url="https://zhu.example.org/", label="Studio")
    focus = FilmFactory.create(title="Out of Focus", slug="out-of-focus", year=2013)
    CreditFactory(film=focus, person=person, role=role("director"))
    CreditFactory(film=focus, person=person, role=role("editor"), credited_as="Film Editing")
    heaven = FilmFactory.create(title="Present.Perfect.", slug="present-perfect", year=2019)
    CreditFactory(film=heaven, person=person, role=role("director"))
    horse = FestivalFactory.create(name="Golden Horse Awards", slug="golden-horse")
    EntryFactory(
        film=heaven,
        edition=EditionFactory.create(festival=horse, number=56, year=2019),
        won=True,
        award__name="Best Documentary",
    )
    EntryFactory(film=heaven, edition=EditionFactory.create(number=3, year=2019))
    secret = FilmFactory.create(title="Secret Film", slug="secret", private=True)
    CreditFactory(film=secret, person=person, role=role("producer"))
    return person


def test_person_page_shows_names_bio_credits_and_awards(client: Client, zhu) -> None:
    response = client.get("/people/shengze-zhu/")
    assert response.status_code == 200
    text = text_of(response)
    for fact in [
        "Shengze Zhu Zhu Shengze Latin · Family name first 朱声仄 Simplified Chinese",
        "China",
        "Biography Grew up in Wuhan.",
        # each card: the placeholder poster (title and year), then the title and the year
        "Filmography Director Present.Perfect. 2019 Present.Perfect. 2019 "
        "Out of Focus 2013 Out of Focus 2013 "
        "Editor Out of Focus 2013 Out of Focus 2013 (Film Editing)",
        "Awards Present.Perfect. (2019) — Golden Horse Awards 56th (2019) Winner Best Documentary",
        "Links Studio",
    ]:
        assert fact in text, f"{fact!r} not in {text!r}"
    assert "武汉人。" not in text
    assert "Secret Film" not in text
    assert "Producer" not in text


def test_person_page_in_chinese_shows_the_chinese_biography(client: Client, zhu) -> None:
    text = text_of(client.get("/people/shengze-zhu/", HTTP_ACCEPT_LANGUAGE="zh-hans"))
    assert "简介 武汉人。" in text
    assert "作品 导演 Present.Perfect. 2019 Present.Perfect. 2019" in text


def test_a_biography_in_another_language_says_which(client: Client) -> None:
    person = PersonFactory.create(display_name="Wan Jin", slug="wan-jin")
    PersonBiographyFactory(person=person, language="en", body="Teaches in Beijing.")
    CreditFactory(film=FilmFactory.create(slug="same-sky"), person=person, role=role("director"))
    chinese = text_of(client.get("/people/wan-jin/", HTTP_ACCEPT_LANGUAGE="zh-hans"))
    assert "简介 英语 Teaches in Beijing." in chinese
    english = text_of(client.get("/people/wan-jin/"))
    assert "Biography Teaches in Beijing." in english


def test_person_jsonld(client: Client, zhu) -> None:
    data = jsonld_of(client.get("/people/shengze-zhu/"))
    assert data == {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": "Shengze Zhu",
        "url": f"{settings.SITE_URL}/people/shengze-zhu/",
        "alternateName": ["Zhu Shengze", "朱声仄"],
        "description": "Grew up in Wuhan.",
        "sameAs": ["https://zhu.example.org/"],
        "nationality": {"@type": "Country", "name": "China"},
        "subjectOf": [
            {
                "@type": "Movie",
                "name": "Present.Perfect.",
                "url": f"{settings.SITE_URL}/films/present-perfect/",
            },
            {
                "@type": "Movie",
                "name": "Out of Focus",
                "url": f"{settings.SITE_URL}/films/out-of-focus/",
            },
        ],
    }


def test_unknown_person_is_404(client: Client) -> None:
    assert client.get("/people/nobody/").status_code == 404


def test_people_index_lists_people_of_listed_films_only(client: Client, zhu) -> None:
    hidden = PersonFactory.create(display_name="Only Private")
    CreditFactory(film=FilmFactory.create(private=True), person=hidden)
    text = text_of(client.get("/people/"))
    assert "Shengze Zhu" in text
    assert "Only Private" not in text


def test_people_index_paginates(client: Client) -> None:
    film = FilmFactory.create()
    for _ in range(51):
        CreditFactory(film=film)
    assert text_of(client.get("/people/?page=2")).count("Person ") == 1
    assert "Page 2 of 2" in text_of(client.get("/people/?page=99"))
    assert "Page 1 of 2" in text_of(client.get("/people/?page=abc"))


def test_person_page_query_budget(client: Client, django_assert_max_num_queries) -> None:
    person = PersonFactory.create(slug="busy")
    PersonBiographyFactory(person=person)
    PersonNameFactory(person=person)
    PersonLinkFactory(person=person)
    for n in range(30):
        film = FilmFactory.create()
        CreditFactory(film=film, person=person, role=role("editor" if n % 2 else "director"))
        EntryFactory(film=film, won=True)
        EntryFactory(film=film)
    with django_assert_max_num_queries(8):
        response = client.get("/people/busy/")
    assert response.status_code == 200
    assert response.content.decode().count('class="entry entry-award"') == 30
