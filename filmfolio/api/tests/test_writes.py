"""Write endpoints: auth (token, session with CSRF), the access policy, all-or-nothing edits."""

from __future__ import annotations

import pytest
from django.test import Client

from filmfolio.films.choices import CollaboratorRole
from filmfolio.films.models import Collaborator, Credit, Film, FilmText, Title
from filmfolio.people.models import Person

from .factories import FestivalFactory, FilmFactory, PersonFactory, UserFactory

pytestmark = pytest.mark.django_db
JSON = "application/json"


def test_create_needs_authentication_and_creates_nothing_without(client):
    response = client.post("/api/v1/films", {"title": "X"}, content_type=JSON)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthenticated"
    assert Film.objects.count() == 0


def test_create_with_token_makes_a_private_film_owned_by_the_caller(client, owner, auth):
    response = client.post(
        "/api/v1/films",
        {"title": "入戏", "year": 2012, "kind": "documentary_short", "runtime_minutes": 45},
        content_type=JSON,
        headers=auth,
    )
    assert response.status_code == 201
    assert response["Location"] == "/api/v1/films/ru-xi"
    body = response.json()
    assert (body["slug"], body["title"], body["visibility"]) == ("ru-xi", "入戏", "private")
    film = Film.objects.get(slug="ru-xi")
    assert Collaborator.objects.get(film=film).role == CollaboratorRole.OWNER
    assert Collaborator.objects.get(film=film).user == owner


def test_session_write_needs_csrf_token(owner):
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(owner)
    response = csrf_client.post("/api/v1/films", {"title": "X"}, content_type=JSON)
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"
    assert Film.objects.count() == 0
    csrf_client.get("/api/tokens/")  # sets the CSRF cookie
    token = csrf_client.cookies["csrftoken"].value
    response = csrf_client.post(
        "/api/v1/films", {"title": "X"}, content_type=JSON, headers={"X-CSRFToken": token}
    )
    assert response.status_code == 201


def test_token_write_needs_no_csrf(owner, auth):
    response = Client(enforce_csrf_checks=True).post(
        "/api/v1/films", {"title": "X"}, content_type=JSON, headers=auth
    )
    assert response.status_code == 201


def test_invalid_body_is_422_with_fields_and_changes_nothing(client, auth):
    response = client.post(
        "/api/v1/films",
        {"title": "", "year": 1500, "budget_currency": "XXQ"},
        content_type=JSON,
        headers=auth,
    )
    assert response.status_code == 422
    body = response.json()["error"]
    assert body["code"] == "invalid"
    assert sorted(body["fields"]) == ["budget_currency", "title", "year"]
    assert Film.objects.count() == 0


def test_taken_slug_is_refused(client, auth):
    FilmFactory(slug="taken")
    response = client.post(
        "/api/v1/films", {"title": "X", "slug": "taken"}, content_type=JSON, headers=auth
    )
    assert response.status_code == 422
    assert response.json()["error"]["fields"] == {"slug": ["This address is taken."]}
    assert Film.objects.count() == 1


def test_update_changes_only_sent_fields(client, owner, auth):
    FilmFactory(slug="f", title="Old", year=2013, runtime_minutes=88, owner=owner)
    response = client.patch(
        "/api/v1/films/f",
        {"title": "New", "aspect_ratio": "1.85 : 1"},
        content_type=JSON,
        headers=auth,
    )
    assert response.status_code == 200
    film = Film.objects.get(slug="f")
    assert (film.title, film.year, film.runtime_minutes, film.aspect_ratio) == (
        "New",
        2013,
        88,
        "1.85 : 1",
    )


def test_viewer_collaborator_cannot_update_and_nothing_changes(client):
    viewer_user = UserFactory()
    film = FilmFactory(slug="f", title="Old")
    Collaborator.objects.create(film=film, user=viewer_user, role=CollaboratorRole.VIEWER)
    client.force_login(viewer_user)
    response = client.patch("/api/v1/films/f", {"title": "New"}, content_type=JSON)
    assert response.status_code == 403
    assert response.json()["error"] == {
        "code": "forbidden",
        "message": "You may not change this film.",
        "fields": {},
    }
    assert Film.objects.get(slug="f").title == "Old"


def test_editing_someone_elses_private_film_is_404(client, auth):
    FilmFactory(slug="theirs", title="Theirs", private=True, owner=UserFactory())
    response = client.patch(
        "/api/v1/films/theirs", {"title": "Mine"}, content_type=JSON, headers=auth
    )
    assert response.status_code == 404
    assert Film.objects.get(slug="theirs").title == "Theirs"


def test_titles_add_and_delete_touch_the_film(client, owner, auth):
    film = FilmFactory(slug="f", owner=owner)
    before = film.updated_at
    response = client.post(
        "/api/v1/films/f/titles",
        {"text": "入戏", "kind": "original", "language": "zh-Hans"},
        content_type=JSON,
        headers=auth,
    )
    assert response.status_code == 201
    title = Title.objects.get(film=film)
    assert (title.text, title.kind, title.language) == ("入戏", "original", "zh-Hans")
    assert Film.objects.get(pk=film.pk).updated_at > before
    duplicate = client.post(
        "/api/v1/films/f/titles",
        {"text": "入戏", "kind": "original"},
        content_type=JSON,
        headers=auth,
    )
    assert duplicate.status_code == 422
    assert Title.objects.filter(film=film).count() == 1
    assert client.delete(f"/api/v1/films/f/titles/{title.pk}", headers=auth).status_code == 204
    assert Title.objects.filter(film=film).count() == 0
    assert client.delete(f"/api/v1/films/f/titles/{title.pk}", headers=auth).status_code == 404


