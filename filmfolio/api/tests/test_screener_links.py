"""The screener-link endpoints: owners create links with their controls, change them after
sending, extend and revoke several at once; editors get a 403 and strangers a 404, and a refused
call changes nothing."""

from __future__ import annotations

import datetime

import pytest

from filmfolio.api.choices import TokenScope
from filmfolio.api.services.tokens import api_token_create
from filmfolio.core.models import ChangeRecord
from filmfolio.films.choices import CollaboratorRole
from filmfolio.sharing.models import ScreenerLink
from filmfolio.sharing.tests.factories import CollaboratorFactory, ScreenerLinkFactory

from .factories import UserFactory

pytestmark = pytest.mark.django_db
URL = "/api/v1/films/ours/screener-links"


@pytest.fixture
def film(owner):
    return CollaboratorFactory(user=owner, role=CollaboratorRole.OWNER, film__slug="ours").film


def _auth_for(role: str, film) -> dict[str, str]:
    user = UserFactory(username=f"a-{role}")
    if role != "stranger":
        CollaboratorFactory(user=user, film=film, role=role)
    _token, key = api_token_create(user=user, name="script", scope=TokenScope.WRITE)
    return {"Authorization": f"Bearer {key}"}


def test_an_owner_creates_a_link_with_its_controls(client, film, auth):
    response = client.post(
        URL,
        {
            "recipient": "Li Wei", "recipient_organisation": "FIRST Xining",
            "time_zone": "Asia/Shanghai", "not_before": "2030-03-01T09:00:00",
            "expires_at": "2030-03-08T09:00:00+08:00", "max_plays": 2,
            "delivery": "download", "password": "jade",
        },
        content_type="application/json",
        headers=auth,
    )  # fmt: skip
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["url"].startswith("http://testserver/share/s/")
    assert body["not_before"] == "2030-03-01T01:00:00Z"
    assert body["expires_at"] == "2030-03-08T01:00:00Z"
    assert {k: body[k] for k in ("max_plays", "play_count", "delivery", "has_password")} == {
        "max_plays": 2, "play_count": 0, "delivery": "download", "has_password": True,
    }  # fmt: skip
    listed = client.get(URL, headers=auth).json()
    assert [link["recipient"] for link in listed] == ["Li Wei"]
    assert "url" not in listed[0]


def test_a_wrong_time_zone_is_refused_and_nothing_is_created(client, film, auth):
    response = client.post(
        URL, {"recipient": "Li Wei", "time_zone": "Moon/Base"},
        content_type="application/json", headers=auth,
    )  # fmt: skip
    assert response.status_code == 422
    assert response.json()["error"]["fields"] == {
        "time_zone": ["Name a time zone such as Europe/Paris or Asia/Shanghai."]
    }
    assert ScreenerLink.objects.count() == 0


def test_a_patch_changes_only_the_fields_given_and_the_password(client, film, auth):
    link = ScreenerLinkFactory(film=film, recipient="Li Wei", max_plays=2, time_zone="UTC")
    response = client.patch(
        f"{URL}/{link.pk}", {"max_plays": 4, "password": "new"},
        content_type="application/json", headers=auth,
    )  # fmt: skip
    assert response.status_code == 200, response.content
    fresh = ScreenerLink.objects.get(pk=link.pk)
    assert (fresh.recipient, fresh.max_plays, fresh.time_zone, fresh.has_password) == (
        "Li Wei", 4, "UTC", True,
    )  # fmt: skip
    assert ChangeRecord.objects.filter(section="screener_links").count() == 2


def test_bulk_extend_and_revoke(client, film, auth):
    soon = datetime.datetime(2031, 1, 1, tzinfo=datetime.UTC)
    first = ScreenerLinkFactory(film=film, expires_at=soon)
    second = ScreenerLinkFactory(film=film, expires_at=soon)
    ids = [first.pk, second.pk]
    response = client.post(
        f"{URL}/extend", {"link_ids": ids, "days": 10}, content_type="application/json",
        headers=auth,
    )  # fmt: skip
    assert response.json() == {"changed": 2}
    assert ScreenerLink.objects.get(pk=first.pk).expires_at == datetime.datetime(
        2031, 1, 11, tzinfo=datetime.UTC
    )
    response = client.post(
        f"{URL}/revoke", {"link_ids": ids}, content_type="application/json", headers=auth
    )
    assert response.json() == {"changed": 2}
    assert ScreenerLink.objects.filter(revoked_at__isnull=True).count() == 0


@pytest.mark.parametrize(("role", "status"), [("editor", 403), ("stranger", 404)])
def test_others_are_refused_and_nothing_changes(client, film, role, status):
    link = ScreenerLinkFactory(film=film, max_plays=2)
    headers = _auth_for(role, film)
    calls = [
        client.get(URL, headers=headers),
        client.post(URL, {"recipient": "X"}, content_type="application/json", headers=headers),
        client.patch(
            f"{URL}/{link.pk}", {"max_plays": 9}, content_type="application/json",
            headers=headers,
        ),
        client.post(
            f"{URL}/revoke", {"link_ids": [link.pk]}, content_type="application/json",
            headers=headers,
        ),
    ]  # fmt: skip
    assert [response.status_code for response in calls] == [status] * 4
    fresh = ScreenerLink.objects.get()
    assert (fresh.max_plays, fresh.revoked_at) == (2, None)


def test_another_films_link_is_not_found_and_nothing_is_revoked(client, film, auth):
    mine = ScreenerLinkFactory(film=film)
    other = ScreenerLinkFactory()
    response = client.post(
        f"{URL}/revoke", {"link_ids": [mine.pk, other.pk]}, content_type="application/json",
        headers=auth,
    )  # fmt: skip
    assert response.status_code == 404
    assert ScreenerLink.objects.filter(revoked_at__isnull=False).count() == 0
    assert (
        client.patch(
            f"{URL}/{other.pk}", {"max_plays": 3}, content_type="application/json", headers=auth
        ).status_code
        == 404
    )


@pytest.mark.parametrize("link_id", [0, -1, 2**63, 10**30])
def test_an_id_no_row_can_have_is_not_found_and_nothing_is_revoked(client, film, auth, link_id):
    mine = ScreenerLinkFactory(film=film)
    response = client.post(
        f"{URL}/revoke", {"link_ids": [mine.pk, link_id]}, content_type="application/json",
        headers=auth,
    )  # fmt: skip
    assert response.status_code == 404
    assert ScreenerLink.objects.filter(revoked_at__isnull=False).count() == 0
