"""Burned copies: a video at one rung with a watermark text and/or a subtitle track drawn into
the picture, for a purpose an app above media names by an opaque key ("link:42").

``burned_copy_request`` records what to draw and queues the job; ``burned_copy_make`` (the job)
claims the copy, renders it with ffmpeg (``media.burn``), uploads the files under the copy's own
prefix and marks it ready, or failed with the reason; ``burned_copy_retry`` queues a failed one
again. Safe to run twice: only a queued copy, or a running one whose heartbeat stopped
(``TRANSCODE_STALL_SECONDS``), is claimed, and files are recorded only by the run holding it.
"""

from __future__ import annotations

import logging
import shutil
import time
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from filmfolio.core.audit import ChangeNote, record_change
from filmfolio.core.choices import AuditAction
from filmfolio.core.errors import ValidationFailedError

from .. import burn, ffmpeg, storage
from .. import subtitles as subs
from ..choices import BurnState
from ..conf import media_setting, work_dir
from ..models import BurnedCopy, SubtitleTrack, Video
from .pages import film_page_touch
from .permissions import require_manage
from .transcode import _rungs

log = logging.getLogger(__name__)
MAX_LINES, MAX_LINE_CHARS = 4, 120


@dataclass(frozen=True)
class BurnOptions:
    """What a copy shows in its picture: watermark lines (top left) and/or a subtitle track."""

    watermark_lines: tuple[str, ...] = field(default_factory=tuple)
    subtitle_track: SubtitleTrack | None = None


def _checked(video: Video, options: BurnOptions) -> list[str]:
    lines = [
        line[:MAX_LINE_CHARS]
        for line in burn.watermark_text(list(options.watermark_lines)).splitlines()
    ]
    track = options.subtitle_track
    if track is not None and track.video_id != video.pk:
        raise ValidationFailedError(_("This subtitle track belongs to another video."))
    if not lines and track is None:
        raise ValidationFailedError(_("A burned copy needs a watermark or a subtitle track."))
    if not video.is_ready:
        raise ValidationFailedError(_("The video is not ready yet: wait for its transcoding."))
    return lines[:MAX_LINES]


def burned_copy_request(
    *, video: Video, purpose_key: str, options: BurnOptions, actor: Any
) -> BurnedCopy:
    """Ask for the copy of ``video`` for ``purpose_key`` showing ``options``; the job is queued
    when the transaction commits. Asking again with other options makes the copy again; with
    the same options it returns the copy as it is (ready, or on its way)."""
    from ..tasks import burn_copy_task

    require_manage(actor=actor, film=video.film)
    lines = _checked(video, options)
    track = options.subtitle_track
    with transaction.atomic():
        copy = BurnedCopy.objects.select_for_update().filter(purpose_key=purpose_key).first()
        same = (
            copy is not None
            and copy.video_id == video.pk
            and copy.watermark_lines == lines
            and copy.subtitle_track_id == (track.pk if track else None)
            and copy.state != BurnState.FAILED
        )
        if same and copy is not None:
            return copy
        if copy is not None:
            _drop_files(copy)
            copy.delete()
        copy = BurnedCopy.objects.create(
            video=video,
            purpose_key=purpose_key,
            watermark_lines=lines,
            subtitle_track=track,
            requested_by=actor,
        )
        record_change(target=video, note=_note(actor, copy, AuditAction.ADD))
        transaction.on_commit(lambda: burn_copy_task.enqueue(copy.pk))
    return copy


def _note(actor: Any, copy: BurnedCopy, action: str) -> ChangeNote:
    what = " + ".join(
        part
        for part in (
            "watermark" if copy.watermark_lines else "",
            f"subtitles {copy.subtitle_track.language}" if copy.subtitle_track else "",
        )
        if part
    )
    return ChangeNote(
        actor=actor,
        action=action,
        changes={"burned_copy": {"old": None, "new": f"{copy.purpose_key}: {what}"}},
        summary=f"burned copy {copy.purpose_key}",
    )


