"""Fixtures for media tests: isolated media and work directories, generated clips, owners."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

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


def make_clip(
    path: Path,
    *,
    seconds: float = 2,
    size: str = "640x360",
    audio: bool = True,
    faststart: bool = False,
) -> Path:
    """A test clip made by ffmpeg: ``testsrc`` picture and ``sine`` tone, H.264/AAC MP4."""
    args = [
        "ffmpeg",
        "-v",
        "error",
        "-y",
        "-f",
        "lavfi",
        "-i",
        f"testsrc=size={size}:rate=25:duration={seconds}",
    ]
    if audio:
        args += ["-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}", "-c:a", "aac"]
    args += ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]
    if faststart:
        args += ["-movflags", "+faststart"]
    subprocess.run([*args, str(path)], check=True)
    return path


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
