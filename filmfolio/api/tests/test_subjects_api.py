"""Subjects through the API: PATCH writes them through ``films.services.subjects_set`` (audit
entry, search index), all or nothing, with reasons in the caller's language."""

from __future__ import annotations

import pytest

from filmfolio.core.models import ChangeRecord
from filmfolio.films.access import Viewer
from filmfolio.films.choices import CollaboratorRole
from filmfolio.films.models import Collaborator, Film
from filmfolio.search.query import SearchRequest
from filmfolio.search.selectors import search_page_for

from .factories import FilmFactory, UserFactory

pytestmark = pytest.mark.django_db
JSON = "application/json"


def _patch(client, auth, body, **headers):
    return client.patch("/api/v1/films/f", body, content_type=JSON, headers={**auth, **headers})


def test_subjects_are_written_read_back_and_searchable(client, owner, auth):
    film = FilmFactory(slug="f", title="Old", owner=owner)
    entries = ChangeRecord.objects.count()
    response = _patch(client, auth, {"subjects": [" migrant  workers ", "童年", "Wuhan", "wuhan"]})
    assert response.status_code == 200
    assert response.json()["subjects"] == ["migrant workers", "童年", "Wuhan"]
    film.refresh_from_db()
    assert film.subjects == ["migrant workers", "童年", "Wuhan"]
    assert ChangeRecord.objects.count() == entries + 1
    page = search_page_for(Viewer.anonymous(), SearchRequest(text="童年"), with_facets=False)
    assert [hit.title for hit in page.hits] == ["Old"]


def test_an_empty_list_clears_them_and_other_fields_are_kept(client, owner, auth):
    FilmFactory(slug="f", title="Old", owner=owner, subjects=["rivers"])
    response = _patch(client, auth, {"subjects": []})
    assert response.status_code == 200
    assert response.json()["subjects"] == []
    assert Film.objects.get(slug="f").title == "Old"


def test_too_many_subjects_change_nothing_and_say_why_in_the_callers_language(client, owner, auth):
    FilmFactory(slug="f", title="Old", owner=owner, subjects=["rivers"])
    body = {"title": "New", "subjects": [f"s{n}" for n in range(21)]}
    response = _patch(client, auth, body, **{"Accept-Language": "zh-hans"})
    assert response.status_code == 422
    assert response.json()["error"]["fields"] == {"subjects": ["一部影片最多有 20 个主题。"]}
    film = Film.objects.get(slug="f")
    assert (film.title, film.subjects) == ("Old", ["rivers"])


def test_a_subject_too_long_is_refused(client, owner, auth):
    FilmFactory(slug="f", title="Old", owner=owner, subjects=["rivers"])
    response = _patch(client, auth, {"subjects": ["x" * 61]})
    assert response.status_code == 422
    assert response.json()["error"]["fields"] == {
        "subjects": ["A subject has at most 60 characters."]
    }
    assert Film.objects.get(slug="f").subjects == ["rivers"]


@pytest.mark.parametrize(
    ("value", "fields"),
    [(None, ["subjects"]), ("rivers", ["subjects"]), ([1, 2], ["subjects.0", "subjects.1"])],
)
def test_subjects_must_be_a_list_of_texts(client, owner, auth, value, fields):
    FilmFactory(slug="f", title="Old", owner=owner, subjects=["rivers"])
    response = _patch(client, auth, {"subjects": value})
    assert response.status_code == 422
    assert list(response.json()["error"]["fields"]) == fields
    assert Film.objects.get(slug="f").subjects == ["rivers"]


def test_a_viewer_collaborator_cannot_write_subjects(client):
    user = UserFactory()
    film = FilmFactory(slug="f", title="Old", subjects=["rivers"])
    Collaborator.objects.create(film=film, user=user, role=CollaboratorRole.VIEWER)
    client.force_login(user)
    response = client.patch("/api/v1/films/f", {"subjects": ["x"]}, content_type=JSON)
    assert response.status_code == 403
    assert Film.objects.get(slug="f").subjects == ["rivers"]
