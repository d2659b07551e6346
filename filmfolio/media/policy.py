"""Who may see and change a film's media: the media questions of ``films.access``.

This is the one media policy. Pages, serving views and selectors call these functions; each is a
thin adapter from media records to ``films.access``, where the decisions are made (the film
first, then the video's own visibility, originals for managers only).
"""

from __future__ import annotations

from typing import Any

from filmfolio.films import access


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
    return access.can_watch_video(viewer, film, visibility=video.visibility)


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
