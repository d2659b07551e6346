"""Protected media files: every request asks ``media.policy`` before a byte is served.

Viewers who may not see a file get 404, whether or not it exists. Originals go to those who
manage the film; others get the streams, and the copy without metadata where the owner allows.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from django.http import Http404, HttpResponse, JsonResponse
from django.http.response import HttpResponseBase
from django.views.decorators.http import require_http_methods

from filmfolio.films.access import ViewerRequest
from filmfolio.films.hooks import play_refusal

from .. import hls_subtitles, storage
from ..conf import media_setting
from ..models import Image, Video
from ..policy import can_download_video, can_view_media, is_cacheable
from ..selectors import image_for_serving_for, video_for_serving_for
from ..serving import content_type_for, protected_file_response, protected_text_response
from .signed import signed_master_response, video_tokens

_VIDEO_PATH = re.compile(
    r"^(original|download|poster\.jpg|hls/master\.m3u8|hls/\w+/(index\.m3u8|seg_\d+\.ts)"
    r"|hls/subs/[0-9a-f-]{36}\.(m3u8|vtt))$"
)
_SUBTITLE_PATH = re.compile(r"^hls/subs/([0-9a-f-]{36})\.(m3u8|vtt)$")
_IMAGE_VARIANT = re.compile(r"^(original|w(\d+)\.webp)$")


# Files a video's record names in a field of its own (an empty field: no such file).
_RECORDED_FILES = {
    "download": "download_file",
    "poster.jpg": "poster_file",
    "hls/master.m3u8": "master_playlist_file",
}


def _video_name(video: Video, path: str) -> str | None:
    """The stored name for ``path`` of ``video`` if a record says it exists."""
    if path == "original":
        return video.original_file
    if path in _RECORDED_FILES:
        return getattr(video, _RECORDED_FILES[path]) or None
    name = f"{storage.video_dir(video.film_id, video.public_id)}/{path}"
    recorded = any(name == e.playlist_file or name in e.files for e in video.encodings.all())
    return name if recorded else None


@require_http_methods(["GET", "HEAD"])
def video_file(request: ViewerRequest, public_id: str, path: str) -> HttpResponseBase:
    """A video's original, poster frame, HLS master or variant playlist, or segment. The
    master playlist hands out signed addresses (``views.signed``); the unsigned variant and
    segment addresses stay for clients that ask for them, each checked by the policy."""
    if not _VIDEO_PATH.match(path):
        raise Http404
    video = video_for_serving_for(public_id)
    if video is None or not may_get(request.viewer, video, path):
        raise Http404
    if path == "hls/master.m3u8":
        return _play_refused(request, video) or signed_master_response(request, video)
    if path.startswith("hls/subs/"):
        return _subtitle_file(request, video, path)
    name = _video_name(video, path)
    if name is None:
        raise Http404
    download = None
    if path in ("original", "download"):
        download = f"{video.film.slug}-{video.kind}{PurePosixPath(name).suffix}"
    original = path in ("original", "download")
    cacheable = is_cacheable(film=video.film, video=video, original=original)
    return protected_file_response(request, name, download_name=download, cacheable=cacheable)


def _play_refused(request: ViewerRequest, video: Video) -> HttpResponse | None:
    """A play begins with the master playlist: a screener link's limit or window may refuse it
    (``films.hooks.play_refusal``), with the reason in the viewer's language."""
    refusal = play_refusal(request, video.film, visibility=video.visibility)
    if not refusal:
        return None
    return HttpResponse(refusal, status=403, content_type="text/plain; charset=utf-8")


def _subtitle_file(request: ViewerRequest, video: Video, path: str) -> HttpResponseBase:
    """One track's playlist or WebVTT at its unsigned address; the viewer may already watch
    the video."""
    cacheable = is_cacheable(film=video.film, video=video)
    tracks = list(video.subtitle_tracks.all())
    match = _SUBTITLE_PATH.match(path)
    track = next((t for t in tracks if match and str(t.public_id) == match[1]), None)
    if track is None or not video.master_playlist_file or match is None:
        raise Http404
    if match[2] == "vtt":
        body, kind = hls_subtitles.segment_vtt(track.vtt), "text/vtt; charset=utf-8"
    else:
        body = hls_subtitles.subtitle_playlist(track, duration_seconds=video.duration_seconds)
        kind = content_type_for(path)
    return protected_text_response(request, body, content_type=kind, cacheable=cacheable)


def may_get(viewer, video: Video, path: str) -> bool:
    """Originals for managers; the download copy where allowed; streams by visibility."""
    if path == "download":
        return can_download_video(viewer, video=video)
    return can_view_media(viewer, film=video.film, video=video, original=path == "original")


def _image_name(image: Image, variant: str) -> str | None:
    if variant == "original":
        return image.original_file
    width = int(variant[1:].split(".")[0])
    return next((r.file for r in image.renditions.all() if r.width == width), None)


@require_http_methods(["GET", "HEAD"])
def image_file(request: ViewerRequest, public_id: str, variant: str) -> HttpResponseBase:
    """An image rendition (``w640.webp``) or, for editors, the original with its metadata."""
    if not _IMAGE_VARIANT.match(variant):
        raise Http404
    image = image_for_serving_for(public_id)
    original = variant == "original"
    if image is None or not can_view_media(request.viewer, film=image.film, original=original):
        raise Http404
    name = _image_name(image, variant)
    if name is None:
        raise Http404
    cacheable = is_cacheable(film=image.film, original=original)
    return protected_file_response(request, name, cacheable=cacheable)


@require_http_methods(["GET"])
def video_token_refresh(request: ViewerRequest, public_id: str) -> JsonResponse:
    """Fresh tokens for the player of a video the viewer may still watch (404 otherwise: a
    revoked link gets none, and its addresses stop within ``SIGNED_URL_SECONDS``)."""
    video = video_for_serving_for(public_id)
    if video is None or not video.master_playlist_file:
        raise Http404
    if not may_get(request.viewer, video, "hls/master.m3u8"):
        raise Http404
    seconds = int(media_setting("SIGNED_URL_SECONDS"))
    response = JsonResponse({"expires_in": seconds, "tokens": video_tokens(request, video)})
    response["Cache-Control"] = "private, no-store"
    return response
