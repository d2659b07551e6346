"""The catalogue: listed films only, sorted, paginated, tolerant of bad parameters."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from filmfolio.accounts.tests.factories import UserFactory
from filmfolio.films.models import Collaborator
from filmfolio.films.tests.factories import CreditFactory, FilmFactory
from filmfolio.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return re.findall(r'<span class="card-title">(.*?)</span>', response.content.decode())


@pytest.fixture
def films():
    a = FilmFactory.create(title="Alpha", year=2015)
    FilmFactory.create(title="Beta", year=2011)
    FilmFactory.create(title="Gamma", year=2020)
    FilmFactory.create(title="Private One", year=2019, private=True)
    FilmFactory.create(title="Unlisted One", year=2018, unlisted=True)
    CreditFactory(film=a, person=PersonFactory.create(display_name="Ann Director"))
    return a


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("year", ["Beta", "Alpha", "Gamma"]),
        ("-year", ["Gamma", "Alpha", "Beta"]),
        ("title", ["Alpha", "Beta", "Gamma"]),
        ("nonsense", ["Gamma", "Alpha", "Beta"]),
        ("", ["Gamma", "Alpha", "Beta"]),
    ],
)
def test_catalogue_sorts_listed_films(client: Client, films, sort: str, expected) -> None:
    response = client.get("/films/", {"sort": sort})
    assert response.status_code == 200
    assert titles(response) == expected


def test_catalogue_shows_directors_and_poster_placeholders(client: Client, films) -> None:
    html = client.get("/films/").content.decode()
    assert "Ann Director" in html
    assert html.count('<span class="card-poster card-placeholder" aria-hidden="true">') == 3
    assert "<img" not in html


def test_catalogue_lists_own_private_films_for_collaborators(client: Client, films) -> None:
    user = UserFactory.create()
    Collaborator.objects.create(
        film=films.__class__.objects.get(title="Private One"), user=user, role="owner"
    )
    client.force_login(user)
    assert titles(client.get("/films/", {"sort": "title"})) == [
        "Alpha",
        "Beta",
        "Gamma",
        "Private One",
    ]


@pytest.mark.parametrize("page", ["0", "-1", "abc", "9999", ""])
def test_catalogue_bad_page_gives_a_normal_page(client: Client, page: str) -> None:
    for n in range(30):
        FilmFactory.create(title=f"Film {n:02d}", year=2000 + n)
    response = client.get("/films/", {"page": page, "sort": "year"})
    assert response.status_code == 200
    assert len(titles(response)) in (24, 6)


def test_catalogue_pages_and_keeps_the_sort(client: Client, django_assert_max_num_queries) -> None:
    for n in range(30):
        CreditFactory(film=FilmFactory.create(title=f"Film {n:02d}", year=2000 + n))
    # count, page, directors, posters, the filters' window and labels (none: no index here)
    with django_assert_max_num_queries(6):
        first = client.get("/films/", {"sort": "title"})
    assert titles(first) == [f"Film {n:02d}" for n in range(24)]
    assert 'href="?sort=title&amp;page=2"' in first.content.decode()
    second = client.get("/films/", {"sort": "title", "page": "2"})
    assert titles(second) == [f"Film {n:02d}" for n in range(24, 30)]
    assert "Page 2 of 2" in second.content.decode()
    assert re.findall(r'<a class="page-number"[^>]*>(\d+)</a>', second.content.decode()) == [
        "1",
        "2",
    ]
