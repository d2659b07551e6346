"""Who may see and change a film's media: ``sharing.access`` plus per-video visibility.

This is the one media policy. Pages, serving views and selectors call ``can_view_media``; it asks
``sharing.access`` whether the viewer may open the film at all, then applies the video's own
visibility (a public trailer beside a screener for the team and screener links only).
"""

from __future__ import annotations

from typing import Any

from filmfolio.sharing import access

from .choices import VideoVisibility


def _is_team(viewer: access.Viewer, film: Any) -> bool:
    return viewer.is_admin or access.collaborator_role(viewer, film) is not None


def can_view_media(
    viewer: access.Viewer, *, film: Any, video: Any = None, original_image: bool = False
) -> bool:
    """May ``viewer`` see this media of ``film``?

    Images (poster, stills and their renditions) follow the film. Image originals keep the
    photographer's metadata (GPS), so only those who may edit the film get them. A video also
    follows its visibility: FILM as the film; SCREENER for the team and sessions holding a
    screener link to the film; TEAM for collaborators only.
    """
    if not access.can_view_film(viewer, film):
        return False
    if original_image:
        return access.can_edit_film(viewer, film)
    if video is None or video.visibility == VideoVisibility.FILM:
        return True
    if video.visibility == VideoVisibility.SCREENER:
        return film.pk in viewer.link_film_ids or _is_team(viewer, film)
    return _is_team(viewer, film)


def can_manage_media(viewer: access.Viewer, *, film: Any) -> bool:
    """May ``viewer`` upload, reorder, retry and delete the film's media?"""
    return access.can_edit_film(viewer, film)