def burned_copy_retry(*, copy: BurnedCopy, actor: Any) -> BurnedCopy:
    """Queue a failed copy again (the owner's retry)."""
    from ..tasks import burn_copy_task

    require_manage(actor=actor, film=copy.video.film)
    with transaction.atomic():
        updated = BurnedCopy.objects.filter(pk=copy.pk, state=BurnState.FAILED).update(
            state=BurnState.QUEUED, failure_reason="", progress_percent=0, attempt_count=0
        )
        if not updated:
            raise ValidationFailedError(_("Only a copy that failed can be tried again."))
        record_change(target=copy.video, note=_note(actor, copy, AuditAction.UPDATE))
        transaction.on_commit(lambda: burn_copy_task.enqueue(copy.pk))
    copy.refresh_from_db()
    return copy


def burned_copy_delete(*, purpose_key: str, actor: Any) -> bool:
    """Delete the copy made for ``purpose_key`` and its files; False when there is none."""
    copy = BurnedCopy.objects.select_related("video__film").filter(purpose_key=purpose_key).first()
    if copy is None:
        return False
    require_manage(actor=actor, film=copy.video.film)
    with transaction.atomic():
        record_change(target=copy.video, note=_note(actor, copy, AuditAction.REMOVE))
        copy.delete()
    _drop_files(copy)
    return True


def copy_dir(copy: BurnedCopy) -> str:
    """The storage prefix of a copy's files (inside its video's, so deleting the video deletes
    them)."""
    return f"{storage.video_dir(copy.video.film_id, copy.video.public_id)}/burned/{copy.public_id}"


def _drop_files(copy: BurnedCopy) -> None:
    storage.delete_tree(copy_dir(copy))


def _claim(copy_id: int) -> BurnedCopy | None:
    """Take the copy for this run: a queued one, or a running one whose heartbeat stopped."""
    now = timezone.now()
    stalled = now - timedelta(seconds=float(media_setting("TRANSCODE_STALL_SECONDS")))
    claimable = Q(state=BurnState.QUEUED) | Q(state=BurnState.RUNNING, heartbeat_at__lt=stalled)
    taken = BurnedCopy.objects.filter(claimable, pk=copy_id).update(
        state=BurnState.RUNNING,
        heartbeat_at=now,
        progress_percent=0,
        attempt_count=F("attempt_count") + 1,
    )
    if not taken:
        return None
    return BurnedCopy.objects.select_related("video__film", "subtitle_track").get(pk=copy_id)


class _Progress:
    """Writes the copy's percent done and heartbeat, at most every HEARTBEAT_SECONDS."""

    def __init__(self, copy: BurnedCopy) -> None:
        self.copy, self.last = copy, 0.0
        self.every = float(media_setting("HEARTBEAT_SECONDS"))

    def __call__(self, seconds_done: float) -> None:
        if time.monotonic() - self.last < self.every:
            return
        self.last = time.monotonic()
        duration = self.copy.video.duration_seconds or 0
        percent = min(95, int(seconds_done * 100 / duration)) if duration else 0
        BurnedCopy.objects.filter(pk=self.copy.pk, state=BurnState.RUNNING).update(
            progress_percent=percent, heartbeat_at=timezone.now()
        )


def burned_copy_make(*, copy_id: int) -> str:
    """Run the job for ``copy_id``; return what happened (for logs)."""
    copy = _claim(copy_id)
    if copy is None:
        return "skipped"
    scratch = work_dir("burned") / str(copy.public_id)
    shutil.rmtree(scratch, ignore_errors=True)
    (scratch / "hls").mkdir(parents=True)
    try:
        rung = _render(copy, scratch)
        _publish(copy, scratch / "hls", rung)
        return "ready"
    except ffmpeg.MediaToolError as exc:
        _fail(copy, exc.reason, retryable=exc.retryable)
    except Exception as exc:  # storage or database trouble: record it, the owner may retry
        log.exception("burned copy %s failed", copy_id)
        _fail(copy, _("Unexpected error: %(e)s") % {"e": exc}, retryable=True)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return "failed"


def burn_rung(source_height: int) -> ffmpeg.Rung:
    """The one rung of a copy: the highest active rung not above ``BURN_HEIGHT`` (and not above
    the source)."""
    limit = min(int(media_setting("BURN_HEIGHT")), source_height or 10**6)
    rungs = ffmpeg.ladder_for(limit, _rungs())
    if not rungs:
        raise ffmpeg.MediaToolError(_("No encode profile is active."), retryable=False)
    return rungs[0]


