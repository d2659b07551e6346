"""A film's publication date: set the first time it becomes public, by every path (the sharing
page, the API, the admin's form and actions, an import), never reset; the feed and the home
page's "Recently added" follow it; the migration dates films that were public without one."""

from __future__ import annotations

import datetime as dt
import importlib
import xml.etree.ElementTree as ET
from typing import Any

import pytest
from django.apps import apps as django_apps
from django.test import Client
from django.utils import timezone

from filmfolio.accounts.tests.factories import UserFactory
from filmfolio.api.choices import TokenScope
from filmfolio.api.services.tokens import api_token_create
from filmfolio.films.access import Viewer
from filmfolio.films.choices import CollaboratorRole, Visibility
from filmfolio.films.models import Collaborator, Film
from filmfolio.films.selectors import recent_films_for
from filmfolio.films.services import film_set_visibility, publication_time
from filmfolio.films.tests.factories import FilmFactory
from filmfolio.importer.records import FilmRecord
from filmfolio.importer.services import records_commit
from filmfolio.presskit.feeds import published_films_for_feed
from tests.admin_forms import form_data

pytestmark = pytest.mark.django_db

ATOM = {"a": "http://www.w3.org/2005/Atom"}
WHEN = dt.datetime(2025, 3, 1, 12, 0, tzinfo=dt.UTC)


def owned_film(**values: Any) -> tuple[Film, Any]:
    values.setdefault("visibility", Visibility.PRIVATE)
    film = FilmFactory.create(published_at=None, **values)
    owner = UserFactory.create()
    Collaborator.objects.create(film=film, user=owner, role=CollaboratorRole.OWNER)
    return film, owner


def published(film: Film) -> Any:
    return Film.objects.values_list("published_at", flat=True).get(pk=film.pk)


def test_the_rule_keeps_a_date_and_dates_only_public_films() -> None:
    now = timezone.now()
    assert publication_time(visibility="public", published_at=None, now=now) == now
    assert publication_time(visibility="public", published_at=WHEN, now=now) == WHEN
    assert publication_time(visibility="private", published_at=WHEN, now=now) == WHEN
    assert publication_time(visibility="unlisted", published_at=None, now=now) is None
    assert publication_time(visibility="password", published_at=None, now=now) is None


def test_the_sharing_page_publishes_once_and_never_resets_the_date() -> None:
    film, owner = owned_film(slug="kumquat-orchard")
    client = Client()
    client.force_login(owner)
    url = "/studio/films/kumquat-orchard/sharing/"
    client.post(url, {"form": "visibility", "visibility": "unlisted"})
    assert published(film) is None
    before = timezone.now()
    assert client.post(url, {"form": "visibility", "visibility": "public"}).status_code == 302
    first = published(film)
    assert first is not None and before <= first <= timezone.now()
    client.post(url, {"form": "visibility", "visibility": "private"})
    assert published(film) == first
    client.post(url, {"form": "visibility", "visibility": "public"})
    assert published(film) == first
    assert Film.objects.get(pk=film.pk).visibility == "public"


def test_a_refused_visibility_change_sets_no_date() -> None:
    film, _owner = owned_film()
    stranger = UserFactory.create()
    with pytest.raises(Exception, match="Only the film's owners may do this"):
        film_set_visibility(film=film, actor=stranger, visibility="public")
    assert published(film) is None
    assert Film.objects.get(pk=film.pk).visibility == "private"


def test_the_api_publishes_for_an_owner_and_keeps_the_date() -> None:
    film, owner = owned_film(slug="kumquat-orchard")
    _token, key = api_token_create(user=owner, name="script", scope=TokenScope.WRITE)
    headers = {"Authorization": f"Bearer {key}"}
    url = "/api/v1/films/kumquat-orchard"
    client = Client()
    response = client.patch(
        url, {"visibility": "public"}, content_type="application/json", headers=headers
    )
    assert response.status_code == 200
    first = published(film)
    assert first is not None
    assert response.json()["published_at"] == first.isoformat(timespec="milliseconds").replace(
        "+00:00", "Z"
    )
    assert response.json()["visibility"] == "public"
    client.patch(
        url,
        {"visibility": "private", "year": 2024},
        content_type="application/json",
        headers=headers,
    )
    client.patch(url, {"visibility": "public"}, content_type="application/json", headers=headers)
    assert published(film) == first
    assert Film.objects.get(pk=film.pk).year == 2024


