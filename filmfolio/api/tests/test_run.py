"""The festival run's endpoints: a film's collaborators read its run, its editors add and move
entries, a move that breaks a premiere waits for ``confirmed``, strangers get a 404 and change
nothing."""

from __future__ import annotations

import datetime

import pytest

from filmfolio.api.choices import TokenScope
from filmfolio.api.services.tokens import api_token_create
from filmfolio.circuit.choices import RunStatus
from filmfolio.circuit.models import RunEntry
from filmfolio.circuit.tests.factories import RunEntryFactory
from filmfolio.festivals.tests.factories import EditionFactory
from filmfolio.films.choices import CollaboratorRole
from filmfolio.sharing.models import ScreenerLink
from filmfolio.sharing.tests.factories import CollaboratorFactory

from .factories import FestivalFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def film(owner):
    return CollaboratorFactory(user=owner, role=CollaboratorRole.OWNER, film__slug="ours").film


def test_an_entry_is_added_with_its_screener_link(client, film, auth):
    FestivalFactory(slug="reel", name="Cinéma du Réel")
    response = client.post(
        "/api/v1/films/ours/run-entries",
        {
            "festival": "reel",
            "edition_year": 2027,
            "category": "Shorts",
            "fee_amount": "45.00",
            "fee_currency": "EUR",
            "premiere": "world",
            "make_screener": True,
            "notification_on": "2030-03-01",
        },
        content_type="application/json",
        headers=auth,
    )
    assert response.status_code == 201
    body = response.json()
    assert {k: body[k] for k in ("festival", "edition_year", "status", "premiere")} == {
        "festival": "Cinéma du Réel",
        "edition_year": 2027,
        "status": "planned",
        "premiere": "world",
    }
    assert body["screener_url"].startswith("http://testserver/share/s/")
    assert body["screener_seen_at"] is None
    assert ScreenerLink.objects.get().run_entries.get().pk == body["id"]


def test_bad_input_is_422_and_changes_nothing(client, film, auth):
    response = client.post(
        "/api/v1/films/ours/run-entries",
        {"new_festival_name": "X", "edition_year": 2027, "fee_amount": "5", "fee_currency": "ZZZ"},
        content_type="application/json",
        headers=auth,
    )
    assert response.status_code == 422
    assert response.json()["error"]["fields"] == {
        "fee_currency": ["Give the fee's currency as an ISO 4217 code (EUR)."]
    }
    assert RunEntry.objects.count() == 0


def test_a_move_waits_for_confirmation_when_it_breaks_a_premiere(client, film, auth):
    RunEntryFactory(
        film=film, premiere="world", edition=EditionFactory(starts_on=datetime.date(2027, 9, 1))
    )
    entry = RunEntryFactory(
        film=film,
        status=RunStatus.SUBMITTED,
        edition=EditionFactory(starts_on=datetime.date(2027, 5, 1)),
    )
    url = f"/api/v1/films/ours/run-entries/{entry.pk}/status"
    refused = client.post(
        url, {"status": "selected"}, content_type="application/json", headers=auth
    )
    assert refused.status_code == 422
    assert list(refused.json()["error"]["fields"]) == ["confirmed"]
    entry.refresh_from_db()
    assert entry.status == RunStatus.SUBMITTED
    done = client.post(
        url,
        {"status": "selected", "confirmed": True},
        content_type="application/json",
        headers=auth,
    )
    assert (done.status_code, done.json()["status"]) == (200, "selected")
    wrong = client.post(url, {"status": "planned"}, content_type="application/json", headers=auth)
    assert wrong.status_code == 422


def test_lists_show_only_the_callers_films(client, film, auth):
    RunEntryFactory(film=film)
    RunEntryFactory()
    body = client.get("/api/v1/run-entries", headers=auth).json()
    assert [item["film"] for item in body["items"]] == ["ours"]
    assert len(client.get("/api/v1/films/ours/run-entries", headers=auth).json()) == 1


def test_strangers_and_viewers(client, film):
    entry = RunEntryFactory(film=film)
    viewer = CollaboratorFactory(film=film, role=CollaboratorRole.VIEWER).user
    stranger = UserFactory()
    client.force_login(stranger)
    assert client.get("/api/v1/films/ours/run-entries").status_code == 404
    assert client.get("/api/v1/run-entries").json()["items"] == []
    client.force_login(viewer)
    assert len(client.get("/api/v1/films/ours/run-entries").json()) == 1
    client.logout()
    assert client.get("/api/v1/run-entries").status_code == 401
    entry.refresh_from_db()
    assert entry.status == RunStatus.PLANNED


def test_a_viewer_may_not_move_or_remove(client, film, owner):
    entry = RunEntryFactory(film=film)
    viewer = CollaboratorFactory(film=film, role=CollaboratorRole.VIEWER).user
    _token, key = api_token_create(user=viewer, name="v", scope=TokenScope.WRITE)
    headers = {"Authorization": f"Bearer {key}"}
    url = f"/api/v1/films/ours/run-entries/{entry.pk}"
    moved = client.post(
        url + "/status", {"status": "submitted"}, content_type="application/json", headers=headers
    )
    assert moved.status_code == 403
    assert client.delete(url, headers=headers).status_code == 403
    entry.refresh_from_db()
    assert entry.status == RunStatus.PLANNED


def test_making_the_film_public_waits_for_confirmed(client, film, auth):
    RunEntryFactory(film=film, premiere="world")
    refused = client.patch(
        "/api/v1/films/ours",
        {"visibility": "public"},
        content_type="application/json",
        headers=auth,
    )
    assert refused.status_code == 422
    assert list(refused.json()["error"]["fields"]) == ["confirmed"]
    film.refresh_from_db()
    assert film.visibility == "private"
    done = client.patch(
        "/api/v1/films/ours",
        {"visibility": "public", "confirmed": True},
        content_type="application/json",
        headers=auth,
    )
    assert done.status_code == 200
    film.refresh_from_db()
    assert film.visibility == "public"
