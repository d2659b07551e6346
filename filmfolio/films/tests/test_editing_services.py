"""The film write services called with what the JSON API sends: fields of any section, a chosen
slug, roles and people by code, slug or name, uncredited credits, title positions and text
removal; each refusal changes nothing and records nothing."""

from __future__ import annotations

import pytest

from filmfolio.accounts.tests.factories import UserFactory
from filmfolio.core.audit import changes_for
from filmfolio.core.errors import ObjectNotFoundError, PermissionDeniedError, ValidationFailedError
from filmfolio.core.models import ChangeRecord
from filmfolio.films import services
from filmfolio.films.choices import CollaboratorRole
from filmfolio.films.models import Credit, Film, FilmText, Role
from filmfolio.people.models import Person
from filmfolio.people.services import person_create
from filmfolio.sharing.tests.factories import CollaboratorFactory, FilmFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner():
    return CollaboratorFactory(
        film=FilmFactory(title="Rivers of Salt", slug="rivers-of-salt", year=2019),
        role=CollaboratorRole.OWNER,
    )


def test_create_with_a_chosen_slug_and_spec_values_records_them():
    user = UserFactory()
    film = services.film_create(
        actor=user, title=" Salt ", slug="salt", values={"runtime_minutes": 71, "sound": "5.1"}
    )
    assert (film.slug, film.title, film.runtime_minutes, film.sound) == ("salt", "Salt", 71, "5.1")
    assert changes_for(film).get().changes == {
        "title": {"old": None, "new": "Salt"},
        "kind": {"old": None, "new": ""},
        "runtime_minutes": {"old": None, "new": 71},
        "sound": {"old": None, "new": "5.1"},
    }


def test_create_refuses_a_taken_slug(owner):
    with pytest.raises(ValidationFailedError) as refused:
        services.film_create(actor=UserFactory(), title="Other", slug="rivers-of-salt")
    assert refused.value.errors == {"slug": ["This address is taken."]}
    assert Film.objects.count() == 1
    assert ChangeRecord.objects.count() == 0


def test_update_across_sections_records_one_change_per_section(owner):
    film = owner.film
    changes = services.film_update(
        film=film, actor=owner.user, values={"year": 2020, "color": None, "runtime_minutes": 90}
    )
    assert changes == {
        "year": {"old": 2019, "new": 2020},
        "runtime_minutes": {"old": None, "new": 90},
    }
    rows = [(r.section, r.changes) for r in changes_for(film).order_by("id")]
    assert rows == [
        ("basics", {"year": {"old": 2019, "new": 2020}}),
        ("specs", {"runtime_minutes": {"old": None, "new": 90}}),
    ]
    assert (film.year, film.runtime_minutes, film.color) == (2020, 90, "")


@pytest.mark.parametrize(
    ("values", "errors"),
    [
        ({"year": 1200}, {"year"}),
        ({"visibility": "public"}, set()),
        ({"title": ""}, {"title"}),
    ],
)
def test_update_refuses_bad_values_and_changes_nothing(owner, values, errors):
    with pytest.raises(ValidationFailedError) as refused:
        services.film_update(film=owner.film, actor=owner.user, values=values)
    assert set(refused.value.errors) == errors
    film = Film.objects.get(pk=owner.film.pk)
    assert (film.title, film.year, film.visibility) == ("Rivers of Salt", 2019, "private")
    assert ChangeRecord.objects.count() == 0


def test_update_section_still_refuses_an_unknown_section(owner):
    with pytest.raises(ValidationFailedError):
        services.film_update_section(film=owner.film, actor=owner.user, section="x", values={})


def test_viewer_may_not_update(owner):
    viewer = CollaboratorFactory(film=owner.film, role=CollaboratorRole.VIEWER)
    with pytest.raises(PermissionDeniedError):
        services.film_update(film=owner.film, actor=viewer.user, values={"year": 2000})
    assert Film.objects.get(pk=owner.film.pk).year == 2019
    assert ChangeRecord.objects.count() == 0


def test_credit_by_role_code_and_person_slug(owner):
    person = Person.objects.create(display_name="Ana Lee", slug="ana-lee")
    credit = services.credit_add(
        film=owner.film,
        actor=owner.user,
        role="director",
        credited=services.CreditedPerson(person="ana-lee"),
    )
    assert (credit.person, credit.role.code, credit.position) == (person, "director", 0)
    with pytest.raises(ValidationFailedError) as duplicate:
        services.credit_add(
            film=owner.film,
            actor=owner.user,
            role="director",
            credited=services.CreditedPerson(person="ana-lee"),
        )
    assert duplicate.value.errors == {"__all__": ["Ana Lee is already credited as Director."]}
    assert Credit.objects.count() == 1


