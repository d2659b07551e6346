"""Admin writes to festival entries and festival records go through the services.

Film documents carry the names of the festivals a film was entered at, so an entry added or
removed in the admin, or a festival renamed there, changes what anonymous search finds at once;
each write leaves a change record and the film page shows it at once.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from filmfolio.accounts.tests.factories import UserFactory
from filmfolio.core.models import ChangeRecord
from filmfolio.festivals.models import Entry, Festival
from filmfolio.festivals.tests.factories import (
    EditionFactory,
    EntryFactory,
    FestivalFactory,
    SectionFactory,
)
from filmfolio.films.models import Film
from filmfolio.films.tests.factories import FilmFactory
from filmfolio.search import index
from filmfolio.search.models import SearchDocument
from tests.admin_forms import form_data, listed_urls

pytestmark = pytest.mark.django_db

FILM_URL = "/films/out-of-focus/"


@pytest.fixture
def admin_user() -> Any:
    return UserFactory.create(staff=True)


@pytest.fixture
def admin_client(client: Client, admin_user: Any) -> Client:
    client.force_login(admin_user)
    return client


@pytest.fixture
def film() -> Film:
    film = FilmFactory.create(title="Out of Focus", slug="out-of-focus")
    index.update_for(film)
    return film


def film_found(text: str) -> dict[str, bool]:
    """Whether each anonymous search surface lists the film for ``text``."""
    return {surface: FILM_URL in urls for surface, urls in listed_urls(text).items()}


FOUND = {"page": True, "autocomplete": False, "api": True}  # suggestions complete titles only
NOT_FOUND = {"page": False, "autocomplete": False, "api": False}


def history(target: Any) -> list[tuple[str, str, Any]]:
    records = ChangeRecord.objects.filter(
        object_id=target.pk, content_type__model=target._meta.model_name
    )
    return [(r.action, r.section, r.changes) for r in records.order_by("id")]


def test_entry_added_in_the_admin_makes_the_film_findable_by_festival(
    admin_client: Client, film: Film
) -> None:
    edition = EditionFactory.create(festival=FestivalFactory.create(name="Kumquat Festival"))
    assert film_found("Kumquat") == NOT_FOUND
    url = "/admin/festivals/entry/add/"
    data = form_data(admin_client.get(url))
    data.update(film=str(film.pk), edition=str(edition.pk), result="selected")
    assert admin_client.post(url, data).status_code == 302
    assert film_found("Kumquat") == FOUND
    entry = Entry.objects.get()
    assert history(film) == [
        ("update", "festivals", {f"entry {entry.pk}": {"old": None, "new": str(entry)}})
    ]


def test_entry_deleted_in_the_admin_leaves_the_film_document(
    admin_client: Client, admin_user: Any, film: Film
) -> None:
    entry = EntryFactory.create(
        film=film, edition=EditionFactory.create(festival=FestivalFactory(name="Kumquat Fest"))
    )
    index.update_for(film)
    assert film_found("Kumquat") == FOUND
    response = admin_client.post(f"/admin/festivals/entry/{entry.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert film_found("Kumquat") == NOT_FOUND
    record = ChangeRecord.objects.get(object_id=film.pk, content_type__model="film")
    assert (record.action, record.section, record.actor) == ("remove", "festivals", admin_user)


def test_bulk_delete_of_entries_updates_every_film(admin_client: Client, film: Film) -> None:
    edition = EditionFactory.create(festival=FestivalFactory(name="Kumquat Fest"))
    entries = [EntryFactory.create(film=film, edition=edition)]
    other = FilmFactory.create(title="Second Film", slug="second-film")
    entries.append(EntryFactory.create(film=other, edition=edition))
    index.update_for(film)
    index.update_for(other)
    assert len(listed_urls("Kumquat")["api"] - {edition.festival.get_absolute_url()}) == 2
    response = admin_client.post(
        "/admin/festivals/entry/",
        {
            "action": "delete_selected",
            "_selected_action": [str(e.pk) for e in entries],
            "post": "yes",
        },
    )
    assert response.status_code == 302
    assert Entry.objects.count() == 0
    assert listed_urls("Kumquat")["api"] - {edition.festival.get_absolute_url()} == set()
    assert [h[:2] for h in history(film)] == [("remove", "festivals")]
    assert [h[:2] for h in history(other)] == [("remove", "festivals")]


def test_festival_renamed_in_the_admin_renames_it_in_its_films(
    admin_client: Client, admin_user: Any, film: Film
) -> None:
    festival = FestivalFactory.create(name="Kumquat Festival", slug="kumquat-festival")
    EntryFactory.create(film=film, edition=EditionFactory.create(festival=festival))
    index.update_for(film)
    index.update_for(festival)
    visitor = Client()
    assert "Kumquat Festival" in visitor.get(FILM_URL).content.decode()
    url = f"/admin/festivals/festival/{festival.pk}/change/"
    data = form_data(admin_client.get(url))
    data["name"] = "Quince Festival"
    assert admin_client.post(url, data).status_code == 302
    assert film_found("Kumquat") == NOT_FOUND
    assert film_found("Quince") == FOUND
    assert "/festivals/kumquat-festival/" in listed_urls("Quince")["api"]
    page = visitor.get(FILM_URL).content.decode()
    assert "Quince Festival" in page
    assert "Kumquat Festival" not in page
    assert history(festival) == [
        ("update", "festival", {"name": {"old": "Kumquat Festival", "new": "Quince Festival"}})
    ]
    assert ChangeRecord.objects.get(object_id=festival.pk).actor == admin_user


def test_festival_deleted_in_the_admin_leaves_search(admin_client: Client) -> None:
    # Entries protect a festival from deletion: it is entered by no film, so listed for
    # nobody, but indexed.
    festival = FestivalFactory.create(name="Kumquat Festival", slug="kumquat-festival")
    index.update_for(festival)
    documents = SearchDocument.objects.filter(kind="festival", object_id=festival.pk)
    assert documents.count() == 1
    url = f"/admin/festivals/festival/{festival.pk}/delete/"
    assert admin_client.post(url, {"post": "yes"}).status_code == 302
    assert not Festival.objects.exists()
    assert documents.count() == 0
    assert listed_urls("Kumquat")["api"] == set()
    assert [h[:2] for h in history(festival)] == [("delete", "")]


def test_section_renamed_inline_shows_on_the_film_page_at_once(
    admin_client: Client, film: Film
) -> None:
    section = SectionFactory.create(name="First Films")
    EntryFactory.create(film=film, edition=section.edition, section=section)
    visitor = Client()
    assert "First Films" in visitor.get(FILM_URL).content.decode()
    url = f"/admin/festivals/edition/{section.edition.pk}/change/"
    data = form_data(admin_client.get(url))
    data["sections-0-name"] = "Kumquat Competition"
    assert admin_client.post(url, data).status_code == 302
    page = visitor.get(FILM_URL).content.decode()
    assert "Kumquat Competition" in page
    assert "First Films" not in page
    assert history(section.edition.festival) == [
        (
            "update",
            "sections",
            {f"section {section.pk}": {"old": "First Films", "new": "Kumquat Competition"}},
        )
    ]


def test_a_user_who_is_not_an_administrator_cannot_write_festivals() -> None:
    from filmfolio.core.errors import PermissionDeniedError
    from filmfolio.festivals.services import festival_save

    festival = FestivalFactory.build(name="Kumquat Festival", slug="kumquat-festival")
    with pytest.raises(PermissionDeniedError):
        festival_save(festival=festival, actor=UserFactory.create(), fields=["name"])
    assert not Festival.objects.exists()


def test_the_admin_cannot_confirm_an_entry_nor_change_a_confirmed_one(admin_client, film):
    """Only the festival's decision confirms; an administrator sources an entry, and the
    change record says so."""
    entry = EntryFactory.create(film=film, edition__festival__website="https://reel.example")
    url = f"/admin/festivals/entry/{entry.pk}/change/"
    data = form_data(admin_client.get(url))
    refused = admin_client.post(url, {**data, "evidence": "confirmed"})
    assert refused.status_code == 200
    assert refused.context["adminform"].form.errors["evidence"] == [
        "Only the festival can confirm an entry, through Filmfolio."
    ]
    assert Entry.objects.get(pk=entry.pk).evidence == "claimed"
    sourced = {
        **data,
        "evidence": "sourced",
        "evidence_url": "https://reel.example/2014",
        "evidence_checked_on": "2024-05-03",
    }
    assert admin_client.post(url, sourced).status_code == 302
    assert Entry.objects.get(pk=entry.pk).evidence == "sourced"
    record = ChangeRecord.objects.filter(object_id=film.pk).latest("id")
    assert record.changes["evidence"] == {"old": "claimed", "new": "sourced"}
    Entry.objects.filter(pk=entry.pk).update(evidence="confirmed")
    data = form_data(admin_client.get(url))
    changed = admin_client.post(url, {**data, "result": "won"})
    assert changed.status_code == 200
    assert Entry.objects.get(pk=entry.pk).result == "selected"
