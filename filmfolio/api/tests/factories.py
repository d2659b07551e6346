"""Factories for API tests: users, films with collaborators, people, festivals."""

from __future__ import annotations

from typing import Any

import factory
from django.contrib.auth import get_user_model

from filmfolio.festivals.models import Edition, Entry, Festival
from filmfolio.films.choices import CollaboratorRole, Visibility
from filmfolio.films.models import Collaborator, Credit, Film, Role
from filmfolio.people.models import Person


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.django.Password("secret-pass-123")


class FilmFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Film
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Film {n:03d}")
    slug = factory.Sequence(lambda n: f"film-{n:03d}")
    year = 2013
    kind = "documentary"
    runtime_minutes = 88
    visibility = Visibility.PUBLIC

    class Params:
        private = factory.Trait(visibility=Visibility.PRIVATE)
        unlisted = factory.Trait(visibility=Visibility.UNLISTED)

    @factory.post_generation
    def owner(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        """``FilmFactory(owner=user)`` makes ``user`` the film's owner."""
        if create and extracted is not None:
            Collaborator.objects.create(
                film=self,  # type: ignore[misc]  # factory_boy passes the created Film
                user=extracted,
                role=CollaboratorRole.OWNER,
            )


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    display_name = factory.Sequence(lambda n: f"Person {n:03d}")
    slug = factory.Sequence(lambda n: f"person-{n:03d}")


class CreditFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Credit

    film = factory.SubFactory(FilmFactory)
    person = factory.SubFactory(PersonFactory)
    role = factory.LazyFunction(lambda: Role.objects.get(code="director"))


class FestivalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Festival

    name = factory.Sequence(lambda n: f"Festival {n:03d}")
    slug = factory.Sequence(lambda n: f"festival-{n:03d}")


class EditionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Edition

    festival = factory.SubFactory(FestivalFactory)
    number = 36
    year = 2014


class EntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Entry

    film = factory.SubFactory(FilmFactory)
    edition = factory.SubFactory(EditionFactory)
    result = "selected"