@pytest.mark.parametrize(
    ("kwargs", "errors"),
    [
        (
            {"role": "wizard", "credited": services.CreditedPerson(name="New Person")},
            {"role": ["Unknown role."]},
        ),
        (
            {"role": "director", "credited": services.CreditedPerson(person="nobody")},
            {"person": ["No person has this address."]},
        ),
    ],
)
def test_credit_with_unknown_references_creates_nothing(owner, kwargs, errors):
    with pytest.raises(ValidationFailedError) as refused:
        services.credit_add(film=owner.film, actor=owner.user, **kwargs)
    assert refused.value.errors == errors
    assert (Credit.objects.count(), Person.objects.count(), ChangeRecord.objects.count()) == (
        0,
        0,
        0,
    )


def test_credit_by_name_matches_an_existing_person_or_makes_one(owner):
    existing = person_create(name="Shengze Zhu", actor=owner.user)
    matched = services.credit_add(
        film=owner.film,
        actor=owner.user,
        role="director",
        credited=services.CreditedPerson(name="Zhu Shengze"),
    )
    made = services.credit_add(
        film=owner.film,
        actor=owner.user,
        role="editor",
        credited=services.CreditedPerson(name="Siya Huo"),
    )
    assert matched.person == existing
    assert made.person.display_name == "Siya Huo"
    assert Person.objects.count() == 2


def test_uncredited_contribution(owner):
    credit = services.credit_add(
        film=owner.film,
        actor=owner.user,
        role=Role.objects.get(code="sound-mix"),
        details={"description": "Mixed in Paris.", "position": 3},
    )
    assert (credit.person, credit.description, credit.position) == (None, "Mixed in Paris.", 3)
    assert changes_for(owner.film).get().changes == {
        "credit": {"old": None, "new": "Uncredited — Sound mix"}
    }


def test_duplicate_title_is_refused_on_its_text(owner):
    film, user = owner.film, owner.user
    services.title_add(film=film, actor=user, text="盐之河", kind="original", position=4)
    assert owner.film.titles.get().position == 4
    with pytest.raises(ValidationFailedError) as refused:
        services.title_add(film=owner.film, actor=owner.user, text="盐之河", kind="original")
    assert refused.value.errors == {"text": ["The film already has this title."]}
    assert owner.film.titles.count() == 1
    assert changes_for(owner.film).count() == 1


def test_a_title_with_a_nul_character_is_refused_and_nothing_changes(owner):
    """PostgreSQL cannot store NUL; the refusal comes before any query."""
    with pytest.raises(ValidationFailedError) as refused:
        services.title_add(film=owner.film, actor=owner.user, text="Salt\x008", kind="english")
    assert refused.value.errors == {"text": ["Null characters are not allowed."]}
    assert owner.film.titles.count() == 0
    assert changes_for(owner.film).count() == 0


def test_text_remove_records_the_old_body_and_a_missing_text_is_not_found(owner):
    film = owner.film
    services.text_set(film=film, actor=owner.user, kind="logline", language="en", body="Salt.")
    services.text_remove(film=film, actor=owner.user, kind="logline", language="en")
    assert FilmText.objects.count() == 0
    assert changes_for(film).first().changes == {"logline:en": {"old": "Salt.", "new": None}}
    with pytest.raises(ObjectNotFoundError):
        services.text_remove(film=film, actor=owner.user, kind="logline", language="en")
    assert changes_for(film).count() == 2


def test_every_recorded_change_bumps_the_film(owner):
    before = Film.objects.get(pk=owner.film.pk).updated_at
    services.link_add(film=owner.film, actor=owner.user, kind="trailer", url="https://x.org/1")
    assert Film.objects.get(pk=owner.film.pk).updated_at > before


def test_an_explicit_new_person_is_made_even_when_the_name_matches(owner):
    existing = person_create(name="Wang Bing", actor=owner.user)
    made = services.credit_add(
        film=owner.film,
        actor=owner.user,
        role="director",
        credited=services.CreditedPerson(new_name="Wang Bing"),
    )
    picked = services.credit_add(
        film=owner.film,
        actor=owner.user,
        role="editor",
        credited=services.CreditedPerson(person=existing.pk),
    )
    assert (made.person.slug, picked.person) == ("wang-bing-2", existing)
    assert Person.objects.count() == 2
