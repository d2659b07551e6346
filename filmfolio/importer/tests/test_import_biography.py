"""The biography a reviewed page carries reaches a director who is already here when the
importing user may change that person's record (``films.person_access.editable_people``), with a
change record; a person the user may only credit keeps their record as it was."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType

from filmfolio.core.matching import name_match_key
from filmfolio.core.models import ChangeRecord
from filmfolio.films.choices import CollaboratorRole
from filmfolio.films.models import Collaborator
from filmfolio.films.tests.factories import CreditFactory, FilmFactory
from filmfolio.people.models import Person, PersonBiography
from filmfolio.people.tests.factories import PersonFactory

from .test_page_import import GLEANERS, _review, _save, client_in, form_data, user  # noqa: F401

pytestmark = pytest.mark.django_db


def _known_li_wen(film_owner) -> Person:
    """Li Wen, credited on one public film that ``film_owner`` owns, with a Chinese biography."""
    film = FilmFactory.create(slug="older", title="Older", visibility="public")
    Collaborator.objects.create(film=film, user=film_owner, role=CollaboratorRole.OWNER)
    known = PersonFactory.create(
        display_name="Li Wen", slug="li-wen", match_key=name_match_key("Li Wen")
    )
    CreditFactory.create(film=film, person=known)
    PersonBiography.objects.create(person=known, language="zh-Hans", body="李文，河南人。")
    return known


def _biographies(person: Person) -> dict[str, str]:
    return dict(person.biographies.values_list("language", "body"))


def _changes(person: Person) -> list[dict]:
    kind = ContentType.objects.get_for_model(Person)
    return [
        r.changes
        for r in ChangeRecord.objects.filter(content_type=kind, object_id=person.pk).order_by("pk")
    ]


def test_the_biography_reaches_a_director_the_user_may_edit(client_in, user):  # noqa: F811
    known = _known_li_wen(user)
    data = form_data(_review(client_in, GLEANERS))
    assert (data["credits-0-match"], data["biography_language"]) == ("li-wen", "en")
    _save(client_in, data)
    assert Person.objects.filter(display_name="Li Wen").count() == 1
    bios = _biographies(known)
    assert sorted(bios) == ["en", "zh-Hans"]
    assert bios["en"].startswith("Li Wen was born in Henan in 1988")
    assert bios["zh-Hans"] == "李文，河南人。"
    assert _changes(known) == [{"biography (en)": {"old": None, "new": bios["en"]}}]


def test_a_director_the_user_may_only_credit_keeps_their_record(client_in):  # noqa: F811
    someone_else = get_user_model().objects.create_user(username="other", password="x")
    known = _known_li_wen(someone_else)
    data = form_data(_review(client_in, GLEANERS))
    assert data["credits-0-match"] == "li-wen"
    _save(client_in, data)
    assert _biographies(known) == {"zh-Hans": "李文，河南人。"}
    assert _changes(known) == []


def test_an_emptied_biography_writes_nothing(client_in, user):  # noqa: F811
    known = _known_li_wen(user)
    data = form_data(_review(client_in, GLEANERS))
    data["biography"] = ""
    _save(client_in, data)
    assert _biographies(known) == {"zh-Hans": "李文，河南人。"}
    assert _changes(known) == []
