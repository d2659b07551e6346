"""Who may see and change a film's media: the media questions of ``films.access``.

This is the one media policy. Pages, serving views and selectors call these functions; each is a
thin adapter from media records to ``films.access``, where the decisions are made (the film
first, then the video's own visibility, originals for managers only).
"""

from __future__ import annotations

from typing import Any

from filmfolio.films import access

from .choices import VideoState, VideoVisibility
from .hooks import is_withheld


def can_view_media(
    viewer: access.Viewer, *, film: Any, video: Any = None, original: bool = False
) -> bool:
    """May ``viewer`` see this media of ``film``?

    Images (poster, stills and their renditions) follow the film; a video's streams also follow
    its visibility. Originals of images and videos keep the camera's metadata (GPS, make) and
    are the untranscoded master, so only those who manage the film get them.
    """
    if not access.can_view_film(viewer, film):
        return False
    if original:
        return access.can_get_media_original(viewer, film)
    if video is None:
        return True
    if not access.can_watch_video(viewer, film, visibility=video.visibility):
        return False
    return not _withheld_from_link_holder(viewer, film, video)


def _withheld_from_link_holder(viewer: access.Viewer, film: Any, video: Any) -> bool:
    """A screener-link holder who does not manage the film may be served another copy of the
    video instead (``media.hooks.WITHHELD_STREAMS``)."""
    if film.pk not in viewer.link_film_ids or can_manage_media(viewer, film=film):
        return False
    return is_withheld(viewer, film, video)


def is_shown_to_every_viewer(*, video: Any) -> bool:
    """Does everyone who may open the film see this video on its page (ready, and watchable by
    whoever may open the film)? Such videos are rendered once for all viewers."""
    return video.state == VideoState.READY and access.video_follows_film(video.visibility)


def may_see_more_videos(viewer: access.Viewer, *, film: Any) -> bool:
    """Might ``viewer`` see videos of ``film`` beyond those shown to every viewer (screeners,
    the team's videos, videos not ready yet for those who manage the film)? Answered without a
    query for a signed-out visitor."""
    return access.can_watch_video(
        viewer, film, visibility=VideoVisibility.SCREENER
    ) or can_manage_media(viewer, film=film)


def can_download_video(viewer: access.Viewer, *, video: Any) -> bool:
    """May ``viewer`` download the video's copy without metadata?"""
    return access.can_download_video(
        viewer, video.film, visibility=video.visibility, allow_download=video.allow_download
    )


def is_cacheable(*, film: Any, video: Any = None, original: bool = False) -> bool:
    """May browsers keep this file (it is what an anonymous visitor gets anyway)?"""
    visibility = video.visibility if video is not None else "film"
    return access.is_public_media(film, visibility=visibility, original=original)


def can_manage_media(viewer: access.Viewer, *, film: Any) -> bool:
    """May ``viewer`` upload, reorder, retry and delete the film's media?"""
    return access.can_edit_film(viewer, film)
