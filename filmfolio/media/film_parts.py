"""What media adds to films: a watchable trailer in a film's search document, and the queued
jobs of a deleted film's videos (registered by ``MediaConfig.ready``)."""

from __future__ import annotations

from typing import Any

from filmfolio.films.hooks import FILM_DELETING, FilmDeleting
from filmfolio.films.search_facts import FILM_FACTS, FilmFacts, FilmFactsPart

from .choices import VideoKind, VideoState, VideoVisibility
from .models import Video
from .services import video_jobs_cancel


def add_trailers(facts: dict[int, FilmFacts], ids: Any) -> None:
    """Films with a transcoded trailer everyone who opens the film may watch."""
    trailers = Video.objects.filter(
        film_id__in=ids,
        kind=VideoKind.TRAILER,
        state=VideoState.READY,
        visibility=VideoVisibility.FILM,
    )
    for film_id in trailers.values_list("film_id", flat=True):
        facts[film_id].has_trailer = True


def videos_of(film: Any) -> list[int]:
    """The videos of a film, before it is deleted."""
    return list(Video.objects.filter(film=film).values_list("pk", flat=True))


def register() -> None:
    """Add the media parts to the films' registries."""
    FILM_FACTS.register(FilmFactsPart(key="media", add=add_trailers, order=10))
    FILM_DELETING.register(
        FilmDeleting(key="media", collect=videos_of, after=video_jobs_cancel, order=10)
    )
