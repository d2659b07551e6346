"""Page-shaped reads of media, each with a fixed query plan, filtered by ``media.policy``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch

from filmfolio.films.access import Viewer

from .choices import UploadState, VideoState
from .models import Album, Encoding, Image, Upload, Video
from .policy import (
    can_manage_media,
    can_view_media,
    is_shown_to_every_viewer,
    may_see_more_videos,
)


@dataclass
class AlbumBlock:
    """An album with its images in order (``album`` is None for stills outside albums)."""

    album: Album | None
    images: list[Image] = field(default_factory=list)


@dataclass
class FilmMedia:
    """Everything the film page shows of a film's media, already filtered for the viewer."""

    poster: Image | None
    albums: list[AlbumBlock]
    videos: list[Video]
    can_manage: bool

    @property
    def is_empty(self) -> bool:
        return not (self.poster or self.videos or any(b.images for b in self.albums))


def _images_qs():
    return Image.objects.prefetch_related("renditions").order_by("position", "id")


def film_media_for(viewer: Viewer, film: Any) -> FilmMedia:
    """The poster, albums with stills and the watchable videos of ``film`` for ``viewer``.

    Two queries for a film without media (images, videos); at most five with everything:
    images (+ renditions), albums (only when a still is in one), videos (+ encodings).
    """
    if not can_view_media(viewer, film=film):
        return FilmMedia(None, [], [], False)
    poster, blocks = _poster_and_albums(film)
    manage = can_manage_media(viewer, film=film)
    return FilmMedia(poster, blocks, _watchable_videos(viewer, film, manage), manage)


def film_media_shown_to_all(film: Any) -> FilmMedia:
    """What every viewer of the film page sees of ``film``'s media: poster, albums with stills
    and the videos ``is_shown_to_every_viewer`` (the cached part of the page; the caller has
    checked that the viewer may open the film). Two to five queries, as ``film_media_for``;
    none more for the same film instance at the same version (the page's media panel and its
    head, rendered together into the cached shell, read it once)."""
    memo = getattr(film, "_media_shown_to_all", None)
    if memo is not None and memo[0] == film.updated_at:
        return memo[1]
    poster, albums = _poster_and_albums(film)
    videos = [v for v in _videos_qs().filter(film=film) if is_shown_to_every_viewer(video=v)]
    media = FilmMedia(poster, albums, videos, False)
    film._media_shown_to_all = (film.updated_at, media)
    return media


def film_videos_for_viewer(viewer: Viewer, film: Any) -> list[Video]:
    """The videos of ``film`` that ``viewer`` sees beyond those shown to every viewer: their
    screeners, the team's videos, and videos not ready yet for those who manage the film. No
    query when the viewer can see none (``may_see_more_videos``)."""
    if not may_see_more_videos(viewer, film=film):
        return []
    return [
        v
        for v in _watchable_videos(viewer, film, can_manage_media(viewer, film=film))
        if not is_shown_to_every_viewer(video=v)
    ]


def _poster_and_albums(film: Any) -> tuple[Image | None, list[AlbumBlock]]:
    """The poster, and the stills by album in album order, those in no album last."""
    images = list(_images_qs().filter(film=film))
    in_albums = any(image.album_id for image in images)
    albums = list(Album.objects.filter(film=film)) if in_albums else []
    blocks = {a.pk: AlbumBlock(a) for a in albums}
    loose = AlbumBlock(None)
    poster = None
    for image in images:
        if image.is_poster:
            poster = image
            continue
        blocks.get(image.album_id, loose).images.append(image)
    return poster, [blocks[a.pk] for a in albums] + ([loose] if loose.images else [])


def _watchable_videos(viewer: Viewer, film: Any, manage: bool) -> list[Video]:
    """The videos ``viewer`` may watch: ready ones, and all of them for those who manage."""
    return [
        v
        for v in _videos_qs().filter(film=film)
        if can_view_media(viewer, film=film, video=v) and (manage or v.state == VideoState.READY)
    ]


def _videos_qs():
    return Video.objects.prefetch_related(
        Prefetch("encodings", queryset=Encoding.objects.select_related("profile"))
    )


def video_for_serving_for(public_id: Any) -> Video | None:
    """A video with its film (for the policy), encodings (to know its files) and subtitle
    tracks."""
    videos = _videos_qs().select_related("film").prefetch_related("subtitle_tracks")
    return videos.filter(public_id=public_id).first()


def image_for_serving_for(public_id: Any) -> Image | None:
    """An image with its film and renditions."""
    return _images_qs().select_related("film").filter(public_id=public_id).first()


def uploads_open_for(user: Any, film: Any) -> list[Upload]:
    """The user's unfinished uploads of ``film`` (to resume them)."""
    return list(Upload.objects.filter(owner=user, film=film, state=UploadState.RECEIVING))


def videos_of_film(film: Any) -> list[Video]:
    """Every video of ``film`` with its encodings (for those who manage it: the caller asks)."""
    return list(_videos_qs().filter(film=film))
