"""The subtitle tracks of a video: list them (whoever may watch the video), add one from a
subtitle file and delete one (whoever may change the film's media). Token or session auth.

Each write parses the body and calls one service of ``media.services``, which checks the
caller's right, reads and checks the file, writes all or nothing and records the change.
"""

from __future__ import annotations

import base64
import binascii
import uuid
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from filmfolio.core.errors import ValidationFailedError
from filmfolio.media import services
from filmfolio.media.choices import SubtitleKind
from filmfolio.media.models import Video
from filmfolio.media.policy import can_view_media
from filmfolio.media.selectors import video_for_serving_for

from ..auth import WRITE_AUTH
from ..errors import WRITE_ERRORS, ApiError
from ..inputs import LanguageTag
from .edits import writer

router = Router(tags=["subtitles"], auth=WRITE_AUTH)


class SubtitleTrackOut(Schema):
    id: uuid.UUID = Field(..., alias="public_id")
    language: str
    kind: str
    label: str
    cue_count: int
    original_name: str
    original_format: str
    original_encoding: str
    position: int


class SubtitleTrackIn(Schema):
    language: LanguageTag
    kind: SubtitleKind = SubtitleKind.SUBTITLES
    label: str = Field("", max_length=100)
    filename: str = Field("", max_length=255)
    encoding: str = Field("", max_length=16, description="blank: found from the bytes")
    data_base64: str = Field(..., min_length=1, max_length=4 * 1024 * 1024)
    declare_language: bool = False


def _video(request: HttpRequest, video_id: uuid.UUID) -> Video:
    """The video if the caller may watch it, else a 404 (never revealing that it exists)."""
    video = video_for_serving_for(video_id)
    if video is None or not can_view_media(writer(request), film=video.film, video=video):
        raise ApiError(404, "not_found", _("No video has this address."))
    return video


@router.get(
    "/videos/{video_id}/subtitles",
    response={200: list[SubtitleTrackOut], **WRITE_ERRORS},
    operation_id="videos_subtitles_list",
)
def subtitles_list(request: HttpRequest, video_id: uuid.UUID) -> Any:
    """The video's subtitle tracks in the player's order."""
    return list(_video(request, video_id).subtitle_tracks.all())


@router.post(
    "/videos/{video_id}/subtitles",
    response={201: SubtitleTrackOut, **WRITE_ERRORS},
    operation_id="videos_subtitles_create",
)
def subtitles_create(request: HttpRequest, video_id: uuid.UUID, payload: SubtitleTrackIn) -> Any:
    """Add a track from a SubRip or WebVTT file (base64), in any encoding we can read."""
    video = _video(request, video_id)
    try:
        data = base64.b64decode(payload.data_base64, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ValidationFailedError(
            _("The file is not valid base64."), errors={"data_base64": [_("Not base64.")]}
        ) from exc
    details = services.SubtitleDetails(
        language=payload.language,
        kind=payload.kind,
        label=payload.label,
        filename=payload.filename,
        declare_language=payload.declare_language,
    )
    track = services.subtitle_track_add(
        video=video,
        actor=writer(request).user,
        data=data,
        details=details,
        encoding=payload.encoding,
    )
    return Status(201, track)


@router.delete(
    "/videos/{video_id}/subtitles/{track_id}",
    response={204: None, **WRITE_ERRORS},
    operation_id="videos_subtitles_delete",
)
def subtitles_delete(request: HttpRequest, video_id: uuid.UUID, track_id: uuid.UUID) -> Any:
    """Delete a track."""
    video = _video(request, video_id)
    track = video.subtitle_tracks.filter(public_id=track_id).first()
    if track is None:
        raise ApiError(404, "not_found", _("This video has no such subtitle track."))
    services.subtitle_track_delete(track=track, actor=writer(request).user)
    return Status(204, None)
