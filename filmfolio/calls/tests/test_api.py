"""The calls endpoints of the JSON API: open calls, one-step submission, what each caller
sees of submissions, the festival's rating and decision."""

from __future__ import annotations

import pytest
from django.test import Client

from filmfolio.api.choices import TokenScope
from filmfolio.api.services.tokens import api_token_create
from filmfolio.calls.models import Submission
from filmfolio.festivals.choices import EntryEvidence
from filmfolio.festivals.models import Entry

pytestmark = pytest.mark.django_db


def _auth(user) -> dict[str, str]:
    _token, key = api_token_create(user=user, name="script", scope=TokenScope.WRITE)
    return {"Authorization": f"Bearer {key}"}


def _submit(world):
    return Client().post(
        f"/api/v1/calls/{world.call.slug}/submissions",
        {"film": world.film.slug, "category_id": world.category.pk, "premiere": "world"},
        content_type="application/json",
        headers=_auth(world.owner),
    )


def test_open_calls_are_listed_for_everyone(world):
    body = Client().get("/api/v1/calls").json()
    assert [c["slug"] for c in body["items"]] == [world.call.slug]
    detail = Client().get(f"/api/v1/calls/{world.call.slug}").json()
    assert detail["categories"][0]["countries"] == ["FR", "CN"]
    assert detail["categories"][0]["fee_regular"] == "20.00"


def test_submitting_in_one_step(world):
    response = _submit(world)
    assert response.status_code == 201
    assert response.json()["film"] == world.film.slug
    assert response.json()["status"] == "submitted"
    duplicate = _submit(world)
    assert duplicate.status_code == 422
    assert duplicate.json()["error"]["message"] == "This film is already submitted to this call."
    assert Submission.objects.count() == 1


def test_each_caller_sees_only_their_submissions(world, stranger):
    _submit(world)
    seen = {
        name: [
            s["film"]
            for s in Client().get("/api/v1/submissions", headers=_auth(user)).json()["items"]
        ]
        for name, user in {
            "owner": world.owner,
            "programmer": world.programmer,
            "juror": world.juror,
            "stranger": stranger,
        }.items()
    }
    assert seen == {
        "owner": [world.film.slug],
        "programmer": [world.film.slug],
        "juror": [],
        "stranger": [],
    }
    assert Client().get("/api/v1/submissions").json()["items"] == []


def test_the_festival_decides_through_the_api(world):
    public_id = _submit(world).json()["public_id"]
    url = f"/api/v1/submissions/{public_id}/decision"
    payload = {"selected": True, "section_id": world.section.pk, "result": "selected"}
    refused = Client().post(
        url, payload, content_type="application/json", headers=_auth(world.juror)
    )
    assert refused.status_code == 404
    assert not Entry.objects.exists()
    response = Client().post(
        url, payload, content_type="application/json", headers=_auth(world.director)
    )
    assert response.status_code == 200
    assert response.json()["status"] == "selected"
    assert Entry.objects.get(film=world.film).evidence == EntryEvidence.CONFIRMED
