"""Writes through the API go through the films and festivals services: each one leaves a change
record (who, which fields, old and new value) that the film's owners read on the history page;
a refused write leaves none."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from filmfolio.core.audit import changes_for
from filmfolio.core.matching import name_match_key
from filmfolio.core.models import ChangeRecord
from filmfolio.films.choices import CollaboratorRole
from filmfolio.films.models import Collaborator, Credit, Film, Role, Title
from filmfolio.people.models import Person

from .factories import FestivalFactory, FilmFactory, PersonFactory, UserFactory

pytestmark = pytest.mark.django_db
JSON = "application/json"


def records(film: Film) -> list[tuple[Any, ...]]:
    """The film's change records, oldest first, as (actor, action, section, changes)."""
    rows = changes_for(film).order_by("id")
    return [(r.actor and r.actor.username, r.action, r.section, r.changes) for r in rows]


@pytest.fixture
def film(owner):
    return FilmFactory(slug="f", title="Old", year=2013, sound="Stereo", owner=owner)


def test_created_film_is_recorded_with_every_value_set(client, owner, auth):
    response = client.post(
        "/api/v1/films",
        {"title": "入戏", "year": 2012, "kind": "documentary_short", "runtime_minutes": 45},
        content_type=JSON,
        headers=auth,
    )
    assert response.status_code == 201
    film = Film.objects.get(slug="ru-xi")
    record = changes_for(film).get()
    assert (record.actor, record.action, record.section, record.summary) == (
        owner,
        "create",
        "basics",
        "入戏",
    )
    assert record.changes == {
        "title": {"old": None, "new": "入戏"},
        "year": {"old": None, "new": 2012},
        "kind": {"old": None, "new": "documentary_short"},
        "runtime_minutes": {"old": None, "new": 45},
    }


def test_update_records_each_section_with_old_and_new_values(client, owner, auth, film):
    response = client.patch(
        "/api/v1/films/f",
        {"title": "New", "aspect_ratio": "1.85 : 1", "sound": None, "budget_amount": "1200.50"},
        content_type=JSON,
        headers=auth,
    )
    assert response.status_code == 200
    assert response.json()["sound"] == ""
    assert records(film) == [
        ("owner", "update", "basics", {"title": {"old": "Old", "new": "New"}}),
        (
            "owner",
            "update",
            "specs",
            {
                "aspect_ratio": {"old": "", "new": "1.85 : 1"},
                "sound": {"old": "Stereo", "new": ""},
                "budget_amount": {"old": None, "new": "1200.50"},
            },
        ),
    ]


def test_update_sending_the_current_values_records_nothing(client, auth, film):
    response = client.patch(
        "/api/v1/films/f", {"title": "Old", "year": 2013}, content_type=JSON, headers=auth
    )
    assert response.status_code == 200
    assert records(film) == []


def test_titles_texts_credits_and_entries_are_recorded(client, auth, film):
    PersonFactory(slug="zhu-shengze", display_name="Shengze Zhu")
    FestivalFactory(slug="reel", name="Cinéma du Réel")
    post = [
        ("titles", {"text": "入戏", "kind": "original", "language": "zh-Hans"}),
        ("credits", {"role": "director", "person": "zhu-shengze"}),
        ("credits", {"role": "sound-mix", "description": "Mixed in Paris."}),
        (
            "festival-entries",
            {"festival": "reel", "edition_number": 36, "edition_year": 2014, "result": "selected"},
        ),
    ]
    for path, body in post:
        response = client.post(f"/api/v1/films/f/{path}", body, content_type=JSON, headers=auth)
        assert response.status_code == 201, response.json()
    url = "/api/v1/films/f/texts/synopsis/zh-Hans"
    assert client.put(url, {"body": "一"}, content_type=JSON, headers=auth).status_code == 200
    assert client.put(url, {"body": "二"}, content_type=JSON, headers=auth).status_code == 200
    assert client.delete(url, headers=auth).status_code == 204
    director = Credit.objects.get(film=film, role__code="director")
    assert client.delete(f"/api/v1/films/f/credits/{director.pk}", headers=auth).status_code == 204
    assert records(film) == [
        ("owner", "add", "titles", {"title": {"old": None, "new": "入戏 (original)"}}),
        ("owner", "add", "credits", {"credit": {"old": None, "new": "Shengze Zhu — Director"}}),
        ("owner", "add", "credits", {"credit": {"old": None, "new": "Uncredited — Sound mix"}}),
        (
            "owner",
            "add",
            "festivals",
            {"entry": {"old": None, "new": "Official selection — 36th (2014) Cinéma du Réel"}},
        ),
        ("owner", "set", "texts", {"synopsis:zh-Hans": {"old": None, "new": "一"}}),
        ("owner", "set", "texts", {"synopsis:zh-Hans": {"old": "一", "new": "二"}}),
        ("owner", "set", "texts", {"synopsis:zh-Hans": {"old": "二", "new": None}}),
        ("owner", "remove", "credits", {"credit": {"old": "Shengze Zhu — Director", "new": None}}),
    ]


def test_api_changes_appear_on_the_owners_history_page(client, owner, auth, film):
    client.patch("/api/v1/films/f", {"year": 2014}, content_type=JSON, headers=auth)
    client.post(
        "/api/v1/films/f/titles",
        {"text": "入戏", "kind": "original"},
        content_type=JSON,
        headers=auth,
    )
    page = Client()
    page.force_login(owner)
    html = page.get("/studio/films/f/history/").content.decode()
    assert "<td>owner</td><td>update basics</td>" in html
    assert "<td>year</td><td>2013</td><td>2014</td>" in html
    assert "<td>owner</td><td>add titles</td>" in html
    assert "<td>title</td><td>—</td><td>入戏 (original)</td>" in html


