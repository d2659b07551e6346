"""Fixtures for media tests: isolated media and work directories, generated clips, owners."""

from __future__ import annotations

from pathlib import Path

import pytest

from .clips import make_clip
from .factories import CollaboratorFactory, FilmFactory, UserFactory


@pytest.fixture(autouse=True)
def media_dirs(settings, tmp_path):
    """Every test gets its own MEDIA_ROOT and work directory (uploads, scratch)."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    (tmp_path / "static").mkdir()
    settings.STATIC_ROOT = str(tmp_path / "static")  # WhiteNoise warns when it is missing
    settings.FILMFOLIO_MEDIA_WORK_DIR = str(tmp_path / "work")
    settings.FILMFOLIO_MEDIA = {"HEARTBEAT_SECONDS": 0.2}
    return tmp_path


@pytest.fixture(scope="session")
def clip(tmp_path_factory) -> Path:
    """A 2-second 640×360 clip with sound."""
    return make_clip(tmp_path_factory.mktemp("clips") / "clip.mp4")


@pytest.fixture(scope="session")
def clip_720(tmp_path_factory) -> Path:
    """A 2-second 1280×720 clip with sound (three rungs: 720p, 480p, 360p)."""
    return make_clip(tmp_path_factory.mktemp("clips") / "clip720.mp4", size="1280x720")


@pytest.fixture
def owner(db):
    return UserFactory()


@pytest.fixture
def film(owner):
    film = FilmFactory()
    CollaboratorFactory(film=film, user=owner, role="owner")
    return film


@pytest.fixture(scope="session")
def static_root():
    """WhiteNoise, started with the live server, warns when STATIC_ROOT does not exist."""
    from django.conf import settings

    Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)
