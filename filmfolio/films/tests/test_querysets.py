"""Visibility as queryset methods: the same answers as ``films.access`` for films, credits,
entries, people and festivals, one spelling on each."""

from __future__ import annotations

import pytest

from filmfolio.accounts.tests.factories import UserFactory
from filmfolio.core.viewers import Viewer
from filmfolio.festivals.models import Entry, Festival
from filmfolio.festivals.tests.factories import EntryFactory
from filmfolio.films import access
from filmfolio.films.choices import CollaboratorRole, Visibility
from filmfolio.films.models import Credit, Film
from filmfolio.films.tests.factories import CreditFactory
from filmfolio.people.models import Person
from filmfolio.people.querysets import PERSON_LISTING
from filmfolio.sharing.tests.factories import CollaboratorFactory, FilmFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def films():
    """A public, an unlisted and a private film; a user editing the private one and owning
    the unlisted one."""
    user = UserFactory(username="maker")
    public = FilmFactory(slug="public", visibility=Visibility.PUBLIC)
    unlisted = FilmFactory(slug="unlisted", visibility=Visibility.UNLISTED)
    private = FilmFactory(slug="private", visibility=Visibility.PRIVATE)
    CollaboratorFactory(film=private, user=user, role=CollaboratorRole.EDITOR)
    CollaboratorFactory(film=unlisted, user=user, role=CollaboratorRole.OWNER)
    return user, public, unlisted, private


def _slugs(queryset) -> list[str]:
    return sorted(queryset.values_list("slug", flat=True))


def test_film_methods_answer_as_the_policy(films):
    user, *_ = films
    maker, anonymous = Viewer.for_user(user), Viewer.anonymous()
    assert _slugs(Film.objects.listed_for(anonymous)) == ["public"]
    assert _slugs(Film.objects.visible_to(anonymous)) == ["public", "unlisted"]
    assert _slugs(Film.objects.listed_for(maker)) == ["private", "public", "unlisted"]
    assert _slugs(Film.objects.editable_by(maker)) == ["private", "unlisted"]
    assert _slugs(Film.objects.owned_by(maker)) == ["unlisted"]
    assert _slugs(Film.objects.editable_by(anonymous)) == []
    assert _slugs(Film.objects.owned_by(anonymous)) == []
    for film in Film.objects.all():
        assert (film in Film.objects.editable_by(maker)) == access.can_edit_film(maker, film)
        assert (film in Film.objects.owned_by(maker)) == access.can_own_film(maker, film)


def test_staff_may_change_every_film(films):
    staff = Viewer.for_user(UserFactory(username="staff", is_staff=True))
    assert _slugs(Film.objects.owned_by(staff)) == ["private", "public", "unlisted"]


def test_rows_of_a_film_follow_their_film(films):
    user, public, unlisted, private = films
    for film in (public, unlisted, private):
        CreditFactory(film=film)
        EntryFactory(film=film)
    maker, anonymous = Viewer.for_user(user), Viewer.anonymous()
    assert [c.film_id for c in Credit.objects.listed_for(anonymous)] == [public.pk]
    assert sorted(e.film_id for e in Entry.objects.visible_to(anonymous)) == sorted(
        [public.pk, unlisted.pk]
    )
    assert sorted(c.film_id for c in Credit.objects.editable_by(maker)) == sorted(
        [unlisted.pk, private.pk]
    )


def test_people_and_festivals_exist_through_listed_films(films):
    _user, public, _unlisted, private = films
    seen = CreditFactory(film=public).person
    hidden = CreditFactory(film=private).person
    shown_at = EntryFactory(film=public).edition.festival
    hidden_at = EntryFactory(film=private).edition.festival
    anonymous = Viewer.anonymous()
    assert list(Person.objects.listed_for(anonymous)) == [seen]
    assert list(Person.objects.visible_to(anonymous)) == [seen]
    assert hidden not in Person.objects.listed_for(anonymous)
    assert list(Festival.objects.listed_for(anonymous)) == [shown_at]
    assert hidden_at not in Festival.objects.visible_to(anonymous)


def test_people_are_listed_for_nobody_without_a_policy(films, monkeypatch):
    _user, public, *_ = films
    CreditFactory(film=public)
    monkeypatch.setattr(PERSON_LISTING, "_items", {})
    assert list(Person.objects.listed_for(Viewer.anonymous())) == []


def test_creditable_people_answer_as_the_policy_and_nobody_without_one(films, monkeypatch):
    user, public, _unlisted, private = films
    seen = CreditFactory(film=public).person
    hidden = CreditFactory(film=private).person
    unused = CreditFactory(film=public).person
    Credit.objects.filter(person=unused).delete()
    stranger = Viewer.for_user(UserFactory(username="stranger"))
    maker = Viewer.for_user(user)
    assert sorted(p.pk for p in Person.objects.creditable_by(stranger)) == [seen.pk, unused.pk]
    assert sorted(p.pk for p in Person.objects.creditable_by(maker)) == sorted(
        [seen.pk, hidden.pk, unused.pk]
    )
    policy = access.creditable_people(stranger, Person.objects.all())
    assert set(Person.objects.creditable_by(stranger)) == set(policy)
    monkeypatch.setattr(PERSON_LISTING, "_items", {})
    assert list(Person.objects.creditable_by(maker)) == []
