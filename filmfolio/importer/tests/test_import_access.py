"""An import links only the people and festivals its user may credit or enter a film at.

Another film's private person or festival typed by its exact name (or given by its slug) in a
pasted page is not linked: a new record is made beside it, so making the imported film public
publishes nothing of the private one. The operator's ``filmfolio import`` links everyone.
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

from filmfolio.core.matching import name_match_key, title_match_key
from filmfolio.festivals.models import Entry, Festival
from filmfolio.festivals.tests.factories import EditionFactory, EntryFactory, FestivalFactory
from filmfolio.films.choices import CollaboratorRole
from filmfolio.films.models import Collaborator, Credit, Film
from filmfolio.films.tests.factories import CreditFactory, FilmFactory
from filmfolio.importer.records import FilmRecord
from filmfolio.importer.services import records_commit
from filmfolio.people.models import Person
from filmfolio.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

PERSON, FESTIVAL = "Zorbimp Hidden", "Zorbimp Hidden Festival"


def _film_with(visibility: str, *, slug: str) -> tuple[Film, Person, Festival, Any]:
    """A film credited to a person and entered at a festival reached only through it, and its
    owner."""
    owner = get_user_model().objects.create_user(username=f"owner-{slug}", password="x")
    film = FilmFactory.create(slug=slug, visibility=visibility)
    Collaborator.objects.create(film=film, user=owner, role=CollaboratorRole.OWNER)
    person = PersonFactory.create(
        display_name=PERSON, slug=f"{slug}-person", match_key=name_match_key(PERSON)
    )
    festival = FestivalFactory.create(
        name=FESTIVAL, slug=f"{slug}-festival", match_key=title_match_key(FESTIVAL)
    )
    CreditFactory.create(film=film, person=person)
    EntryFactory.create(film=film, edition=EditionFactory.create(festival=festival))
    return film, person, festival, owner


def _record(*, person_slug: str | None = None) -> FilmRecord:
    person: dict[str, Any] = {"name": PERSON}
    if person_slug:
        person["slug"] = person_slug
    return FilmRecord.model_validate(
        {
            "title": "Zorbimp Imported",
            "credits": [{"person": person, "role": "director"}],
            "festivals": [{"festival": FESTIVAL, "year": 2020, "result": "selected"}],
        }
    )


def _linked(film: Film) -> tuple[list[int], list[int]]:
    """The people credited on and the festivals entered by ``film``."""
    people = Credit.objects.filter(film=film).values_list("person_id", flat=True)
    festivals = Entry.objects.filter(film=film).values_list("edition__festival_id", flat=True)
    return sorted(people), sorted(festivals)


def _save_from_text(user: Any) -> Film:
    """``user`` saves a reviewed page on the "New film from text" pages."""
    client = Client()
    client.force_login(user)
    data = {
        "title": "Zorbimp Imported",
        "source": "Zorbimp Imported",
        "credits-TOTAL_FORMS": "1",
        "credits-INITIAL_FORMS": "0",
        "credits-0-name": PERSON,
        "credits-0-role": "director",
        "festivals-TOTAL_FORMS": "1",
        "festivals-INITIAL_FORMS": "0",
        "festivals-0-festival": FESTIVAL,
        "festivals-0-year": "2020",
        "festivals-0-result": "selected",
    }
    response = client.post("/import/review/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return Film.objects.get(title="Zorbimp Imported")


def test_a_page_naming_another_films_private_person_and_festival_links_neither() -> None:
    _private, person, festival, _owner = _film_with("private", slug="zorbimp-secret")
    stranger = get_user_model().objects.create_user(username="stranger", password="x")
    film = _save_from_text(stranger)
    people, festivals = _linked(film)
    assert len(people) == 1 and people != [person.pk]
    assert len(festivals) == 1 and festivals != [festival.pk]
    assert Person.objects.get(pk=people[0]).display_name == PERSON
    assert Festival.objects.get(pk=festivals[0]).name == FESTIVAL
    assert list(person.credits.values_list("film__slug", flat=True)) == ["zorbimp-secret"]
    assert list(
        Entry.objects.filter(edition__festival=festival).values_list("film__slug", flat=True)
    ) == ["zorbimp-secret"]


def test_a_record_giving_a_private_persons_slug_does_not_link_them() -> None:
    _private, person, _festival, _owner = _film_with("private", slug="zorbimp-secret")
    stranger = get_user_model().objects.create_user(username="stranger", password="x")
    report = records_commit(records=[_record(person_slug=person.slug)], actor=stranger)
    people, _festivals = _linked(Film.objects.get(slug=report.created[0]))
    assert len(people) == 1 and people != [person.pk]
    assert Person.objects.get(pk=people[0]).slug == f"{person.slug}-2"
    assert report.log.linked == {}
    assert report.log.created["people"] == {PERSON}
    assert report.log.created["festivals"] == {FESTIVAL}


@pytest.mark.parametrize("visibility", ["public", "private"])
def test_a_page_naming_a_listed_person_and_festival_links_them(visibility: str) -> None:
    """The control: a person and festival of a public film are linked for anyone; those of a
    private film are linked for its owner."""
    _film, person, festival, owner = _film_with(visibility, slug="zorbimp-known")
    user = (
        get_user_model().objects.create_user(username="maker", password="x")
        if visibility == "public"
        else owner
    )
    film = _save_from_text(user)
    assert _linked(film) == ([person.pk], [festival.pk])


def test_the_operators_bulk_import_links_private_people_and_festivals(tmp_path: Path) -> None:
    _private, person, festival, _owner = _film_with("private", slug="zorbimp-secret")
    path = tmp_path / "films.jsonl"
    path.write_text(json.dumps(_record().model_dump(mode="json")) + "\n", encoding="utf-8")
    call_command("import", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    film = Film.objects.get(title="Zorbimp Imported")
    assert _linked(film) == ([person.pk], [festival.pk])
