"""Each test starts with an empty cache (the film page caches its rendered record); the studio's
tests share the owner of one film, Heron Lantern, and their signed-in browser."""

from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client

from filmfolio.films.choices import CollaboratorRole
from filmfolio.sharing.tests.factories import CollaboratorFactory, FilmFactory


@pytest.fixture(autouse=True)
def empty_cache() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


def film_owner(title: str, slug: str) -> Any:
    """The owner (a collaborator) of a new private film from 2019."""
    film = FilmFactory(title=title, slug=slug, year=2019)
    return CollaboratorFactory(film=film, role=CollaboratorRole.OWNER)


def signed_in(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def heron_owner():
    """The owner of Heron Lantern (at /studio/films/heron/)."""
    return film_owner("Heron Lantern", "heron")


@pytest.fixture
def heron_client(heron_owner):
    """The browser of Heron Lantern's owner, signed in."""
    return signed_in(heron_owner.user)
