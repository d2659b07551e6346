"""The person picker's candidates: every written form matches; namesakes are told apart by
their names and films; only people and films the viewer may see listed are shown."""

from __future__ import annotations

import pytest
from django.utils import translation

from filmfolio.accounts.tests.factories import UserFactory
from filmfolio.films.choices import CollaboratorRole
from filmfolio.films.models import Credit, Role
from filmfolio.people.choices import NameScript
from filmfolio.people.models import PersonName
from filmfolio.people.services import person_create
from filmfolio.sharing.tests.factories import CollaboratorFactory, FilmFactory

pytestmark = pytest.mark.django_db


def _credit(film, person, role):
    Credit.objects.create(film=film, person=person, role=Role.objects.get(code=role))


@pytest.fixture
def people():
    ye = person_create(name="叶京", actor=None)
    PersonName.objects.create(person=ye, name="葉京", script=NameScript.HANT)
    public = FilmFactory(title="Rivers of Salt", year=2019, public=True)
    older = FilmFactory(title="Early Work", year=2011, public=True)
    _credit(public, ye, "director")
    _credit(public, ye, "editor")
    _credit(older, ye, "director")
    hidden_film = FilmFactory(title="Qxkv Private Film")
    CollaboratorFactory(film=hidden_film, role=CollaboratorRole.OWNER)
    _credit(hidden_film, ye, "writer")
    namesake = person_create(name="Ye Jing", actor=None)
    _credit(hidden_film, namesake, "director")
    return ye, namesake, hidden_film


def test_candidates_tell_people_apart_and_offer_an_explicit_new_person(people, client):
    ye, _namesake, _film = people
    client.force_login(UserFactory())
    for typed in ("Ye Jing", "jing ye", "葉京"):
        answer = client.get("/people/lookup/", {"q": typed}).json()
        assert answer == {
            "results": [
                {
                    "id": ye.pk,
                    "slug": "ye-jing",
                    "label": "叶京",
                    "names": ["葉京"],
                    "films": [
                        {"title": "Rivers of Salt", "year": 2019, "roles": ["Director", "Editor"]},
                        {"title": "Early Work", "year": 2011, "roles": ["Director"]},
                    ],
                }
            ],
            "create": {"name": typed, "label": f"Create a new person: {typed}"},
        }, typed


def test_the_owner_of_the_private_film_sees_its_people_and_its_credits(people, client):
    ye, namesake, film = people
    client.force_login(film.collaborators.get().user)
    answer = client.get("/people/lookup/", {"q": "Ye  Jing"}).json()
    assert [r["id"] for r in answer["results"]] == [namesake.pk, ye.pk]
    assert answer["results"][1]["films"][0] == {
        "title": "Qxkv Private Film",
        "year": 2020,
        "roles": ["Writer"],
    }
    assert answer["create"]["name"] == "Ye Jing"
    answer = client.get("/people/lookup/", {"q": "Ye Jing", "exclude": namesake.pk}).json()
    assert [r["id"] for r in answer["results"]] == [ye.pk]


def test_nothing_typed_offers_nothing(client):
    client.force_login(UserFactory())
    assert client.get("/people/lookup/", {"q": "  "}).json() == {"results": [], "create": None}


def test_the_picker_is_for_signed_in_users(client):
    response = client.get("/people/lookup/", {"q": "Ye Jing"})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_the_new_person_choice_in_chinese(client):
    client.force_login(UserFactory())
    with translation.override("zh-hans"):  # the request's language ends with the test
        answer = client.get("/people/lookup/", {"q": "叶京"}, HTTP_ACCEPT_LANGUAGE="zh-hans").json()
    assert answer["create"] == {"name": "叶京", "label": "新建人物：叶京"}


def test_a_person_credited_nowhere_yet_may_be_picked(people, client):
    ye, _namesake, _film = people
    fresh = person_create(name="Jing Ye", actor=None)
    client.force_login(UserFactory())
    answer = client.get("/people/lookup/", {"q": "叶京"}).json()
    assert [(r["id"], r["films"]) for r in answer["results"]] == [
        (fresh.pk, []),
        (ye.pk, answer["results"][1]["films"]),
    ]
    assert len(answer["results"][1]["films"]) == 2
