"""Factories for media tests (films and users are referenced by model label)."""

from __future__ import annotations

import factory
from factory.django import DjangoModelFactory


class UserFactory(DjangoModelFactory):
    class Meta:
        model = "auth.User"

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("pw-secret-123")

    class Params:
        staff = factory.Trait(is_staff=True)


class FilmFactory(DjangoModelFactory):
    class Meta:
        model = "films.Film"

    slug = factory.Sequence(lambda n: f"film-{n}")
    title = factory.Sequence(lambda n: f"Film {n}")
    visibility = "private"

    class Params:
        public = factory.Trait(visibility="public")
        unlisted = factory.Trait(visibility="unlisted")


class CollaboratorFactory(DjangoModelFactory):
    class Meta:
        model = "films.Collaborator"

    film = factory.SubFactory(FilmFactory)
    user = factory.SubFactory(UserFactory)
    role = "owner"

    class Params:
        editor = factory.Trait(role="editor")
        viewer = factory.Trait(role="viewer")


class AlbumFactory(DjangoModelFactory):
    class Meta:
        model = "media.Album"

    film = factory.SubFactory(FilmFactory)
    title = factory.Sequence(lambda n: f"Album {n}")
