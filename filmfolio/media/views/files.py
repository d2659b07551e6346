"""Protected media files: every request asks ``media.policy`` before a byte is served.

Viewers who may not see a file get 404, whether or not it exists.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from django.http import Http404, HttpRequest
from django.http.response import HttpResponseBase
from django.views.decorators.http import require_http_methods

from filmfolio.sharing.access import viewer_for

from .. import storage
from ..models import Image, Video
from ..policy import can_view_media
from ..selectors import image_for_serving_for, video_for_serving_for
from ..serving import protected_file_response

_VIDEO_PATH = re.compile(
    r"^(original|poster\.jpg|hls/master\.m3u8|hls/\w+/(index\.m3u8|seg_\d+\.ts))$"
)
_IMAGE_VARIANT = re.compile(r"^(original|w(\d+)\.webp)$")


def _video_name(video: Video, path: str) -> str | None:
    """The stored name for ``path`` of ``video`` if a record says it exists."""
    if path == "original":
        return video.original_file
    if path == "poster.jpg":
        return video.poster_file or None
    if path == "hls/master.m3u8":
        return video.master_playlist_file or None
    name = f"{storage.video_dir(video.film_id, video.public_id)}/{path}"
    recorded = any(name == e.playlist_file or name in e.files for e in video.encodings.all())
    return name if recorded else None


@require_http_methods(["GET", "HEAD"])
def video_file(request: HttpRequest, public_id: str, path: str) -> HttpResponseBase:
    """A video's original, poster frame, HLS master or variant playlist, or segment."""
    if not _VIDEO_PATH.match(path):
        raise Http404
    video = video_for_serving_for(public_id)
    if video is None or not can_view_media(viewer_for(request), film=video.film, video=video):
        raise Http404
    name = _video_name(video, path)
    if name is None:
        raise Http404
    download = None
    if path == "original":
        download = f"{video.film.slug}-{video.kind}{PurePosixPath(name).suffix}"
    return protected_file_response(request, name, download_name=download)


def _image_name(image: Image, variant: str) -> str | None:
    if variant == "original":
        return image.original_file
    width = int(variant[1:].split(".")[0])
    return next((r.file for r in image.renditions.all() if r.width == width), None)


@require_http_methods(["GET", "HEAD"])
def image_file(request: HttpRequest, public_id: str, variant: str) -> HttpResponseBase:
    """An image rendition (``w640.webp``) or, for editors, the original with its metadata."""
    if not _IMAGE_VARIANT.match(variant):
        raise Http404
    image = image_for_serving_for(public_id)
    original = variant == "original"
    if image is None or not can_view_media(
        viewer_for(request), film=image.film, original_image=original
    ):
        raise Http404
    name = _image_name(image, variant)
    if name is None:
        raise Http404
    return protected_file_response(request, name)
