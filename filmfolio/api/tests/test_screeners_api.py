"""The screener endpoints: a film's owners send campaigns and read viewing reports; editors,
viewers and strangers get a 404 and change nothing; a bad row refuses the whole campaign."""

from __future__ import annotations

import pytest
from django.core import mail

from filmfolio.api.choices import TokenScope
from filmfolio.api.services.tokens import api_token_create
from filmfolio.films.choices import CollaboratorRole
from filmfolio.sharing.models import Campaign, ScreenerLink
from filmfolio.sharing.tests.factories import CollaboratorFactory

from .factories import UserFactory

pytestmark = pytest.mark.django_db

PAYLOAD = {
    "name": "Spring festivals",
    "recipients": [
        {"name": "Ana Ruiz", "email": "ana@festival.example", "language": "en"},
        {
            "name": "王芳",
            "email": "wang@fest.example.cn",
            "organisation": "FIRST",
            "language": "zh-hans",
        },
    ],
    "max_plays": 3,
    "time_zone": "Asia/Shanghai",
}


@pytest.fixture
def film(owner):
    return CollaboratorFactory(user=owner, role=CollaboratorRole.OWNER, film__slug="ours").film


def _headers(user) -> dict[str, str]:
    _token, key = api_token_create(user=user, name="script", scope=TokenScope.WRITE)
    return {"Authorization": f"Bearer {key}"}


def test_an_owner_sends_a_campaign_and_reads_its_report(
    client, film, auth, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/api/v1/films/ours/campaigns", PAYLOAD, content_type="application/json", headers=auth
        )
    assert response.status_code == 201
    body = response.json()
    campaign = Campaign.objects.get()
    assert body["campaign"]["id"] == campaign.pk
    assert body["campaign"]["link_count"] == 2
    assert [(link["recipient"], link["recipient_email"]) for link in body["links"]] == [
        ("Ana Ruiz", "ana@festival.example"),
        ("王芳", "wang@fest.example.cn"),
    ]
    assert all(link["url"].startswith("http://testserver/share/s/") for link in body["links"])
    assert [m.to for m in mail.outbox] == [["ana@festival.example"], ["wang@fest.example.cn"]]
    assert set(ScreenerLink.objects.values_list("max_plays", "time_zone")) == {(3, "Asia/Shanghai")}
    report = client.get(f"/api/v1/films/ours/campaigns/{campaign.pk}/report", headers=auth).json()
    assert [(r["recipient"], r["opened"], r["plays"], r["percent_watched"]) for r in report] == [
        ("Ana Ruiz", False, 0, None),
        ("王芳", False, 0, None),
    ]
    listed = client.get("/api/v1/films/ours/campaigns", headers=auth).json()
    assert [(c["name"], c["link_count"]) for c in listed] == [("Spring festivals", 2)]
    page = client.get("/api/v1/films/ours/screener-reports?limit=1", headers=auth).json()
    assert [item["recipient"] for item in page["items"]] == ["Ana Ruiz"]
    second = client.get(
        f"/api/v1/films/ours/screener-reports?limit=1&cursor={page['next_cursor']}", headers=auth
    ).json()
    assert [item["recipient"] for item in second["items"]] == ["王芳"]
    assert second["next_cursor"] is None


def test_a_bad_row_refuses_the_whole_campaign(client, film, auth):
    payload = {**PAYLOAD, "recipients_csv": "Ana,ana@example.org\nBo,not-an-address\n"}
    response = client.post(
        "/api/v1/films/ours/campaigns", payload, content_type="application/json", headers=auth
    )
    # the API answers refused input with 422 and the service's reasons
    assert response.status_code == 422
    assert "Row 2: “not-an-address” is not an e-mail address." in str(response.json())
    assert Campaign.objects.count() == 0
    assert ScreenerLink.objects.count() == 0
    assert mail.outbox == []


@pytest.mark.parametrize("role", [None, CollaboratorRole.VIEWER, CollaboratorRole.EDITOR])
def test_others_get_a_404_and_change_nothing(client, film, role):
    user = UserFactory()
    if role is not None:
        CollaboratorFactory(film=film, user=user, role=role)
    headers = _headers(user)
    for path in (
        "/api/v1/films/ours/screener-reports",
        "/api/v1/films/ours/campaigns",
        "/api/v1/films/ours/campaigns/1/report",
    ):
        assert client.get(path, headers=headers).status_code == 404, path
    response = client.post(
        "/api/v1/films/ours/campaigns", PAYLOAD, content_type="application/json", headers=headers
    )
    assert response.status_code == 404
    assert Campaign.objects.count() == 0
    assert ScreenerLink.objects.count() == 0
