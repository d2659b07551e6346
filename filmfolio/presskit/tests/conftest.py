"""Fixtures for press-kit tests: the demo catalogue (the three seed films)."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from filmfolio.films.models import Film


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