def test_the_api_refuses_a_bad_visibility_and_changes_nothing() -> None:
    film, owner = owned_film(slug="kumquat-orchard", year=2020)
    _token, key = api_token_create(user=owner, name="script", scope=TokenScope.WRITE)
    response = Client().patch(
        "/api/v1/films/kumquat-orchard",
        {"visibility": "everyone", "year": 2024},
        content_type="application/json",
        headers={"Authorization": f"Bearer {key}"},
    )
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid"
    stored = Film.objects.get(pk=film.pk)
    assert (stored.visibility, stored.year, stored.published_at) == ("private", 2020, None)


def test_an_editor_may_not_publish_through_the_api() -> None:
    film, _owner = owned_film(slug="kumquat-orchard", year=2020)
    editor = UserFactory.create()
    Collaborator.objects.create(film=film, user=editor, role=CollaboratorRole.EDITOR)
    _token, key = api_token_create(user=editor, name="script", scope=TokenScope.WRITE)
    response = Client().patch(
        "/api/v1/films/kumquat-orchard",
        {"year": 2024, "visibility": "public"},
        content_type="application/json",
        headers={"Authorization": f"Bearer {key}"},
    )
    assert response.status_code == 403
    stored = Film.objects.get(pk=film.pk)
    assert (stored.visibility, stored.year, stored.published_at) == ("private", 2020, None)


def test_the_admin_form_publishes_and_shows_the_date_read_only() -> None:
    film, _owner = owned_film(slug="kumquat-orchard")
    client = Client()
    client.force_login(UserFactory.create(staff=True))
    url = f"/admin/films/film/{film.pk}/change/"
    data = form_data(client.get(url))
    assert "published_at" not in data
    data["visibility"] = "public"
    assert client.post(url, data).status_code == 302
    first = published(film)
    assert first is not None
    data = form_data(client.get(url))
    data["visibility"] = "private"
    data["published_at"] = "2001-01-01 00:00:00"  # not a field of the form: ignored
    assert client.post(url, data).status_code == 302
    assert published(film) == first


def test_the_admin_action_publishes() -> None:
    film, _owner = owned_film()
    client = Client()
    client.force_login(UserFactory.create(staff=True))
    client.post("/admin/films/film/", {"action": "make_public", "_selected_action": [film.pk]})
    assert published(film) is not None


def test_an_import_publishes_once() -> None:
    def record(visibility: str) -> FilmRecord:
        return FilmRecord.model_validate(
            {"title": "Kumquat Orchard", "slug": "kumquat-orchard", "visibility": visibility}
        )

    records_commit(records=[record("private")])
    film = Film.objects.get(slug="kumquat-orchard")
    assert published(film) is None
    records_commit(records=[record("public")])
    first = published(film)
    assert first is not None
    records_commit(records=[record("private")])
    records_commit(records=[record("public")])
    assert published(film) == first


def test_the_migration_dates_public_films_by_their_creation() -> None:
    public = FilmFactory.create(published_at=None)
    private = FilmFactory.create(published_at=None, private=True)
    dated = FilmFactory.create(published_at=WHEN)
    module = importlib.import_module(
        "filmfolio.films.migrations.0004_publication_dates_of_public_films"
    )
    module.date_public_films(django_apps, None)
    assert published(public) == Film.objects.get(pk=public.pk).created_at
    assert published(private) is None
    assert published(dated) == WHEN


def test_the_feed_and_recently_added_follow_the_publication_date() -> None:
    old, old_owner = owned_film(slug="made-long-ago", title="Made long ago")
    new = FilmFactory.create(slug="made-yesterday", title="Made yesterday", published_at=WHEN)
    Film.objects.filter(pk=old.pk).update(created_at=WHEN - dt.timedelta(days=400))
    film_set_visibility(film=old, actor=old_owner, visibility="public")  # published now
    assert [f.slug for f in published_films_for_feed()] == ["made-long-ago", "made-yesterday"]
    anonymous = recent_films_for(Viewer.anonymous())
    assert [f.slug for f in anonymous] == ["made-long-ago", "made-yesterday"]
    feed = ET.fromstring(Client().get("/feeds/films.atom").content)
    titles = [e.findtext("a:title", namespaces=ATOM) for e in feed.findall("a:entry", ATOM)]
    assert titles == ["Made long ago (2013)", "Made yesterday (2013)"]
    assert new.published_at == WHEN
