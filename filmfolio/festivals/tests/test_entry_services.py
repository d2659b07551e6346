"""Festival entries written by ``festivals.services`` with a festival given by slug (as the JSON
API does): found and recorded, or refused with nothing created."""

from __future__ import annotations

import pytest

from filmfolio.core.audit import changes_for
from filmfolio.core.errors import PermissionDeniedError, ValidationFailedError
from filmfolio.core.models import ChangeRecord
from filmfolio.festivals import services
from filmfolio.festivals.models import Edition, Entry, Section
from filmfolio.films.choices import CollaboratorRole
from filmfolio.search import index
from filmfolio.search.models import SearchDocument
from filmfolio.sharing.tests.factories import CollaboratorFactory

from .factories import FestivalFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner():
    return CollaboratorFactory(role=CollaboratorRole.OWNER)


def test_entry_for_a_festival_given_by_slug_is_recorded(owner):
    FestivalFactory(name="Cinéma du Réel", slug="reel")
    entry = services.entry_add(
        film=owner.film,
        actor=owner.user,
        draft=services.EntryDraft(
            festival="reel", year=2014, number=36, section_name="First Films", result="selected"
        ),
    )
    assert (entry.edition.festival.slug, entry.edition.number, entry.section.name) == (
        "reel",
        36,
        "First Films",
    )
    record = changes_for(owner.film).get()
    assert (record.actor, record.section) == (owner.user, "festivals")
    assert record.changes == {
        "entry": {"old": None, "new": "Official selection — 36th (2014) Cinéma du Réel"}
    }


@pytest.mark.parametrize(
    ("festival", "edition", "errors"),
    [
        ("nope", {"year": 2014, "number": None}, {"festival": ["No festival has this address."]}),
        ("reel", {"year": None, "number": None}, {"year": ["Give the edition's year or number."]}),
    ],
)
def test_refused_entry_creates_nothing(owner, festival, edition, errors):
    FestivalFactory(slug="reel")
    with pytest.raises(ValidationFailedError) as refused:
        services.entry_add(
            film=owner.film,
            actor=owner.user,
            draft=services.EntryDraft(
                festival=festival, **edition, section_name="Kept out", result="selected"
            ),
        )
    assert refused.value.errors == errors
    assert (Entry.objects.count(), Edition.objects.count(), Section.objects.count()) == (0, 0, 0)
    assert ChangeRecord.objects.count() == 0


def test_viewer_may_not_add_an_entry(owner):
    FestivalFactory(slug="reel")
    viewer = CollaboratorFactory(film=owner.film, role=CollaboratorRole.VIEWER)
    with pytest.raises(PermissionDeniedError):
        services.entry_add(
            film=owner.film,
            actor=viewer.user,
            draft=services.EntryDraft(festival="reel", year=2014, number=None, result="selected"),
        )
    assert Entry.objects.count() == 0
    assert ChangeRecord.objects.count() == 0


def test_a_new_edition_puts_its_number_and_year_in_the_festivals_document(owner):
    festival = FestivalFactory(name="Kumquat Festival", slug="kumquat")
    index.update_for(festival)
    documents = SearchDocument.objects.filter(kind="festival", object_id=festival.pk)
    assert documents.get().extra_terms == ""
    services.entry_add(
        film=owner.film,
        actor=owner.user,
        draft=services.EntryDraft(festival="kumquat", year=2021, number=12, result="selected"),
    )
    assert documents.get().extra_terms == "12 2021"
