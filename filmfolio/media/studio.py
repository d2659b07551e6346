"""The media section of a film's studio: the uploader with its unfinished uploads, the poster
(from a still or a trailer frame), the stills and their order, albums, trailer, screener and
extras, each video's visibility and its transcoding (the former media manager,
``/media/films/<slug>/manage/``, now ``/studio/films/<slug>/media/``)."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _

from filmfolio.films import access
from filmfolio.films.access import ViewerRequest
from filmfolio.films.studio import SECTIONS, Section
from filmfolio.films.studio.frame import render_section

from .choices import VideoKind, VideoState, VideoVisibility
from .conf import media_setting
from .forms import AlbumForm
from .models import Image
from .selectors import uploads_open_for
from .views.manager_text import manager_text


def media_section(request: ViewerRequest, film: Any) -> HttpResponse:
    """Upload, order and caption images; pick the poster; upload videos and follow their
    transcoding."""
    images = list(Image.objects.filter(film=film).prefetch_related("renditions"))
    videos = list(film.videos.prefetch_related("subtitle_tracks"))
    context = {
        "viewer": request.viewer,
        "album_form": AlbumForm(),
        "videos": videos,
        "frame_videos": [v for v in videos if v.state == VideoState.READY and v.duration_seconds],
        "stills": [image for image in images if not image.is_poster],
        "poster": next((image for image in images if image.is_poster), None),
        "albums": film.albums.all(),
        "open_uploads": uploads_open_for(request.user, film),
        "video_kinds": VideoKind.choices,
        "video_visibilities": VideoVisibility.choices,
        "can_own": access.can_own_film(request.viewer, film),
        "chunk_bytes": media_setting("UPLOAD_CHUNK_BYTES"),
        "manager_text": manager_text(),
    }
    return render_section(request, film, "media", "media/manage.html", context)


def _media_count(film: Any) -> int:
    return int(film.videos.count() + Image.objects.filter(film=film).count())


SECTIONS.register(
    Section(key="media", order=110, label=_("Media"), view=media_section, count=_media_count)
)