def test_texts_set_replace_and_delete(client, owner, auth):
    film = FilmFactory(slug="f", owner=owner)
    url = "/api/v1/films/f/texts/synopsis/zh-Hans"
    assert client.put(url, {"body": "一"}, content_type=JSON, headers=auth).status_code == 200
    response = client.put(url, {"body": "二"}, content_type=JSON, headers=auth)
    assert response.json() == {"kind": "synopsis", "language": "zh-Hans", "body": "二"}
    assert list(FilmText.objects.filter(film=film).values_list("body", flat=True)) == ["二"]
    assert client.delete(url, headers=auth).status_code == 204
    assert FilmText.objects.filter(film=film).count() == 0


def test_credits_for_existing_and_new_people(client, owner, auth):
    film = FilmFactory(slug="f", owner=owner)
    PersonFactory(slug="zhu-shengze", display_name="Shengze Zhu")
    ok = client.post(
        "/api/v1/films/f/credits",
        {"role": "director", "person": "zhu-shengze"},
        content_type=JSON,
        headers=auth,
    )
    assert ok.status_code == 201
    assert ok.json()["person"] == {"slug": "zhu-shengze", "display_name": "Shengze Zhu"}
    new = client.post(
        "/api/v1/films/f/credits",
        {"role": "sound-mix", "person_name": "Siya Huo"},
        content_type=JSON,
        headers=auth,
    )
    assert new.status_code == 201
    assert Person.objects.get(display_name="Siya Huo").slug == "siya-huo"
    bad_role = client.post(
        "/api/v1/films/f/credits",
        {"role": "wizard", "person_name": "Z"},
        content_type=JSON,
        headers=auth,
    )
    assert bad_role.status_code == 422
    assert bad_role.json()["error"]["fields"] == {"role": ["Unknown role."]}
    assert not Person.objects.filter(display_name="Z").exists()
    assert Credit.objects.filter(film=film).count() == 2


def test_festival_entry_finds_or_makes_edition_section_and_award(client, owner, auth):
    film = FilmFactory(slug="f", owner=owner)
    FestivalFactory(slug="reel", name="Cinéma du Réel")
    payload = {
        "festival": "reel",
        "edition_number": 36,
        "edition_year": 2014,
        "section": "International First Films Competition",
        "result": "selected",
    }
    response = client.post(
        "/api/v1/films/f/festival-entries", payload, content_type=JSON, headers=auth
    )
    assert response.status_code == 201
    body = response.json()
    assert (body["festival"], body["edition_number"], body["section"], body["result"]) == (
        "Cinéma du Réel",
        36,
        "International First Films Competition",
        "selected",
    )
    unknown = client.post(
        "/api/v1/films/f/festival-entries",
        {**payload, "festival": "nope"},
        content_type=JSON,
        headers=auth,
    )
    assert unknown.status_code == 422
    assert film.festival_entries.count() == 1
    entry_id = body["id"]
    url = f"/api/v1/films/f/festival-entries/{entry_id}"
    assert client.delete(url, headers=auth).status_code == 204
    assert film.festival_entries.count() == 0


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ('"AAA"', "__all__"),
        ("[null, null]", "__all__"),
        ('{"title": "X", "is_student_project": 0}', "is_student_project"),
        ('{"title": "X", "year": "2013"}', "year"),
        ('{"title": "X", "year": true}', "year"),
        ('{"title": "X", "completion_date": 0}', "completion_date"),
        ('{"title": "X", "colour": "color"}', "colour"),
    ],
)
def test_bodies_are_read_strictly(client, auth, body, field):
    response = client.post("/api/v1/films", body, content_type=JSON, headers=auth)
    assert response.status_code == 422
    assert field in response.json()["error"]["fields"]
    assert Film.objects.count() == 0


def test_malformed_json_is_a_clear_error(client, auth):
    response = client.post("/api/v1/films", "{", content_type=JSON, headers=auth)
    assert response.status_code == 400
    assert response.json()["error"] == {
        "code": "bad_request",
        "message": "Cannot parse request body",
        "fields": {},
    }
    assert Film.objects.count() == 0


def test_festival_entry_evidence_through_the_api(client, owner, auth):
    """Sourced with the festival's page and the day it was checked; confirmed is refused
    (only the festival's decision sets it) and nothing is created."""
    film = FilmFactory(slug="f", owner=owner)
    FestivalFactory(slug="reel", name="Cinéma du Réel", website="https://www.cinema-du-reel.fr")
    payload = {"festival": "reel", "edition_year": 2014, "result": "selected"}
    sourced = client.post(
        "/api/v1/films/f/festival-entries",
        {
            **payload,
            "evidence": "sourced",
            "evidence_url": "https://cinema-du-reel.fr/2014/selection",
            "evidence_checked_on": "2024-05-03",
        },
        content_type=JSON,
        headers=auth,
    )
    assert sourced.status_code == 201
    body = sourced.json()
    assert (body["evidence"], body["evidence_url"], body["evidence_checked_on"]) == (
        "sourced",
        "https://cinema-du-reel.fr/2014/selection",
        "2024-05-03",
    )
    assert body["confirmed_at"] is None
    confirmed = client.post(
        "/api/v1/films/f/festival-entries",
        {**payload, "edition_year": 2015, "evidence": "confirmed"},
        content_type=JSON,
        headers=auth,
    )
    assert confirmed.status_code == 422
    assert confirmed.json()["error"]["fields"] == {
        "evidence": ["Only the festival can confirm an entry, through Filmfolio."]
    }
    assert film.festival_entries.count() == 1
    record = client.get("/api/v1/films/f", headers=auth).json()
    assert [e["evidence"] for e in record["festival_entries"]] == ["sourced"]
