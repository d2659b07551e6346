"""The media section of a film's studio: poster, albums and stills, trailer, screener and
extras, each video's visibility, uploads and their transcoding (the former media manager,
``/media/films/<slug>/manage/``, now ``/studio/films/<slug>/media/``)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

from filmfolio.films.studio import SECTIONS, Section
from filmfolio.films.studio.frame import render_section
from filmfolio.sharing import access

from .choices import VideoKind, VideoVisibility
from .conf import media_setting
from .forms import AlbumForm, ImageUploadForm
from .models import Image


def media_section(request: HttpRequest, film: Any) -> HttpResponse:
    """Upload, order and caption images; upload videos and follow their transcoding."""
    viewer = access.viewer_for(request)
    context = {
        "viewer": viewer,
        "image_form": ImageUploadForm(film=film),
        "album_form": AlbumForm(),
        "videos": film.videos.all(),
        "images": Image.objects.filter(film=film).prefetch_related("renditions"),
        "albums": film.albums.all(),
        "video_kinds": VideoKind.choices,
        "video_visibilities": VideoVisibility.choices,
        "can_own": access.can_own_film(viewer, film),
        "chunk_bytes": media_setting("UPLOAD_CHUNK_BYTES"),
    }
    return render_section(request, film, "media", "media/manage.html", context)


def _media_count(film: Any) -> int:
    return int(film.videos.count() + Image.objects.filter(film=film).count())


SECTIONS.register(
    Section(key="media", order=110, label=_("Media"), view=media_section, count=_media_count)
)
