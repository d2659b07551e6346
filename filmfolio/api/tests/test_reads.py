"""Read endpoints: filters, access policy, cursor pagination, error bodies, Chinese output."""

from __future__ import annotations

import datetime as dt

import pytest

from filmfolio.festivals.models import Award
from filmfolio.films.models import FilmCountry, FilmLanguage, Genre, Title

from .factories import (
    CreditFactory,
    EditionFactory,
    EntryFactory,
    FestivalFactory,
    FilmFactory,
    PersonFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def _slugs(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["slug"] for item in response.json()["items"]]


def test_list_shows_public_films_only_to_anonymous(client, owner):
    FilmFactory(slug="public-film", title="A")
    FilmFactory(slug="private-film", title="B", private=True, owner=owner)
    FilmFactory(slug="unlisted-film", title="C", unlisted=True)
    assert _slugs(client.get("/api/v1/films")) == ["public-film"]


def test_list_adds_own_films_for_token_owner(client, owner, auth):
    FilmFactory(slug="public-film", title="A")
    FilmFactory(slug="private-film", title="B", private=True, owner=owner)
    FilmFactory(slug="someone-elses", title="C", private=True, owner=UserFactory())
    assert _slugs(client.get("/api/v1/films", headers=auth)) == ["public-film", "private-film"]


def test_invalid_token_is_refused_not_treated_as_anonymous(client):
    response = client.get("/api/v1/films", headers={"Authorization": "Bearer nope"})
    assert response.status_code == 401
    assert response.json() == {
        "error": {
            "code": "unauthenticated",
            "message": "Log in or send a valid API token.",
            "fields": {},
        }
    }


@pytest.fixture
def catalogue(db):
    """Three films with different facts for the filters."""
    doc = FilmFactory(slug="doc", title="Doc", year=2013, runtime_minutes=88, kind="documentary")
    short = FilmFactory(slug="short", title="Short", year=2019, runtime_minutes=12, kind="short")
    feature = FilmFactory(
        slug="feature", title="Feature", year=2021, runtime_minutes=100, kind="feature"
    )
    doc.genres.add(Genre.objects.get(slug="documentary"))
    FilmCountry.objects.create(film=doc, country="CN", role="origin")
    FilmCountry.objects.create(film=short, country="FR", role="origin")
    FilmCountry.objects.create(film=feature, country="CN", role="filming")
    FilmLanguage.objects.create(film=doc, language="zh-Hans", role="original")
    FilmLanguage.objects.create(film=doc, language="en", role="subtitle")
    FilmLanguage.objects.create(film=short, language="zha", role="original")
    reel = FestivalFactory(slug="cinema-du-reel", name="Cinéma du Réel")
    EntryFactory(film=doc, edition=EditionFactory(festival=reel))
    horse = EditionFactory(festival=FestivalFactory(slug="golden-horse"))
    EntryFactory(
        film=short,
        edition=horse,
        result="won",
        award=Award.objects.create(festival=horse.festival, name="Best Short"),
    )
    return doc, short, feature


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=documentary", ["doc"]),
        ("genre=documentary", ["doc"]),
        ("country=CN", ["doc"]),
        ("country=cn", ["doc"]),
        ("language=zh", ["doc"]),
        ("language=zha", ["short"]),
        ("subtitle=en", ["doc"]),
        ("year_min=2019", ["feature", "short"]),
        ("year_max=2019", ["doc", "short"]),
        ("runtime_min=40&runtime_max=90", ["doc"]),
        ("festival=cinema-du-reel", ["doc"]),
        ("awarded=true", ["short"]),
        ("awarded=false", ["doc", "feature"]),
        ("year_min=2010&kind=feature", ["feature"]),
    ],
)
def test_list_filters(client, catalogue, query, expected):
    assert _slugs(client.get(f"/api/v1/films?{query}")) == expected


def test_list_rejects_bad_filter_values_with_field_errors(client):
    response = client.get("/api/v1/films?year_min=abc&kind=opera")
    assert response.status_code == 422
    body = response.json()["error"]
    assert body["code"] == "invalid"
    assert sorted(body["fields"]) == ["kind", "year_min"]


def test_cursor_pagination_walks_every_film_once(client):
    for n in range(7):
        FilmFactory(title=f"Film {n}", slug=f"f{n}")
    seen: list[str] = []
    url = "/api/v1/films?limit=3"
    pages = 0
    while url:
        body = client.get(url).json()
        seen += [i["slug"] for i in body["items"]]
        pages += 1
        url = f"/api/v1/films?limit=3&cursor={body['next_cursor']}" if body["next_cursor"] else ""
    assert seen == [f"f{n}" for n in range(7)]
    assert pages == 3


def test_forged_cursor_is_a_clear_400(client):
    response = client.get("/api/v1/films?cursor=WyJ6IiwxXQ")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_cursor"


def test_list_query_budget(client, django_assert_max_num_queries):
    for _n in range(10):
        film = FilmFactory()
        CreditFactory(film=film)
        FilmCountry.objects.create(film=film, country="CN", role="origin")
    with django_assert_max_num_queries(5):
        assert len(_slugs(client.get("/api/v1/films?limit=50"))) == 10


