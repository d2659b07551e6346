"""Admin editing of festivals and films: bad input gives field errors and saves nothing."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from filmfolio.accounts.tests.factories import UserFactory
from filmfolio.festivals.models import Edition, Festival
from filmfolio.festivals.tests.factories import EditionFactory, EntryFactory, FestivalFactory
from filmfolio.films.models import Film
from filmfolio.films.tests.factories import CreditFactory, FilmFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client: Client) -> Client:
    client.force_login(UserFactory.create(staff=True))
    return client


def management_data(response: Any) -> dict[str, str]:
    """Empty inline formsets as the add page would submit them."""
    data = {}
    for inline in response.context["inline_admin_formsets"]:
        prefix = inline.formset.prefix
        data[f"{prefix}-TOTAL_FORMS"] = "0"
        data[f"{prefix}-INITIAL_FORMS"] = "0"
    return data


def test_edition_ending_before_it_starts_is_refused(staff_client: Client) -> None:
    festival = FestivalFactory.create()
    url = "/admin/festivals/edition/add/"
    data = {
        **management_data(staff_client.get(url)),
        "festival": str(festival.pk),
        "number": "36",
        "year": "2014",
        "starts_on": "2014-03-30",
        "ends_on": "2014-03-20",
    }
    response = staff_client.post(url, data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {
        "ends_on": ["The edition cannot end before it starts."]
    }
    assert Edition.objects.count() == 0


def test_edition_with_valid_dates_is_saved(staff_client: Client) -> None:
    festival = FestivalFactory.create()
    url = "/admin/festivals/edition/add/"
    data = {
        **management_data(staff_client.get(url)),
        "festival": str(festival.pk),
        "number": "36",
        "year": "2014",
        "starts_on": "2014-03-20",
        "ends_on": "2014-03-30",
    }
    response = staff_client.post(url, data)
    assert response.status_code == 302
    edition = Edition.objects.get()
    assert (edition.number, edition.year, str(edition.ends_on)) == (36, 2014, "2014-03-30")


def test_film_with_year_1500_is_refused(staff_client: Client) -> None:
    url = "/admin/films/film/add/"
    data = {
        **management_data(staff_client.get(url)),
        "title": "Too Old",
        "slug": "too-old",
        "visibility": "public",
        "year": "1500",
        "budget_amount": "1000",
        "budget_currency": "",
    }
    response = staff_client.post(url, data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {
        "year": ["Ensure this value is greater than or equal to 1870."],
        "budget_currency": ["Give the currency of the budget amount."],
    }
    assert Film.objects.count() == 0


def test_film_change_page_renders_every_inline(staff_client: Client) -> None:
    film = FilmFactory.create()
    CreditFactory(film=film)
    EntryFactory(film=film)
    response = staff_client.get(f"/admin/films/film/{film.pk}/change/")
    assert response.status_code == 200
    prefixes = [i.formset.prefix for i in response.context["inline_admin_formsets"]]
    assert prefixes == [
        "titles",
        "credits",
        "countries",
        "languages",
        "texts",
        "links",
        "companies",
        "collaborators",
        "festival_entries",
    ]


@pytest.mark.parametrize(
    "path",
    [
        "/admin/films/film/",
        "/admin/films/role/",
        "/admin/films/genre/",
        "/admin/people/person/",
        "/admin/festivals/festival/",
        "/admin/festivals/edition/",
        "/admin/festivals/section/",
        "/admin/festivals/award/",
        "/admin/festivals/entry/",
        "/admin/accounts/organisation/",
        "/admin/accounts/membership/",
        "/admin/films/collaborator/",
    ],
)
def test_admin_lists_and_search(staff_client: Client, path: str) -> None:
    EntryFactory(
        edition=EditionFactory.create(festival=FestivalFactory.create(name="Cinéma du Réel"))
    )
    assert staff_client.get(path).status_code == 200
    assert staff_client.get(path, {"q": "Réel"}).status_code == 200


def test_admin_autocomplete_finds_editions(staff_client: Client) -> None:
    EditionFactory.create(
        festival=FestivalFactory.create(name="Cinéma du Réel"), number=36, year=2014
    )
    response = staff_client.get(
        "/admin/autocomplete/",
        {
            "term": "Réel",
            "app_label": "festivals",
            "model_name": "entry",
            "field_name": "edition",
        },
    )
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["36th (2014) Cinéma du Réel"]
    assert Festival.objects.count() == 1
