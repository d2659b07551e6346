"""Roles and genres changed in the admin reach every film using them at once: the films get a
new version (their cached pages show the change) and new search documents."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from filmfolio.accounts.tests.factories import UserFactory
from filmfolio.core.models import ChangeRecord
from filmfolio.films.models import Genre
from filmfolio.films.tests.factories import FilmFactory, genre
from filmfolio.search import index
from filmfolio.search.choices import DocumentKind, Facet
from filmfolio.search.filters import token
from filmfolio.search.models import SearchDocument
from tests.admin_forms import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client: Client) -> Client:
    client.force_login(UserFactory.create(staff=True))
    return client


def film_with(genre_entry: Genre) -> Any:
    film = FilmFactory.create(title="Out of Focus", slug="out-of-focus")
    film.genres.add(genre_entry)
    index.update_for(film)
    return film


def filters(film: Any) -> list[str]:
    document = SearchDocument.objects.get(kind=DocumentKind.FILM, object_id=film.pk)
    return document.filters.split()


def test_genre_renamed_in_the_admin_shows_on_cached_film_pages(admin_client: Client) -> None:
    entry = genre("documentary")
    film_with(entry)
    visitor = Client()
    before = visitor.get("/films/out-of-focus/").content.decode()
    assert entry.name_en in before
    url = f"/admin/films/genre/{entry.pk}/change/"
    data = form_data(admin_client.get(url))
    data["name_en"] = "Kumquat Cinema"
    assert admin_client.post(url, data).status_code == 302
    assert "Kumquat Cinema" in visitor.get("/films/out-of-focus/").content.decode()
    record = ChangeRecord.objects.get(content_type__model="genre", object_id=entry.pk)
    assert record.changes["name_en"]["new"] == "Kumquat Cinema"


def test_genre_deleted_in_the_admin_leaves_its_films_documents(admin_client: Client) -> None:
    entry = genre("documentary")
    film = film_with(entry)
    assert token(Facet.GENRE, "documentary") in filters(film)
    url = f"/admin/films/genre/{entry.pk}/delete/"
    assert admin_client.post(url, {"post": "yes"}).status_code == 302
    assert not Genre.objects.filter(slug="documentary").exists()
    assert token(Facet.GENRE, "documentary") not in filters(film)
    record = ChangeRecord.objects.get(content_type__model="genre")
    assert (record.action, record.object_id) == ("delete", entry.pk)


def test_organisation_renamed_in_the_admin_is_renamed_in_its_films_documents(
    admin_client: Client,
) -> None:
    from filmfolio.accounts.tests.factories import OrganisationFactory
    from filmfolio.films.tests.factories import FilmCompanyFactory
    from tests.admin_forms import listed_urls

    organisation = OrganisationFactory.create(name="Kumquat Pictures")
    film = FilmFactory.create(title="Out of Focus", slug="out-of-focus")
    FilmCompanyFactory.create(film=film, organisation=organisation)
    index.update_for(film)
    assert "/films/out-of-focus/" in listed_urls("Kumquat")["api"]
    url = f"/admin/accounts/organisation/{organisation.pk}/change/"
    data = form_data(admin_client.get(url))
    data["name"] = "Quince Pictures"
    assert admin_client.post(url, data).status_code == 302
    assert "/films/out-of-focus/" not in listed_urls("Kumquat")["api"]
    assert "/films/out-of-focus/" in listed_urls("Quince")["api"]
    record = ChangeRecord.objects.get(content_type__model="organisation")
    assert record.changes == {"name": {"old": "Kumquat Pictures", "new": "Quince Pictures"}}