def test_detail_keeps_chinese_as_characters(client):
    film = FilmFactory(slug="ru-xi", title="入戏")
    Title.objects.create(film=film, text="入戏", kind="original", language="zh-Hans")
    person = PersonFactory(display_name="朱声仄", slug="zhu-shengze")
    CreditFactory(film=film, person=person)
    response = client.get("/api/v1/films/ru-xi")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert "入戏".encode() in response.content
    assert b"\\u" not in response.content
    body = response.json()
    assert body["titles"] == [
        {
            "id": film.titles.get().pk,
            "text": "入戏",
            "kind": "original",
            "language": "zh-Hans",
            "position": 0,
        }
    ]
    assert body["credits"][0]["person"] == {"slug": "zhu-shengze", "display_name": "朱声仄"}
    assert body["credits"][0]["role"] == "director"


def test_detail_of_private_film_is_404_for_others_and_200_for_owner(client, owner, auth):
    FilmFactory(slug="secret", private=True, owner=owner)
    assert client.get("/api/v1/films/secret").json() == {
        "error": {"code": "not_found", "message": "No film has this address.", "fields": {}}
    }
    assert client.get("/api/v1/films/secret", headers=auth).json()["visibility"] == "private"


def test_unlisted_film_opens_by_address_but_is_not_listed(client):
    FilmFactory(slug="unlisted", unlisted=True)
    assert client.get("/api/v1/films/unlisted").status_code == 200
    assert _slugs(client.get("/api/v1/films")) == []


def test_detail_query_budget(client, catalogue, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        assert client.get("/api/v1/films/doc").status_code == 200


def test_people_list_only_people_on_listed_films(client, owner):
    CreditFactory(person=PersonFactory(slug="seen", display_name="A"))
    CreditFactory(
        person=PersonFactory(slug="hidden", display_name="B"),
        film=FilmFactory(private=True, owner=owner),
    )
    assert _slugs(client.get("/api/v1/people")) == ["seen"]
    assert client.get("/api/v1/people/hidden").status_code == 404


def test_person_detail_lists_credits_on_listed_films_only(client, owner):
    person = PersonFactory(slug="zhu", display_name="Shengze Zhu")
    CreditFactory(person=person, film=FilmFactory(slug="public", title="Public"))
    CreditFactory(person=person, film=FilmFactory(slug="private", private=True, owner=owner))
    body = client.get("/api/v1/people/zhu").json()
    assert [c["film"] for c in body["credits"]] == ["public"]


def test_festival_detail_with_editions_sections_and_listed_entries(client, owner):
    festival = FestivalFactory(slug="reel", name="Cinéma du Réel")
    edition = EditionFactory(
        festival=festival,
        number=36,
        year=2014,
        starts_on=dt.date(2014, 3, 20),
        ends_on=dt.date(2014, 3, 30),
    )
    section = edition.sections.create(name="International First Films", is_competitive=True)
    EntryFactory(edition=edition, section=section, film=FilmFactory(slug="seen", title="Seen"))
    EntryFactory(edition=edition, film=FilmFactory(slug="hid", private=True, owner=owner))
    body = client.get("/api/v1/festivals/reel").json()
    assert body["name"] == "Cinéma du Réel"
    [ed] = body["editions"]
    assert (ed["number"], ed["year"], ed["starts_on"]) == (36, 2014, "2014-03-20")
    assert ed["sections"] == [{"name": "International First Films", "is_competitive": True}]
    assert [(e["film"], e["section"]) for e in ed["entries"]] == [
        ("seen", "International First Films")
    ]
    assert _slugs(client.get("/api/v1/festivals")) == ["reel"]


def test_roles_vocabulary(client):
    roles = client.get("/api/v1/roles").json()
    assert roles[0] == {
        "code": "director",
        "name_en": "Director",
        "name_zh": "导演",
        "category": "director",
    }


def test_people_and_festival_lists_query_budget(client, django_assert_max_num_queries):
    for _n in range(10):
        EntryFactory(film=CreditFactory().film)
    with django_assert_max_num_queries(3):
        assert len(_slugs(client.get("/api/v1/people?limit=50"))) == 10
    with django_assert_max_num_queries(3):
        assert len(_slugs(client.get("/api/v1/festivals?limit=50"))) == 10


def test_festival_detail_query_budget(client, django_assert_max_num_queries):
    festival = FestivalFactory(slug="big")
    for year in range(2000, 2010):
        edition = EditionFactory(festival=festival, year=year)
        edition.sections.create(name="Competition")
        EntryFactory(edition=edition)
    with django_assert_max_num_queries(8):
        body = client.get("/api/v1/festivals/big").json()
    assert len(body["editions"]) == 10


def test_unknown_api_address_is_a_json_404(client):
    response = client.get("/api/v1/nothing/here")
    assert response.status_code == 404
    assert response.json() == {
        "error": {
            "code": "not_found",
            "message": "There is no API endpoint at this address.",
            "fields": {},
        }
    }


def test_a_method_an_address_does_not_accept_gets_the_error_body(client):
    response = client.put("/api/v1/films", data="{}", content_type="application/json")
    assert response.status_code == 405
    assert set(response["Allow"].split(", ")) == {"GET", "POST"}
    assert response.json() == {
        "error": {
            "code": "method_not_allowed",
            "message": "This address does not accept PUT requests.",
            "fields": {},
        }
    }
