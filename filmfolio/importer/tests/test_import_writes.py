"""Imports end like every other write: search in the same transaction, a change record per film.

The bulk import (``filmfolio import``) and the "New film from text" pages are asked from
outside afterwards: anonymous search, autocomplete and the search API, with a fresh client.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from filmfolio.core.errors import PermissionDeniedError
from filmfolio.core.models import ChangeRecord
from filmfolio.films.choices import CollaboratorRole
from filmfolio.films.models import Collaborator, Film
from filmfolio.films.tests.factories import FilmFactory
from filmfolio.importer.records import FilmRecord
from filmfolio.importer.services import records_commit
from filmfolio.search import index
from tests.admin_forms import NOWHERE, everywhere, listed_urls

pytestmark = pytest.mark.django_db


def history(film: Film) -> list[tuple[str, str, Any]]:
    records = ChangeRecord.objects.filter(object_id=film.pk, content_type__model="film")
    return [(r.action, r.section, r.actor) for r in records.order_by("id")]


def import_file(tmp_path: Path, *records: dict[str, Any]) -> str:
    path = tmp_path / "films.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = io.StringIO()
    call_command("import", str(path), stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_bulk_import_making_a_film_private_takes_it_out_of_search(tmp_path: Path) -> None:
    film = FilmFactory.create(title="Kumquat Orchard", slug="kumquat-orchard")
    index.update_for(film)
    assert listed_urls("Kumquat") == everywhere("/films/kumquat-orchard/")
    out = import_file(
        tmp_path, {"title": "Kumquat Orchard", "slug": "kumquat-orchard", "visibility": "private"}
    )
    assert out.startswith("Imported 1 films (0 new, 1 replaced)")
    assert Film.objects.get(pk=film.pk).visibility == "private"
    assert listed_urls("Kumquat") == NOWHERE
    assert history(film) == [("replace", "import", None)]


def test_bulk_import_of_a_public_film_is_searchable_at_once(tmp_path: Path) -> None:
    assert listed_urls("Kumquat") == NOWHERE
    import_file(
        tmp_path,
        {"title": "Kumquat Orchard", "slug": "kumquat-orchard", "visibility": "public"},
        {"title": "Kumquat Secret", "slug": "kumquat-secret", "visibility": "private"},
    )
    assert listed_urls("Kumquat") == everywhere("/films/kumquat-orchard/")
    for slug in ("kumquat-orchard", "kumquat-secret"):
        assert history(Film.objects.get(slug=slug)) == [("create", "import", None)]


def test_bulk_import_renaming_a_film_shows_on_its_cached_page(tmp_path: Path) -> None:
    film = FilmFactory.create(title="Kumquat Orchard", slug="kumquat-orchard")
    index.update_for(film)
    visitor = Client()
    assert "Kumquat Orchard" in visitor.get("/films/kumquat-orchard/").content.decode()
    import_file(
        tmp_path, {"title": "Kumquat Shade", "slug": "kumquat-orchard", "visibility": "public"}
    )
    page = visitor.get("/films/kumquat-orchard/").content.decode()
    assert "Kumquat Shade" in page
    assert "Kumquat Orchard" not in page
    assert listed_urls("Orchard") == NOWHERE
    assert listed_urls("Shade") == everywhere("/films/kumquat-orchard/")


def test_commit_for_a_user_replaces_only_films_they_may_edit() -> None:
    owner = get_user_model().objects.create_user(username="owner", password="x")
    other = get_user_model().objects.create_user(username="other", password="x")
    film = FilmFactory.create(title="Kumquat Orchard", slug="kumquat-orchard")
    Collaborator.objects.create(film=film, user=owner, role=CollaboratorRole.OWNER)
    index.update_for(film)
    record = FilmRecord.model_validate(
        {"title": "Kumquat Orchard", "slug": "kumquat-orchard", "visibility": "private"}
    )
    with pytest.raises(PermissionDeniedError, match=r"You may not change this film\."):
        records_commit(records=[record], actor=other)
    assert Film.objects.get(pk=film.pk).visibility == "public"
    assert history(film) == []
    records_commit(records=[record], actor=owner)
    assert listed_urls("Kumquat") == NOWHERE
    assert history(film) == [("replace", "import", owner)]


def test_film_saved_from_text_is_recorded_and_searchable_for_its_owner(client: Client) -> None:
    user = get_user_model().objects.create_user(username="maker", password="x")
    client.force_login(user)
    data = {
        "title": "Kumquat Orchard",
        "source": "Kumquat Orchard",
        "credits-TOTAL_FORMS": "0",
        "credits-INITIAL_FORMS": "0",
        "festivals-TOTAL_FORMS": "0",
        "festivals-INITIAL_FORMS": "0",
    }
    response = client.post("/import/review/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    film = Film.objects.get(title="Kumquat Orchard")
    assert history(film) == [("create", "import", user)]
    assert listed_urls("Kumquat") == NOWHERE
    owner_page = client.get("/api/v1/search", {"q": "Kumquat"}).json()
    assert [item["url"] for item in owner_page["items"]] == [film.get_absolute_url()]
