"""The media panels of the film page (``films.panels``): what every viewer sees (poster,
stills, videos that follow the film), rendered once per film version and cached; and a
viewer's own videos (screeners, the team's videos, videos in preparation for managers),
rendered on every request."""

from __future__ import annotations

from filmfolio.films.panels import PANELS, Panel, PanelContext, Visit
from filmfolio.films.record import FilmRecord

from .selectors import film_media_shown_to_all, film_videos_for_viewer


def _shown_to_all(record: FilmRecord) -> PanelContext:
    media = film_media_shown_to_all(record.film)
    return None if media.is_empty else {"media": media}


def _viewer_videos(visit: Visit) -> PanelContext:
    videos = film_videos_for_viewer(visit.viewer, visit.film)
    return {"videos": videos} if videos else None


PANELS.register(
    Panel(key="media", order=30, template="media/panels/media.html", context=_shown_to_all)
)
PANELS.register(
    Panel(
        key="media-viewer",
        order=31,
        template="media/panels/videos.html",
        context=_viewer_videos,
        per_viewer=True,
    )
)
