"""Search and autocomplete through the API: the search app's results, listed documents only."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from filmfolio.api.choices import TokenScope
from filmfolio.api.services.tokens import api_token_create

from .factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("demo", stdout=io.StringIO())


def test_search_in_chinese_finds_the_director_and_her_film(client, demo):
    response = client.get("/api/v1/search", {"q": "朱声仄"})
    assert response.status_code == 200
    body = response.json()
    found = {(item["kind"], item["url"]) for item in body["items"]}
    assert ("person", "/people/shengze-zhu/") in found
    assert ("film", "/films/out-of-focus/") in found
    assert body["total"] == len(body["items"])
    assert body["next_cursor"] is None


def test_search_kind_filter(client, demo):
    body = client.get("/api/v1/search", {"q": "Zhu Shengze", "kind": "person"}).json()
    assert [item["url"] for item in body["items"]] == ["/people/shengze-zhu/"]


def test_search_never_shows_someone_elses_private_film(client, demo):
    owner = UserFactory()
    _token, key = api_token_create(user=owner, name="t", scope=TokenScope.WRITE)
    created = client.post(
        "/api/v1/films",
        {"title": "Zzyzx Secret"},
        content_type="application/json",
        headers={"Authorization": f"Bearer {key}"},
    )
    assert created.status_code == 201
    assert client.get("/api/v1/search", {"q": "Zzyzx"}).json()["items"] == []
    mine = client.get(
        "/api/v1/search", {"q": "Zzyzx"}, headers={"Authorization": f"Bearer {key}"}
    ).json()
    assert [item["url"] for item in mine["items"]] == ["/films/zzyzx-secret/"]


def test_search_needs_text(client):
    response = client.get("/api/v1/search")
    assert response.status_code == 422
    assert list(response.json()["error"]["fields"]) == ["q"]


def test_autocomplete_completes_titles(client, demo):
    response = client.get("/api/v1/autocomplete", {"q": "Out of F"})
    assert response.status_code == 200
    assert response.json() == {
        "items": [
            {
                "kind": "film",
                "title": "Out of Focus",
                "subtitle": "2013 · Shengze Zhu",
                "url": "/films/out-of-focus/",
                "year": None,
            }
        ]
    }


def test_search_in_chinese_exact_results(client, demo):
    body = client.get("/api/v1/search", {"q": "朱声仄"}).json()
    assert body == {
        "items": [
            {
                "kind": "person",
                "title": "Shengze Zhu",
                "subtitle": "Zhu Shengze · 朱声仄 · 朱聲仄",
                "url": "/people/shengze-zhu/",
                "year": None,
            },
            {
                "kind": "film",
                "title": "Out of Focus",
                "subtitle": "2013 · Shengze Zhu",
                "url": "/films/out-of-focus/",
                "year": 2013,
            },
        ],
        "total": 2,
        "next_cursor": None,
        "corrections": {},
    }
