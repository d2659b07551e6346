"""One rule for people named by typing: scripts, orders, spellings, surname readings, slugs."""

from __future__ import annotations

from typing import Any

import pytest

from filmfolio.accounts.tests.factories import UserFactory
from filmfolio.core.errors import ValidationFailedError
from filmfolio.core.models import ChangeRecord
from filmfolio.core.text import name_reading
from filmfolio.films.choices import CollaboratorRole, Visibility
from filmfolio.films.models import Credit, Role
from filmfolio.people.choices import NameOrder, NameScript
from filmfolio.people.models import Person, PersonName, PersonSlugRedirect
from filmfolio.people.services import (
    name_script,
    people_matching,
    person_create,
    person_for_name,
)
from filmfolio.people.tests.factories import PersonFactory
from filmfolio.sharing.tests.factories import CollaboratorFactory, FilmFactory

pytestmark = pytest.mark.django_db


def _credited_on_public_film(person: Person) -> None:
    film: Any = FilmFactory(visibility=Visibility.PUBLIC)
    Credit.objects.create(film=film, person=person, role=Role.objects.get(code="director"))


@pytest.mark.parametrize(
    ("name", "script"),
    [
        ("Zhu Shengze", NameScript.LATIN),
        ("Zhū Shēngzè", NameScript.LATIN),
        ("朱声仄", NameScript.HANS),
        ("朱聲仄", NameScript.HANT),
        ("アニメ", NameScript.OTHER),
        ("Иван Петров", NameScript.OTHER),
    ],
)
def test_script_is_detected(name, script):
    assert name_script(name) == script


@pytest.mark.parametrize(
    ("name", "reading"),
    [
        ("叶京", "ye jing"),
        ("曾文", "zeng wen"),
        ("文曾", "wen ceng"),
        ("单田芳", "shan tian fang"),
        ("万俟雪", "mo qi xue"),
        ("尉迟恭", "yu chi gong"),
        ("Zhū Shēngzè", "zhu shengze"),
    ],
)
def test_reading_uses_the_surname_table_only_for_the_surname(name, reading):
    assert name_reading(name) == reading


def test_new_person_gets_a_slug_from_the_surname_reading_and_a_name_in_its_script():
    user = UserFactory()
    ye = person_create(name="叶京", actor=user)
    zeng = person_create(name=" 曾  文 ", actor=user)
    traditional = person_create(name="葉京", actor=user)
    assert (ye.slug, ye.display_name, ye.match_key) == ("ye-jing", "叶京", "jing ye")
    assert (zeng.slug, zeng.display_name) == ("zeng-wen", "曾 文")
    assert traditional.slug == "ye-jing-2"
    assert list(PersonName.objects.values_list("name", "script", "order", "match_key")) == [
        ("叶京", NameScript.HANS, NameOrder.FAMILY_FIRST, "jing ye"),
        ("曾 文", NameScript.HANS, NameOrder.FAMILY_FIRST, "wen zeng"),
        ("葉京", NameScript.HANT, NameOrder.FAMILY_FIRST, "jing ye"),
    ]
    assert ChangeRecord.objects.filter(action="create").count() == 3


def test_a_slug_never_takes_a_people_address_or_a_merged_persons_old_address():
    assert person_create(name="Lookup", actor=None).slug == "lookup-2"
    kept = person_create(name="Wang Bing", actor=None)
    PersonSlugRedirect.objects.create(old_slug="zhu-shengze", person=kept)
    PersonSlugRedirect.objects.create(old_slug="zhu-shengze-2", person=kept)
    assert person_create(name="Zhu Shengze", actor=None).slug == "zhu-shengze-3"


@pytest.mark.parametrize(
    "typed", ["Ye Jing", "Jing Ye", "ye-jing", "Yè Jīng", "叶京", "葉京", "YE JING"]
)
def test_every_written_form_finds_ye_jing(typed):
    ye = person_create(name="叶京", actor=None)
    PersonFactory(display_name="Xie Jing", match_key="jing xie")
    assert people_matching(name=typed) == [ye]


@pytest.mark.parametrize(
    "typed", ["Shengze Zhu", "Zhu Sheng-ze", "Zhū Shēngzè", "zhu sheng1ze4", "朱聲仄", "朱声仄"]
)
def test_any_script_and_order_finds_a_person_by_any_of_their_names(typed):
    person = person_create(name="Jessica Zhu", actor=None)
    PersonName.objects.create(person=person, name="朱声仄", script=NameScript.HANS)
    assert people_matching(name=typed) == [person]


def test_exact_matches_come_first_then_every_syllable_then_contained_text():
    longer = person_create(name="Zhu Shengze Li", actor=None)
    exact = person_create(name="Shengze Zhu", actor=None)
    contained = person_create(name="Zhu Shengzer", actor=None)
    person_create(name="Wang Bing", actor=None)
    assert people_matching(name="Zhu Shengze") == [exact, longer, contained]
    assert people_matching(name="Zhu Shengze", limit=2) == [exact, longer]
    assert people_matching(name="  ") == []


def test_matching_is_narrowed_by_among():
    person = person_create(name="Zhu Shengze", actor=None)
    assert people_matching(name="Zhu", among=Person.objects.exclude(pk=person.pk)) == []


def test_person_for_name_finds_the_existing_person_in_another_script():
    user = UserFactory()
    person = person_create(name="Zhu Shengze", actor=user)
    PersonName.objects.create(person=person, name="朱聲仄", script=NameScript.HANT)
    _credited_on_public_film(person)
    assert person_for_name(name="朱声仄", actor=user) == person
    assert person_for_name(name="Shengze ZHU", actor=user) == person
    assert person_for_name(name="Zhu Sheng", actor=user) != person
    assert Person.objects.count() == 2


def test_a_picked_person_is_returned_whatever_the_typed_name():
    user = UserFactory()
    person = person_create(name="Zhu Shengze", actor=user)
    assert person_for_name(name="Someone Else", actor=user, person_id=person.pk) == person
    assert Person.objects.count() == 1


def test_a_private_person_of_another_user_is_neither_picked_nor_matched():
    private = CollaboratorFactory(role=CollaboratorRole.OWNER)
    hidden = person_create(name="Qxkv Hidden", actor=private.user)
    Credit.objects.create(film=private.film, person=hidden, role=Role.objects.get(code="director"))
    stranger = UserFactory()
    with pytest.raises(ValidationFailedError) as refused:
        person_for_name(name="", actor=stranger, person_id=hidden.pk)
    assert refused.value.errors == {"person": ["No person has this address."]}
    assert Person.objects.count() == 1
    made = person_for_name(name="Hidden Qxkv", actor=stranger)
    assert made != hidden
    assert (made.display_name, made.slug) == ("Hidden Qxkv", "hidden-qxkv")
    assert person_for_name(name="Hidden Qxkv", actor=private.user) == hidden
