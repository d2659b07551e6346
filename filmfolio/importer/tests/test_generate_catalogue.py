"""``generate-catalogue`` writes only to an empty catalogue and never touches real records."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from filmfolio.festivals.models import Entry, Festival
from filmfolio.films.models import Credit, Film
from filmfolio.people.models import Person

pytestmark = pytest.mark.django_db


def _state() -> tuple:
    return (
        sorted(Film.objects.values_list("slug", flat=True)),
        sorted(Person.objects.values_list("slug", flat=True)),
        sorted(Festival.objects.values_list("name", flat=True)),
        Credit.objects.count(),
        Entry.objects.count(),
    )


def test_an_empty_database_gets_the_generated_catalogue():
    out = StringIO()
    call_command("generate-catalogue", films=25, seed=4, stdout=out)

    assert Film.objects.count() == 25
    assert Person.objects.count() == 40
    assert sorted(Film.objects.values_list("slug", flat=True))[:3] == [
        "film-0",
        "film-1",
        "film-10",
    ]
    assert out.getvalue().startswith("Generated 25 films and 40 people in ")


def test_a_database_with_real_films_is_refused_and_left_as_it_was():
    call_command("demo", stdout=StringIO())
    before = _state()
    zhu = Person.objects.get(display_name="Shengze Zhu")
    her_credits = sorted(Credit.objects.filter(person=zhu).values_list("film__slug", "role__code"))

    with pytest.raises(CommandError) as refused:
        call_command("generate-catalogue", films=25, seed=4, stdout=StringIO())

    assert str(refused.value) == (
        f"This database already holds records ({len(before[0])} films, "
        f"{len(before[1])} people, {len(before[2])} festivals, 1 organisations). "
        "generate-catalogue writes only to an empty catalogue, so that invented films never "
        "credit real people or join real festivals; nothing was changed. "
        "Give it a database of its own."
    )
    assert _state() == before
    assert (
        sorted(Credit.objects.filter(person=zhu).values_list("film__slug", "role__code"))
        == her_credits
    )
    assert her_credits == [
        ("out-of-focus", "cinematography"),
        ("out-of-focus", "director"),
        ("out-of-focus", "editor"),
        ("out-of-focus", "producer"),
    ]


def test_a_database_with_only_a_real_person_is_refused():
    Person.objects.create(display_name="Shengze Zhu", slug="shengze-zhu", sort_name="Zhu")

    with pytest.raises(CommandError, match=r"already holds records \(1 people\)"):
        call_command("generate-catalogue", films=5, seed=1, stdout=StringIO())

    assert Film.objects.count() == 0
    assert list(Person.objects.values_list("slug", flat=True)) == ["shengze-zhu"]
