"""Collaborators changed in the admin are recorded in the film's history, and the film's own
search results follow for the user at once (the films a user may see listed are read live)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from filmfolio.accounts.tests.factories import UserFactory
from filmfolio.core.models import ChangeRecord
from filmfolio.films.models import Collaborator, Film
from filmfolio.films.tests.factories import FilmFactory
from filmfolio.search import index
from tests.admin_forms import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client: Client) -> Client:
    client.force_login(UserFactory.create(staff=True))
    return client


def history(film: Film) -> list[tuple[str, str, Any]]:
    records = ChangeRecord.objects.filter(object_id=film.pk, content_type__model="film")
    return [(r.action, r.section, r.changes) for r in records.order_by("id")]


def found_by(user: Any, text: str) -> list[str]:
    client = Client()
    client.force_login(user)
    return [item["url"] for item in client.get("/api/v1/search", {"q": text}).json()["items"]]


def test_collaborator_added_and_removed_in_the_admin_is_recorded(admin_client: Client) -> None:
    film = FilmFactory.create(title="Kumquat Secret", slug="kumquat-secret", private=True)
    index.update_for(film)
    user = UserFactory.create(username="editor")
    assert found_by(user, "Kumquat") == []
    url = "/admin/films/collaborator/add/"
    data = form_data(admin_client.get(url))
    data.update(film=str(film.pk), user=str(user.pk), role="editor")
    assert admin_client.post(url, data).status_code == 302
    collaborator = Collaborator.objects.get()
    assert found_by(user, "Kumquat") == ["/films/kumquat-secret/"]
    key = f"collaborator {collaborator.pk}"
    response = admin_client.post(
        f"/admin/films/collaborator/{collaborator.pk}/delete/", {"post": "yes"}
    )
    assert response.status_code == 302
    assert found_by(user, "Kumquat") == []
    assert history(film) == [
        ("update", "collaborators", {key: {"old": None, "new": "editor — Editor"}}),
        ("update", "collaborators", {key: {"old": "editor — Editor", "new": None}}),
    ]


def test_bulk_delete_of_collaborators_is_recorded_on_each_film(admin_client: Client) -> None:
    films = [FilmFactory.create(private=True) for _ in range(2)]
    rows = [
        Collaborator.objects.create(film=film, user=UserFactory.create(), role="viewer")
        for film in films
    ]
    response = admin_client.post(
        "/admin/films/collaborator/",
        {"action": "delete_selected", "_selected_action": [str(r.pk) for r in rows], "post": "yes"},
    )
    assert response.status_code == 302
    assert Collaborator.objects.count() == 0
    for film in films:
        assert [h[:2] for h in history(film)] == [("update", "collaborators")]
