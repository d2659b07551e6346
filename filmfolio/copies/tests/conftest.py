"""Fixtures of the copies tests: the media tests' isolated directories and generated clip."""

from filmfolio.media.tests.conftest import clip, film, media_dirs, owner  # noqa: F401
