"""A film's subjects: written through the service with a change record, refused when too many
or too long (nothing changed), edited in the studio with words suggested from the texts, shown
on the film page, given by the API and found by search."""

from __future__ import annotations

import pytest
from django.test import Client

from filmfolio.core.audit import changes_for
from filmfolio.core.errors import PermissionDeniedError, ValidationFailedError
from filmfolio.films import services
from filmfolio.films.access import Viewer
from filmfolio.films.models import Film, FilmText
from filmfolio.search import index
from filmfolio.search.query import SearchRequest
from filmfolio.search.selectors import search_page_for

pytestmark = pytest.mark.django_db
URL = "/studio/films/heron/genres/"


def _titles(text: str) -> list[str]:
    page = search_page_for(Viewer.anonymous(), SearchRequest(text=text), with_facets=False)
    return [hit.title for hit in page.hits]


def test_subjects_are_set_once_each_with_a_change_record(heron_owner):
    film, user = heron_owner.film, heron_owner.user
    changed = services.subjects_set(
        film=film, actor=user, subjects=[" migrant  workers ", "Wuhan", "wuhan", "", "童年"]
    )
    assert changed is True
    assert Film.objects.get(pk=film.pk).subjects == ["migrant workers", "Wuhan", "童年"]
    assert changes_for(film).first().changes == {
        "subjects": {"old": [], "new": ["migrant workers", "Wuhan", "童年"]}
    }
    assert (
        services.subjects_set(film=film, actor=user, subjects=["migrant workers", "Wuhan", "童年"])
        is False
    )
    assert changes_for(film).count() == 1


@pytest.mark.parametrize(
    ("subjects", "message"),
    [
        (["x" * 61], "A subject has at most 60 characters."),
        ([f"word {n}" for n in range(21)], "A film has at most 20 subjects."),
    ],
)
def test_bad_subjects_are_refused_and_nothing_changes(heron_owner, subjects, message):
    film, user = heron_owner.film, heron_owner.user
    with pytest.raises(ValidationFailedError) as refused:
        services.subjects_set(film=film, actor=user, subjects=subjects)
    assert refused.value.errors == {"subjects": [message]}
    assert Film.objects.get(pk=film.pk).subjects == []
    assert changes_for(film).count() == 0


def test_a_stranger_may_not_set_subjects(heron_owner, django_user_model):
    stranger = django_user_model.objects.create_user("stranger", password="x")
    with pytest.raises(PermissionDeniedError):
        services.subjects_set(film=heron_owner.film, actor=stranger, subjects=["salt"])
    assert Film.objects.get(pk=heron_owner.film.pk).subjects == []


def test_studio_suggests_from_the_texts_and_saves(heron_owner, heron_client):
    film = heron_owner.film
    FilmText.objects.create(
        film=film,
        kind="synopsis",
        language="en",
        body="Herons nest on the lake. The herons return each spring; fishermen watch herons.",
    )
    page = heron_client.get(URL).content.decode()
    assert "Suggested from the texts: herons." in page
    data = {"kind": "documentary", "subjects": "herons, lakes\nfishermen"}
    assert heron_client.post(URL, data).status_code == 302
    assert Film.objects.get(pk=film.pk).subjects == ["herons", "lakes", "fishermen"]
    bad = heron_client.post(URL, {"kind": "short", "subjects": "y" * 61})
    assert bad.status_code == 400
    assert "A subject has at most 60 characters." in bad.content.decode()
    assert Film.objects.get(pk=film.pk).kind == "documentary"


def test_suggestions_from_chinese_texts(heron_owner):
    film = heron_owner.film
    FilmText.objects.create(
        film=film,
        kind="synopsis",
        language="zh-Hans",
        body="农民工的孩子们在武汉等待。农民工在屋顶上工作，孩子们想念父母。这部电影讲述电影。",
    )
    FilmText.objects.create(film=film, kind="logline", language="zh-Hant", body="農民工的孩子")
    FilmText.objects.create(
        film=film, kind="statement", language="en", body="Rooftops, rooftops and workers."
    )
    assert services.suggested_subjects(film) == ["农民工", "孩子", "rooftops"]
    services.subjects_set(film=film, actor=heron_owner.user, subjects=["留守孩子"])
    film.refresh_from_db()
    assert services.suggested_subjects(film) == ["农民工", "rooftops"]


def test_chinese_studio_labels_the_field(heron_client):
    page = heron_client.get(URL, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "主题与关键词" in page


def test_subjects_on_the_page_in_the_api_and_in_search(heron_owner):
    film, user = heron_owner.film, heron_owner.user
    Film.objects.filter(pk=film.pk).update(visibility="public")
    film.refresh_from_db()
    index.update_for(film)
    assert _titles("lighthouses") == []
    services.subjects_set(film=film, actor=user, subjects=["lighthouse keepers", "灯塔"])
    assert _titles("lighthouses") == ["Heron Lantern"]
    assert _titles("灯塔") == ["Heron Lantern"]
    client = Client()
    page = client.get(f"/films/{film.slug}/").content.decode()
    assert "lighthouse keepers</a>" in page
    chinese = client.get(f"/films/{film.slug}/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "<dt>主题</dt>" in chinese
    detail = client.get(f"/api/v1/films/{film.slug}").json()
    assert detail["subjects"] == ["lighthouse keepers", "灯塔"]
