"""The importer makes and finds people by the one rule of ``people.services``."""

import pytest

from filmfolio.films.models import Credit
from filmfolio.importer.records import FilmRecord
from filmfolio.importer.services import records_commit
from filmfolio.people.models import Person, PersonName, PersonSlugRedirect
from filmfolio.people.services import person_create

pytestmark = pytest.mark.django_db


def _film(slug: str, *names: str) -> FilmRecord:
    credits = [{"person": {"name": name}, "role": "Director"} for name in names]
    return FilmRecord.model_validate({"title": slug, "slug": slug, "credits": credits})


def test_a_new_chinese_name_gets_its_script_and_the_surname_reading():
    records_commit(records=[_film("letters", "叶京", "曾文")])
    people = Person.objects.order_by("slug")
    assert list(people.values_list("slug", "display_name", "match_key")) == [
        ("ye-jing", "叶京", "jing ye"),
        ("zeng-wen", "曾文", "wen zeng"),
    ]
    names = PersonName.objects.order_by("name").values_list("name", "script", "order", "match_key")
    assert list(names) == [
        ("叶京", "hans", "family_first", "jing ye"),
        ("曾文", "hans", "family_first", "wen zeng"),
    ]


def test_any_written_form_of_an_existing_person_links_to_them():
    person = person_create(name="Jessica Zhu", actor=None)
    PersonName.objects.create(person=person, name="朱声仄", script="hans")
    records_commit(records=[_film("letters", "Zhu Shengze", "葉京")])
    records_commit(records=[_film("salt", "Ye Jing")])
    credited = Credit.objects.order_by("film__slug", "person__slug")
    assert [(c.film.slug, c.person.slug) for c in credited] == [
        ("letters", "jessica-zhu"),
        ("letters", "ye-jing"),
        ("salt", "ye-jing"),
    ]
    assert Person.objects.count() == 2


def test_a_person_slug_never_takes_a_people_address_or_an_old_address():
    kept = person_create(name="Wang Bing", actor=None)
    PersonSlugRedirect.objects.create(old_slug="zhu-shengze", person=kept)
    records_commit(records=[_film("letters", "Lookup", "Zhu Shengze")])
    slugs = Person.objects.exclude(pk=kept.pk).order_by("slug").values_list("slug", flat=True)
    assert list(slugs) == ["lookup-2", "zhu-shengze-2"]
