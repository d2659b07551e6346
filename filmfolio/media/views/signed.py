"""Signed HLS: the master playlist with signed addresses, fresh tokens for the player, and the
files behind a signed address (see ``media.signing``).

``signed_file`` trusts the signature alone: it needs no database, session or user for variant
playlists and segments (``media.middleware.SignedMediaMiddleware`` answers these addresses
before the session middleware runs); a subtitle rendition reads its cues (one query).
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from django.http import Http404, HttpRequest
from django.http.response import HttpResponseBase
from django.views.decorators.http import require_http_methods

from .. import hls_subtitles, signing, storage
from ..models import SubtitleTrack, Video
from ..policy import is_cacheable
from ..serving import content_type_for, protected_file_response, protected_text_response


def _grant(request: HttpRequest, video: Video) -> str:
    """Public media for anyone holding the address; everything else for this session only."""
    if is_cacheable(film=video.film, video=video):
        return signing.PUBLIC_GRANT
    session = request.session
    if not session.session_key:
        session.save()
    return signing.session_grant(session.session_key)


def video_tokens(request: HttpRequest, video: Video) -> dict[str, str]:
    """One fresh token per rendition of ``video`` (its rungs, and ``subs`` when it has
    tracks), for a viewer the policy already let in."""
    grant = _grant(request, video)
    renditions = [PurePosixPath(e.playlist_file).parent.name for e in video.encodings.all()]
    if video.subtitle_tracks.all():
        renditions.append("subs")
    return {
        rendition: signing.make_token(
            public_id=video.public_id, film_id=video.film_id, rendition=rendition, grant=grant
        )
        for rendition in renditions
    }


def signed_master_response(request: HttpRequest, video: Video) -> HttpResponseBase:
    """The master playlist, its subtitle renditions added and every address signed. Never kept
    by a cache: its tokens expire, and a revoked viewer must not get new ones."""
    if not video.master_playlist_file:
        raise Http404
    master = storage.read_text(video.master_playlist_file)
    master = hls_subtitles.master_with_subtitles(master, list(video.subtitle_tracks.all()))
    body = signing.signed_master(master, video_tokens(request, video), public_id=video.public_id)
    return protected_text_response(
        request, body, content_type=content_type_for("master.m3u8"), cacheable=False
    )


@require_http_methods(["GET", "HEAD"])
def signed_file(
    request: HttpRequest, public_id: str, token: str, rendition: str
) -> HttpResponseBase:
    """A variant playlist, segment or subtitle rendition behind a valid signed address; 403
    (and no file) for a forged, altered, expired or borrowed one."""
    grant = None
    if re.fullmatch(signing.RENDITION, rendition):
        grant = signing.check_token(
            request, public_id=str(public_id), token=token, rendition=rendition.split("/")[0]
        )
    if grant is None:
        return protected_text_response(
            request, "Forbidden\n", content_type="text/plain", cacheable=False, status=403
        )
    if rendition.startswith("subs/"):
        return _subtitle_response(request, str(public_id), rendition, public=grant.public)
    name = f"{storage.video_dir(grant.film_id, public_id)}/hls/{rendition}"
    return protected_file_response(request, name, cacheable=grant.public)


def _subtitle_response(
    request: HttpRequest, public_id: str, rendition: str, *, public: bool
) -> HttpResponseBase:
    track_id, _, extension = rendition.removeprefix("subs/").partition(".")
    track = (
        SubtitleTrack.objects.select_related("video")
        .filter(public_id=track_id, video__public_id=public_id)
        .first()
    )
    if track is None:
        raise Http404
    if extension == "vtt":
        body, kind = hls_subtitles.segment_vtt(track.vtt), "text/vtt; charset=utf-8"
    else:
        duration = track.video.duration_seconds
        body = hls_subtitles.subtitle_playlist(track, duration_seconds=duration)
        kind = content_type_for(rendition)
    return protected_text_response(request, body, content_type=kind, cacheable=public)