def test_credit_by_name_reuses_the_person_so_named(client, auth, film):
    person = PersonFactory(display_name="Shengze Zhu", match_key=name_match_key("Shengze Zhu"))
    response = client.post(
        "/api/v1/films/f/credits",
        {"role": "director", "person_name": "Zhu Shengze"},
        content_type=JSON,
        headers=auth,
    )
    assert response.status_code == 201
    assert Credit.objects.get(film=film).person == person
    assert Person.objects.count() == 1


def test_credit_by_name_in_another_script_uses_the_one_rule(client, auth, film):
    from filmfolio.people.models import PersonName
    from filmfolio.people.services import person_create

    person = person_create(name="Jessica Zhu", actor=None)
    PersonName.objects.create(person=person, name="朱声仄", script="hans")
    for role, name in (("director", "朱聲仄"), ("editor", "Shengze Zhu"), ("writer", "叶京")):
        response = client.post(
            "/api/v1/films/f/credits",
            {"role": role, "person_name": name},
            content_type=JSON,
            headers=auth,
        )
        assert response.status_code == 201
    credited = Credit.objects.filter(film=film).order_by("role__code")
    assert [(c.role.code, c.person.slug) for c in credited] == [
        ("director", "jessica-zhu"),
        ("editor", "jessica-zhu"),
        ("writer", "ye-jing"),
    ]
    assert Person.objects.count() == 2


def test_writes_bump_the_film_so_cached_pages_are_rendered_again(client, auth, film):
    before = Film.objects.get(pk=film.pk).updated_at
    response = client.post(
        "/api/v1/films/f/credits",
        {"role": "director", "person_name": "Ana Lee"},
        content_type=JSON,
        headers=auth,
    )
    assert response.status_code == 201
    assert Film.objects.get(pk=film.pk).updated_at > before


REFUSED = [
    ("patch", "/api/v1/films/f", {"year": 1500}, 422, {"year"}),
    ("post", "/api/v1/films/f/titles", {"text": "Old", "kind": "original"}, 422, {"text"}),
    ("post", "/api/v1/films/f/credits", {"role": "wizard", "person_name": "Z"}, 422, {"role"}),
    ("post", "/api/v1/films/f/credits", {"role": "director", "person": "nobody"}, 422, {"person"}),
    ("post", "/api/v1/films/f/credits", {"role": "director", "person": "kept"}, 422, {"person"}),
    (
        "post",
        "/api/v1/films/f/festival-entries",
        {"festival": "nope", "edition_year": 2014, "result": "selected"},
        422,
        {"festival"},
    ),
    (
        "post",
        "/api/v1/films/f/festival-entries",
        {"festival": "reel", "result": "selected"},
        422,
        {"edition_year"},
    ),
    ("delete", "/api/v1/films/f/texts/synopsis/en", None, 404, set()),
    ("delete", "/api/v1/films/f/credits/999999", None, 404, set()),
]


@pytest.mark.parametrize(("method", "url", "body", "status", "fields"), REFUSED)
def test_refused_writes_record_nothing(client, auth, film, method, url, body, status, fields):
    Title.objects.create(film=film, text="Old", kind="original")
    kept = PersonFactory(slug="kept", display_name="Kept")
    Credit.objects.create(film=film, person=kept, role=Role.objects.get(code="director"))
    FestivalFactory(slug="reel")
    kwargs: dict[str, Any] = {"headers": auth}
    if body is not None:
        kwargs.update(data=body, content_type=JSON)
    response = getattr(client, method)(url, **kwargs)
    assert response.status_code == status
    assert set(response.json()["error"]["fields"]) == fields
    assert ChangeRecord.objects.count() == 0
    assert Person.objects.count() == 1
    assert Credit.objects.count() == 1
    assert Film.objects.get(pk=film.pk).year == 2013


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("patch", "", {"title": "New"}),
        ("post", "/titles", {"text": "New", "kind": "original"}),
        ("post", "/credits", {"role": "director", "person_name": "Ana Lee"}),
        ("put", "/texts/synopsis/en", {"body": "A river."}),
        ("delete", "/texts/synopsis/en", None),
    ],
)
def test_a_viewer_collaborator_is_refused_and_nothing_is_recorded(film, method, path, body):
    viewer_user = UserFactory()
    Collaborator.objects.create(film=film, user=viewer_user, role=CollaboratorRole.VIEWER)
    client = Client()
    client.force_login(viewer_user)
    kwargs: dict[str, Any] = {} if body is None else {"data": body, "content_type": JSON}
    response = getattr(client, method)(f"/api/v1/films/f{path}", **kwargs)
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"
    assert ChangeRecord.objects.count() == 0
    assert Film.objects.get(pk=film.pk).title == "Old"
    assert Person.objects.count() == 0


def test_someone_elses_private_film_is_404_and_nothing_is_recorded(client, auth):
    FilmFactory(slug="theirs", private=True, owner=UserFactory())
    response = client.post(
        "/api/v1/films/theirs/titles",
        {"text": "Mine", "kind": "original"},
        content_type=JSON,
        headers=auth,
    )
    assert response.status_code == 404
    assert ChangeRecord.objects.count() == 0
    assert Title.objects.count() == 0
