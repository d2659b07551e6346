"""Each test starts with an empty cache (the film page caches its rendered record); the studio's
tests share the owner of one film, Heron Lantern, and their signed-in browser."""

from collections.abc import Iterator

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


@pytest.fixture
def heron_owner():
    """The owner of Heron Lantern (2019, at /studio/films/heron/)."""
    return CollaboratorFactory(
        film=FilmFactory(title="Heron Lantern", slug="heron", year=2019),
        role=CollaboratorRole.OWNER,
    )


@pytest.fixture
def heron_client(heron_owner):
    """The browser of Heron Lantern's owner, signed in."""
    client = Client()
    client.force_login(heron_owner.user)
    return client
