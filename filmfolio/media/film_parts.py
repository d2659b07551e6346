"""What media adds to films: a watchable trailer in a film's search document, the queued
jobs of a deleted film's videos, and the poster on a film's card in lists (registered by
``MediaConfig.ready``)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from filmfolio.films.cards import CARD_IMAGES, CardImage, CardImages
from filmfolio.films.hooks import FILM_DELETING, FilmDeleting
from filmfolio.films.playback import VIDEO_FACTS, PlayableVideo, VideoFacts
from filmfolio.films.search_facts import FILM_FACTS, FilmFacts, FilmFactsPart

from .choices import VideoKind, VideoState, VideoVisibility
from .models import ImageRendition, Video
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


# The rendition a browser without ``srcset`` gets: cards are at most about 300 px wide.
CARD_SRC_WIDTH = 320


def poster_cards(film_ids: list[int]) -> dict[int, CardImage]:
    """The posters of ``film_ids`` as card images, every WebP width in ``srcset`` (one query).

    Only a film's poster is used, never a video's frame: a video's frame follows the video's
    own visibility, a poster follows the film, which the caller has listed for the viewer."""
    rows = (
        ImageRendition.objects.filter(image__film_id__in=film_ids, image__is_poster=True)
        .order_by("image__film_id", "width")
        .values_list("image__film_id", "image__public_id", "width", "height")
    )
    by_film: dict[int, list[tuple[Any, int, int]]] = {}
    for film_id, public_id, width, height in rows:
        by_film.setdefault(film_id, []).append((public_id, width, height))
    return {film_id: _card_image(sizes) for film_id, sizes in by_film.items()}


def _card_image(sizes: list[tuple[Any, int, int]]) -> CardImage:
    """A card image from one poster's renditions (narrowest first)."""
    base = reverse("media:image-file", args=[sizes[0][0], "w.webp"]).removesuffix("w.webp")
    src = min(sizes, key=lambda size: (size[1] < CARD_SRC_WIDTH, abs(size[1] - CARD_SRC_WIDTH)))
    return CardImage(
        src=f"{base}w{src[1]}.webp",
        srcset=", ".join(f"{base}w{width}.webp {width}w" for _id, width, _h in sizes),
        width=src[1],
        height=src[2],
    )


def register() -> None:
    """Add the media parts to the films' registries."""
    FILM_FACTS.register(FilmFactsPart(key="media", add=add_trailers, order=10))
    FILM_DELETING.register(
        FilmDeleting(key="media", collect=videos_of, after=video_jobs_cancel, order=10)
    )
    CARD_IMAGES.register(CardImages(key="media", images_for=poster_cards, order=10))
    VIDEO_FACTS.register(VideoFacts(key="media", lookup=playable_video, order=10))


def playable_video(public_id: str) -> PlayableVideo | None:
    """A ready video's film, visibility and length, for viewing reports (one query)."""
    row = (
        Video.objects.filter(public_id=public_id, state=VideoState.READY)
        .values_list("film_id", "visibility", "duration_seconds", "title")
        .first()
    )
    if row is None:
        return None
    film_id, visibility, duration, title = row
    return PlayableVideo(str(public_id), film_id, visibility, duration, title)
