"""The media panels of the film page (``films.panels``).

Rendered once per film version and cached (record panels), from one read of what every viewer
of the film sees (``film_media_shown_to_all``, made once per rendered page):

* ``media-poster`` (order 5): the poster, beside the header on a wide screen;
* ``media-trailer`` (order 15): the trailer's player, under the header, in the first screen;
* ``media-gallery`` (order 35): the stills by album with their lightbox, and the other videos;
* ``media-tracks`` (order 101): the declared subtitle languages beside the subtitle tracks of
  those videos ("English subtitles ✓").

Rendered on every request (viewer panels), and answering without a query for a visitor they
show nothing to:

* ``media-viewer`` (order 3): a viewer's own videos first (a screener holder's screener, the
  team's videos, videos in preparation for those who manage the film);
* ``media-specs`` (order 110): the "Declared vs Measured in this file" table of each video, for
  the film's managers only.
"""

from __future__ import annotations

from typing import Any

from filmfolio.films.access import Access
from filmfolio.films.panels import PANELS, Panel, PanelContext, Visit
from filmfolio.films.record import FilmRecord

from .choices import VideoKind
from .policy import can_download_video
from .selectors import FilmMedia, film_media_shown_to_all, film_videos_for_viewer, videos_of_film
from .tracks import subtitle_rows, subtitle_tracks_of

# The kinds of video that may lead the page, best first.
LEADING_KINDS = (VideoKind.TRAILER, VideoKind.TEASER, VideoKind.EXCERPT)
_MEMO = "_media_shown_to_all"


def _media(record: FilmRecord) -> FilmMedia:
    """What every viewer sees of the film's media, read once for the three record panels (a
    record is built for one rendering of the page, so it can carry the answer)."""
    media = record.__dict__.get(_MEMO)
    if media is None:
        media = film_media_shown_to_all(record.film)
        record.__dict__[_MEMO] = media
    return media


def leading_video(videos: list[Any]) -> Any:
    """The video the page leads with: the first trailer, else teaser, else excerpt."""
    for kind in LEADING_KINDS:
        for video in videos:
            if video.kind == kind:
                return video
    return None


def _poster(record: FilmRecord) -> PanelContext:
    poster = _media(record).poster
    return {"poster": poster} if poster else None


def _trailer(record: FilmRecord) -> PanelContext:
    video = leading_video(_media(record).videos)
    return {"video": video} if video else None


def _gallery(record: FilmRecord) -> PanelContext:
    media = _media(record)
    lead = leading_video(media.videos)
    albums = [block for block in media.albums if block.images]
    videos = [video for video in media.videos if video is not lead]
    return {"albums": albums, "videos": videos} if albums or videos else None


def _tracks(record: FilmRecord) -> PanelContext:
    videos = _media(record).videos
    if not videos:
        return None
    rows = subtitle_rows(record.subtitles, subtitle_tracks_of(videos))
    return {"rows": rows} if rows else None


def _viewer_videos(visit: Visit) -> PanelContext:
    videos = film_videos_for_viewer(visit.viewer, visit.film)
    if not videos:
        return None
    holder = visit.film.pk in visit.viewer.link_film_ids and visit.access < Access.EDIT
    downloads = {
        v.pk for v in videos if v.download_file and can_download_video(visit.viewer, video=v)
    }
    return {"videos": videos, "screener_for": holder, "downloads": downloads}


def _specs(visit: Visit) -> PanelContext:
    if visit.access < Access.EDIT:
        return None
    videos = videos_of_film(visit.film)
    return {"videos": videos} if videos else None


PANELS.register(
    Panel(key="media-poster", order=5, template="media/panels/poster.html", context=_poster)
)
PANELS.register(
    Panel(key="media-trailer", order=15, template="media/panels/trailer.html", context=_trailer)
)
PANELS.register(
    Panel(key="media-gallery", order=35, template="media/panels/gallery.html", context=_gallery)
)
PANELS.register(
    Panel(key="media-tracks", order=101, template="media/panels/tracks.html", context=_tracks)
)
PANELS.register(
    Panel(
        key="media-viewer",
        order=3,
        template="media/panels/videos.html",
        context=_viewer_videos,
        per_viewer=True,
    )
)
PANELS.register(
    Panel(
        key="media-specs",
        order=110,
        template="media/panels/specs.html",
        context=_specs,
        per_viewer=True,
    )
)
