"""Fixtures for press-kit tests: an empty cache for each test (the film page caches its
rendered record), the demo catalogue (the three seed films) and a fresh media folder."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from django.core.cache import cache
from django.core.management import call_command

from filmfolio.films.models import Film


@pytest.fixture(autouse=True)
def empty_cache() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def demo(db) -> dict[str, Film]:
    """The seed films loaded by ``filmfolio demo``, by slug."""
    call_command("demo", stdout=io.StringIO())
    return {film.slug: film for film in Film.objects.all()}


@pytest.fixture
def media_root(tmp_path, settings):
    """Stored files (press kit PDFs) go to a fresh folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
