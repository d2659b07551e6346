"""The poster taken from a frame of a video: asked for on the manager, made by a background job.

``poster_frame_request`` records the wish (which video, at what time) and queues
``tasks.poster_frame_task``; ``poster_frame_extract`` (the job) writes one JPEG of the video's
original at that time with the ffmpeg adapter's ``poster_args`` under ``processes``' limits, and
stores it through ``image_upload`` as the film's poster, so the rights are checked again when the
job runs and the film's page gets its new version there. Progress is kept on the request.
"""

from __future__ import annotations

import logging
import shutil
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from filmfolio.core.errors import DomainError, ValidationFailedError

from .. import ffmpeg, storage
from ..choices import FrameState
from ..conf import media_setting, work_dir
from ..models import PosterFrame, Video
from .images import ImageDetails, image_upload
from .permissions import require_manage

log = logging.getLogger(__name__)

FRAME_TIME_LIMIT_SECONDS = 120.0
# The frame's height: the video's own, never more than a 4K picture.
FRAME_MAX_HEIGHT = 2160


def poster_frame_request(*, video: Video, actor: Any, at_seconds: float) -> PosterFrame:
    """Ask for the film's poster to be made from ``video`` at ``at_seconds``; queue the job."""
    from ..tasks import poster_frame_task

    require_manage(actor=actor, film=video.film)
    duration = video.duration_seconds or 0.0
    if not (0 <= at_seconds < duration):
        raise ValidationFailedError(
            _("Choose a time between 0 and %(end).1f seconds.") % {"end": duration}
        )
    frame = PosterFrame.objects.create(
        film_id=video.film_id, video=video, at_seconds=at_seconds, requested_by=actor
    )
    transaction.on_commit(lambda: poster_frame_task.enqueue(frame.pk))
    return frame


def _step(frame: PosterFrame, **fields: Any) -> None:
    PosterFrame.objects.filter(pk=frame.pk).update(**fields)
    for name, value in fields.items():
        setattr(frame, name, value)


def poster_frame_extract(*, frame_id: int) -> str:
    """Take the frame and make it the poster (the job); return what happened (for logs)."""
    claimed = PosterFrame.objects.filter(pk=frame_id, state=FrameState.QUEUED).update(
        state=FrameState.RUNNING, progress_percent=10
    )
    if not claimed:
        return "skipped"
    frame = PosterFrame.objects.select_related("video", "film", "requested_by").get(pk=frame_id)
    scratch = work_dir("frames") / str(frame.public_id)
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    try:
        data = _frame_bytes(frame, scratch)
        image = image_upload(
            film=frame.film,
            actor=frame.requested_by,
            data=data,
            details=ImageDetails(is_poster=True),
        )
    except (DomainError, ffmpeg.MediaToolError) as exc:
        reason = exc.message if isinstance(exc, DomainError) else exc.reason
        _step(frame, state=FrameState.FAILED, failure_reason=reason)
        return "failed"
    except Exception as exc:  # storage trouble: the page must not wait for ever
        log.exception("poster frame %s failed", frame_id)
        _step(
            frame, state=FrameState.FAILED, failure_reason=_("Unexpected error: %(e)s") % {"e": exc}
        )
        return "failed"
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    _step(frame, state=FrameState.DONE, progress_percent=100, image=image)
    return "done"


def _frame_bytes(frame: PosterFrame, scratch) -> bytes:
    """The JPEG of the frame, written by ffmpeg from the video's original."""
    require_manage(actor=frame.requested_by, film=frame.film)
    video = frame.video
    source = storage.fetch_to(video.original_file, scratch / "source")
    _step(frame, progress_percent=40)
    target = scratch / "frame.jpg"
    args = ffmpeg.poster_args(
        source=source,
        container=video.container,
        target=target,
        at_seconds=frame.at_seconds,
        height=min(video.height or 720, FRAME_MAX_HEIGHT),
    )
    ffmpeg.run(
        args,
        timeout=FRAME_TIME_LIMIT_SECONDS,
        memory_bytes=int(media_setting("FFMPEG_MEMORY_BYTES")),
    )
    if not target.exists() or not target.stat().st_size:
        raise ValidationFailedError(_("The video has no picture at that time. Choose another."))
    _step(frame, progress_percent=70)
    return target.read_bytes()
