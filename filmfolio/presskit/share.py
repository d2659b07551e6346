"""What a film page shows other sites: the card a link to it unfolds into (Open Graph, Twitter
card), its trailer as an embeddable player, and the image of both.

Everything here is read from the film's record and what every viewer of the film sees of its
media (``media.selectors.film_media_shown_to_all``), never from the viewer, so the film page's
head can be rendered once per film version and cached with the page. Callers have checked that
the viewer may open the film.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from filmfolio.core.site import absolute_url
from filmfolio.media.choices import VideoKind
from filmfolio.media.models import Image, Video
from filmfolio.media.selectors import film_media_shown_to_all

# Open Graph's recommended card size; the poster rendition closest to it is shared.
CARD_WIDTH = 1200
CARD_HEIGHT = 630
# The kinds of video a link may unfold into, in order of preference (never a screener).
EMBEDDABLE_KINDS = (VideoKind.TRAILER, VideoKind.TEASER, VideoKind.EXCERPT)
PLAYER_WIDTH = 640


@dataclass(frozen=True)
class SharedImage:
    """An image of the card: absolute URL, size in pixels and its text alternative."""

    url: str
    width: int
    height: int
    generated: bool


@dataclass(frozen=True)
class SharedVideo:
    """The film's embeddable video: the video, its player page and its files' addresses."""

    video: Video
    embed_url: str
    playlist_url: str
    thumbnail_url: str
    width: int
    height: int


def poster_image(poster: Image | None) -> SharedImage | None:
    """The poster's WebP rendition closest to the card's width, if there is a poster."""
    renditions = list(poster.renditions.all()) if poster else []
    if not poster or not renditions:
        return None
    best = min(renditions, key=lambda r: (r.width < CARD_WIDTH, abs(r.width - CARD_WIDTH)))
    path = reverse("media:image-file", args=[poster.public_id, f"w{best.width}.webp"])
    return SharedImage(absolute_url(path), best.width, best.height, generated=False)


def card_image(film: Any) -> SharedImage:
    """The generated card (title and laurels) of a film without a poster."""
    path = reverse("presskit:card", kwargs={"slug": film.slug})
    return SharedImage(absolute_url(path), CARD_WIDTH, CARD_HEIGHT, generated=True)


def embeddable_video(videos: list[Video]) -> Video | None:
    """The first trailer (else teaser, else excerpt) among ``videos`` (those every viewer of the
    film may watch), or None."""
    for kind in EMBEDDABLE_KINDS:
        for video in videos:
            if video.kind == kind and video.is_ready:
                return video
    return None


def shared_video(film: Any, video: Video | None) -> SharedVideo | None:
    """The player page and file addresses of ``video``."""
    if video is None:
        return None

    def file_url(name: str) -> str:
        return absolute_url(reverse("media:video-file", args=[video.public_id, name]))

    width = video.width or 16
    height = video.height or 9
    return SharedVideo(
        video=video,
        embed_url=absolute_url(reverse("presskit:embed", kwargs={"slug": film.slug})),
        playlist_url=file_url("hls/master.m3u8"),
        thumbnail_url=file_url("poster.jpg"),
        width=PLAYER_WIDTH,
        height=round(PLAYER_WIDTH * height / width),
    )


@dataclass(frozen=True)
class Shared:
    """What the film's page shares: its image (poster, else the generated card) and video."""

    image: SharedImage
    video: SharedVideo | None


def shared_for(film: Any) -> Shared:
    """The image and embeddable video of ``film`` that every viewer of the film may see."""
    media = film_media_shown_to_all(film)
    image = poster_image(media.poster) or card_image(film)
    return Shared(image, shared_video(film, embeddable_video(media.videos)))
