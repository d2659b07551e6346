"""Admin writes to a person go through the services: their document and their films' follow.

A film's search document carries the names of the people credited on it, so renaming a person
or adding a written form of their name in the admin changes what anonymous search finds for
the film at once; each write leaves a change record on the person.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from filmfolio.accounts.tests.factories import UserFactory
from filmfolio.core.models import ChangeRecord
from filmfolio.films.tests.factories import CreditFactory, FilmFactory
from filmfolio.people.models import Person, PersonName
from filmfolio.people.tests.factories import PersonFactory
from filmfolio.search import index
from filmfolio.search.models import SearchDocument
from tests.admin_forms import add_inline_row, form_data, listed_urls

pytestmark = pytest.mark.django_db

FILM_URL = "/films/out-of-focus/"


@pytest.fixture
def admin_user() -> Any:
    return UserFactory.create(staff=True)


@pytest.fixture
def admin_client(client: Client, admin_user: Any) -> Client:
    client.force_login(admin_user)
    return client


@pytest.fixture
def person() -> Person:
    person = PersonFactory.create(display_name="Kumquat Li", slug="kumquat-li")
    film = FilmFactory.create(title="Out of Focus", slug="out-of-focus")
    CreditFactory.create(film=film, person=person)
    index.update_for(film)
    index.update_for(person)
    return person


def history(person: Person) -> list[tuple[str, str, Any]]:
    records = ChangeRecord.objects.filter(object_id=person.pk, content_type__model="person")
    return [(r.action, r.section, r.changes) for r in records.order_by("id")]


def test_person_renamed_in_the_admin_is_renamed_in_search_and_on_film_pages(
    admin_client: Client, admin_user: Any, person: Person
) -> None:
    assert listed_urls("Kumquat")["api"] == {FILM_URL, "/people/kumquat-li/"}
    visitor = Client()
    assert "Kumquat Li" in visitor.get(FILM_URL).content.decode()
    url = f"/admin/people/person/{person.pk}/change/"
    data = form_data(admin_client.get(url))
    data["display_name"] = "Quince Li"
    assert admin_client.post(url, data).status_code == 302
    assert listed_urls("Kumquat")["api"] == set()
    assert listed_urls("Quince")["api"] == {FILM_URL, "/people/kumquat-li/"}
    assert [item for item in listed_urls("Quince")["autocomplete"]] == ["/people/kumquat-li/"]
    page = visitor.get(FILM_URL).content.decode()
    assert "Quince Li" in page
    assert "Kumquat Li" not in page
    assert history(person) == [
        ("update", "person", {"display_name": {"old": "Kumquat Li", "new": "Quince Li"}})
    ]
    assert ChangeRecord.objects.get(content_type__model="person").actor == admin_user


def test_name_added_inline_makes_the_person_and_their_films_findable(
    admin_client: Client, person: Person
) -> None:
    assert listed_urls("Quince")["api"] == set()
    url = f"/admin/people/person/{person.pk}/change/"
    data = form_data(admin_client.get(url))
    # the empty extra row of the names inline is left as it is; the name goes in a new row
    add_inline_row(data, "names", {"name": "Quince Lee", "script": "latin"})
    response = admin_client.post(url, data)
    assert response.status_code == 302
    name = PersonName.objects.get(name="Quince Lee")
    assert listed_urls("Quince")["api"] == {FILM_URL, "/people/kumquat-li/"}
    assert history(person) == [
        ("update", "names", {f"personname {name.pk}": {"old": None, "new": "Quince Lee"}})
    ]


def _documents(kind: str, ids: list[int]) -> list[int]:
    """The ids among ``ids`` that have a search document of ``kind`` (listed or not)."""
    found = SearchDocument.objects.filter(kind=kind, object_id__in=ids)
    return sorted(found.values_list("object_id", flat=True))


def test_person_deleted_in_the_admin_leaves_search(admin_client: Client) -> None:
    # Credits protect a person from deletion, so the person is credited nowhere: not listed
    # for anyone, but indexed (collaborators of their future films find them).
    person = PersonFactory.create(display_name="Kumquat Li", slug="kumquat-li")
    index.update_for(person)
    assert _documents("person", [person.pk]) == [person.pk]
    url = f"/admin/people/person/{person.pk}/delete/"
    assert admin_client.post(url, {"post": "yes"}).status_code == 302
    assert not Person.objects.exists()
    assert _documents("person", [person.pk]) == []
    assert listed_urls("Kumquat") == {"page": set(), "autocomplete": set(), "api": set()}
    assert [h[:2] for h in history(person)] == [("delete", "")]


def test_bulk_delete_of_people_leaves_search(admin_client: Client) -> None:
    people = [PersonFactory.create(display_name=f"Kumquat {n}", slug=f"kumquat-{n}") for n in "ab"]
    for person in people:
        index.update_for(person)
    ids = [person.pk for person in people]
    assert _documents("person", ids) == ids
    response = admin_client.post(
        "/admin/people/person/",
        {"action": "delete_selected", "_selected_action": [str(people[0].pk)], "post": "yes"},
    )
    assert response.status_code == 302
    assert _documents("person", ids) == [people[1].pk]