def _inputs(copy: BurnedCopy, scratch: Path) -> burn.BurnInputs:
    font = Path(str(media_setting("BURN_FONT_FILE")))
    if not font.is_file():
        reason = _("The font for burned text is not installed on the server (%(font)s).")
        raise ffmpeg.MediaToolError(reason % {"font": font.name}, retryable=False)
    text_file = subtitle_file = None
    if copy.watermark_lines:
        text_file = scratch / "watermark.txt"
        text_file.write_text(burn.watermark_text(copy.watermark_lines), encoding="utf-8")
    if copy.subtitle_track is not None:
        subtitle_file = scratch / "subtitles.srt"
        cues = subs.cues_from_vtt(copy.subtitle_track.vtt)
        subtitle_file.write_text(subs.to_srt(cues), encoding="utf-8")
    return burn.BurnInputs(
        font_file=font,
        text_file=text_file,
        subtitle_file=subtitle_file,
        has_audio=bool(copy.video.audio_codec),
    )


def _render(copy: BurnedCopy, scratch: Path) -> ffmpeg.Rung:
    video = copy.video
    source = storage.fetch_to(video.original_file, scratch / "source")
    rung = burn_rung(video.height or 0)
    args = burn.burned_hls_args(
        source=source,
        container=video.container,
        out_dir=scratch / "hls",
        rung=rung,
        inputs=_inputs(copy, scratch),
        options=ffmpeg.EncodeOptions(
            segment_seconds=int(media_setting("HLS_SEGMENT_SECONDS")),
            preset=str(media_setting("FFMPEG_PRESET")),
            threads=int(media_setting("FFMPEG_THREADS")),
        ),
    )
    limit = ffmpeg.time_limit_for(
        video.duration_seconds,
        base=float(media_setting("TRANSCODE_TIME_BASE_SECONDS")),
        per_second=float(media_setting("TRANSCODE_TIME_PER_SECOND")),
        ceiling=float(media_setting("TRANSCODE_TIME_LIMIT_SECONDS")),
    )
    memory = int(media_setting("FFMPEG_MEMORY_BYTES"))
    ffmpeg.run(args, timeout=limit, memory_bytes=memory, on_progress=_Progress(copy))
    return rung


def _publish(copy: BurnedCopy, out_dir: Path, rung: ffmpeg.Rung) -> None:
    """Upload the files under the copy's prefix, then record them if the copy is still ours."""
    prefix = copy_dir(copy)
    storage.delete_tree(prefix)
    names = [
        storage.move_in(f"{prefix}/{path.name}", path)
        for path in sorted(out_dir.iterdir())
        if path.is_file()
    ]
    size = sum(storage.media_storage().size(name) for name in names)
    recorded = BurnedCopy.objects.filter(pk=copy.pk, state=BurnState.RUNNING).update(
        state=BurnState.READY,
        progress_percent=100,
        height=rung.height,
        playlist_file=f"{prefix}/index.m3u8",
        files=names,
        size_bytes=size,
        failure_reason="",
        heartbeat_at=timezone.now(),
    )
    if not recorded:  # deleted or asked again meanwhile
        storage.delete_tree(prefix)
        return
    # The holder's page (cached per viewer) changes from "being prepared" to the player.
    film_page_touch(copy.video.film_id)


def _fail(copy: BurnedCopy, reason: str, *, retryable: bool) -> None:
    """Queue the copy again within the attempt bound, or mark it failed with ``reason``."""
    from ..tasks import burn_copy_task

    _drop_files(copy)
    again = retryable and copy.attempt_count < int(media_setting("TRANSCODE_MAX_ATTEMPTS"))
    with transaction.atomic():
        if again:
            queued = BurnedCopy.objects.filter(pk=copy.pk, state=BurnState.RUNNING).update(
                state=BurnState.QUEUED, failure_reason=reason
            )
            if queued:
                transaction.on_commit(lambda: burn_copy_task.enqueue(copy.pk))
            return
        BurnedCopy.objects.filter(pk=copy.pk, state=BurnState.RUNNING).update(
            state=BurnState.FAILED, failure_reason=reason
        )
