"""The transcode job: claim a lease, encode the HLS ladder and poster frame, publish, or fail.

Safe to run any number of times for the same video: a run first claims the video's lease in a
transaction (only a queued video, or one whose lease ran out because its worker died, can be
claimed); work happens in a scratch directory of its own; files are uploaded under fixed names
after clearing that prefix; and ``Encoding`` rows are written in the same transaction that marks
the video ready, after checking the lease is still ours. A killed worker therefore leaves no
records, and the next run overwrites its partial files, giving exactly one set of renditions.
"""

from __future__ import annotations

import logging
import shutil
import time
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from filmfolio.core.errors import ValidationFailedError
from filmfolio.films import access

from .. import ffmpeg, storage
from ..choices import AttemptStatus, VideoKind, VideoState, VideoVisibility
from ..conf import media_setting, work_dir
from ..models import DEFAULT_LADDER, EncodeProfile, Encoding, TranscodeAttempt, Video
from .downloads import video_download_withdraw
from .pages import film_page_touch
from .permissions import require_manage, require_visibility
from .queue import claim, lease_until, mark_failed, queue_next, video_jobs_cancel

log = logging.getLogger(__name__)


class LeaseLostError(Exception):
    """Another attempt took over this video (ours was presumed dead)."""


def video_transcode(*, video_id: int) -> str:
    """Run one transcode attempt for ``video_id``; return what happened (for logs)."""
    claimed = claim(video_id)
    if claimed is None:
        return "skipped"
    video, attempt = claimed
    scratch = work_dir("transcode") / str(video.public_id)
    shutil.rmtree(scratch, ignore_errors=True)
    out_dir = scratch / str(attempt.number)
    out_dir.mkdir(parents=True)
    try:
        rungs = _encode(video, attempt, out_dir)
        _publish(video, attempt, out_dir, rungs)
        return "ready"
    except LeaseLostError:
        if not Video.objects.filter(pk=video.pk).exists():  # deleted while it ran
            storage.delete_tree(storage.video_dir(video.film_id, video.public_id))
            return "cancelled"
        return "lease lost"
    except ffmpeg.MediaToolError as exc:
        _fail(video, attempt, exc.reason, exc.detail, retryable=exc.retryable)
        return "failed"
    except Exception as exc:  # storage or database trouble: record it, retry within the bound
        log.exception("transcode of video %s failed", video_id)
        _fail(video, attempt, _("Unexpected error: %(e)s") % {"e": exc}, repr(exc))
        return "failed"
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
        queue_next()


class _Heartbeat:
    """Records progress and renews the lease at most every HEARTBEAT_SECONDS."""

    def __init__(self, video: Video, attempt: TranscodeAttempt) -> None:
        self.video, self.attempt, self.last = video, attempt, 0.0
        self.every = float(media_setting("HEARTBEAT_SECONDS"))
        self.seconds_done = 0.0

    def __call__(self, seconds_done: float) -> None:
        self.seconds_done = max(self.seconds_done, seconds_done)
        if time.monotonic() - self.last < self.every:
            return
        self.last = time.monotonic()
        duration = self.video.duration_seconds or 0
        percent = min(95, int(seconds_done * 100 / duration)) if duration else 0
        self.beat(percent)

    def beat(self, percent: int) -> None:
        now = timezone.now()
        renewed = Video.objects.filter(
            pk=self.video.pk, state=VideoState.TRANSCODING, current_attempt=self.attempt.number
        ).update(progress_percent=percent, lease_expires_at=lease_until(now))
        if not renewed:
            raise LeaseLostError
        TranscodeAttempt.objects.filter(pk=self.attempt.pk).update(
            progress_percent=percent, heartbeat_at=now
        )


def _rungs() -> list[ffmpeg.Rung]:
    """The active ladder; the default ladder is created when there are no profiles at all."""
    if not EncodeProfile.objects.exists():
        EncodeProfile.objects.bulk_create(
            [
                EncodeProfile(name=n, height=h, video_bitrate_kbps=v, audio_bitrate_kbps=a)
                for n, h, v, a in DEFAULT_LADDER
            ],
            ignore_conflicts=True,
        )
    return [
        ffmpeg.Rung(p.name, p.height, p.video_bitrate_kbps, p.audio_bitrate_kbps)
        for p in EncodeProfile.objects.filter(is_active=True)
    ]


def _encode(video: Video, attempt: TranscodeAttempt, out_dir: Path) -> list[ffmpeg.Rung]:
    """Write the HLS ladder and ``poster.jpg`` into ``out_dir``; return the rungs made."""
    source = storage.fetch_to(video.original_file, out_dir.parent / "source")
    rungs = ffmpeg.ladder_for(video.height or 0, _rungs())
    if not rungs:
        raise ffmpeg.MediaToolError(_("No encode profile is active."))
    heartbeat = _Heartbeat(video, attempt)
    limit = ffmpeg.time_limit_for(
        video.duration_seconds,
        base=float(media_setting("TRANSCODE_TIME_BASE_SECONDS")),
        per_second=float(media_setting("TRANSCODE_TIME_PER_SECOND")),
        ceiling=float(media_setting("TRANSCODE_TIME_LIMIT_SECONDS")),
    )
    memory = int(media_setting("FFMPEG_MEMORY_BYTES"))
    args = ffmpeg.hls_args(
        source=source,
        container=video.container,
        out_dir=out_dir / "hls",
        rungs=rungs,
        has_audio=bool(video.audio_codec),
        options=ffmpeg.EncodeOptions(
            segment_seconds=int(media_setting("HLS_SEGMENT_SECONDS")),
            preset=str(media_setting("FFMPEG_PRESET")),
            threads=int(media_setting("FFMPEG_THREADS")),
        ),
    )
    ffmpeg.run(args, timeout=limit, memory_bytes=memory, on_progress=heartbeat)
    _check_complete(video, heartbeat.seconds_done)
    heartbeat.beat(96)
    at = min(5.0, (video.duration_seconds or 0) / 10)
    poster = ffmpeg.poster_args(
        source=source,
        container=video.container,
        target=out_dir / "poster.jpg",
        at_seconds=at,
        height=min(720, rungs[0].height),
    )
    ffmpeg.run(poster, timeout=min(limit, 300.0), memory_bytes=memory, on_progress=heartbeat)
    return rungs


def _check_complete(video: Video, seconds_done: float) -> None:
    """Refuse a source whose pictures stop well before its declared duration (a cut file)."""
    declared = video.duration_seconds or 0
    if declared and seconds_done < declared * 0.9 - 1:
        reason = _(
            "The video stops at %(done).1f s of %(total).1f s: the file looks truncated or "
            "damaged. Upload it again."
        ) % {"done": seconds_done, "total": declared}
        raise ffmpeg.MediaToolError(reason, retryable=False)


def _publish(video: Video, attempt: TranscodeAttempt, out_dir: Path, rungs) -> None:
    """Upload the outputs under the video's fixed names, then record them if still ours."""
    prefix = storage.video_dir(video.film_id, video.public_id)
    storage.delete_tree(f"{prefix}/hls")
    uploaded: dict[str, list[str]] = {}
    for path in sorted((out_dir / "hls").rglob("*")):
        if path.is_file():
            rel = path.relative_to(out_dir / "hls").as_posix()
            name = storage.move_in(f"{prefix}/hls/{rel}", path)
            uploaded.setdefault(rel.split("/")[0] if "/" in rel else "", []).append(name)
    poster = storage.move_in(f"{prefix}/poster.jpg", out_dir / "poster.jpg")
    with transaction.atomic():
        current = Video.objects.select_for_update().filter(pk=video.pk).first()
        if current is None or current.state != VideoState.TRANSCODING:
            raise LeaseLostError
        if current.current_attempt != attempt.number:
            raise LeaseLostError
        current.encodings.all().delete()
        Encoding.objects.bulk_create(_encodings(current, rungs, prefix, uploaded))
        now = timezone.now()
        current.state, current.progress_percent, current.failure_reason = VideoState.READY, 100, ""
        current.poster_file, current.master_playlist_file = poster, f"{prefix}/hls/master.m3u8"
        current.lease_expires_at = None
        current.save()
        film_page_touch(current.film_id)
        TranscodeAttempt.objects.filter(pk=attempt.pk).update(
            status=AttemptStatus.SUCCEEDED, progress_percent=100, finished_at=now, heartbeat_at=now
        )


def _encodings(video: Video, rungs, prefix: str, uploaded: dict[str, list[str]]) -> list[Encoding]:
    profiles = {p.name: p for p in EncodeProfile.objects.all()}
    rows = []
    for rung in rungs:
        files = sorted(uploaded.get(rung.name, []))
        width = round((video.width or 16) * rung.height / (video.height or 9) / 2) * 2
        rows.append(
            Encoding(
                video=video,
                profile=profiles[rung.name],
                width=width,
                height=rung.height,
                bandwidth_bps=(rung.video_kbps + rung.audio_kbps) * 1000,
                playlist_file=f"{prefix}/hls/{rung.name}/index.m3u8",
                files=files,
                size_bytes=sum(storage.media_storage().size(f) for f in files),
            )
        )
    return rows


def _fail(
    video: Video, attempt: TranscodeAttempt, reason: str, detail: str, *, retryable: bool = True
) -> None:
    """Close the attempt; queue another within the bound, or mark the video failed."""
    from ..tasks import transcode_video_task

    now = timezone.now()
    with transaction.atomic():
        current = Video.objects.select_for_update().filter(pk=video.pk).first()
        if current is None:  # deleted meanwhile
            return
        TranscodeAttempt.objects.filter(pk=attempt.pk).update(
            status=AttemptStatus.FAILED, error=f"{reason}\n{detail}".strip(), finished_at=now
        )
        if current.current_attempt != attempt.number or current.state != VideoState.TRANSCODING:
            return
        budget_left = current.attempt_count < int(media_setting("TRANSCODE_MAX_ATTEMPTS"))
        if retryable and budget_left:
            current.state, current.lease_expires_at = VideoState.QUEUED, None
            current.save(update_fields=["state", "lease_expires_at", "updated_at"])
            transaction.on_commit(lambda: transcode_video_task.enqueue(current.pk))
            return
        mark_failed(current, reason)
    storage.delete_tree(f"{storage.video_dir(video.film_id, video.public_id)}/hls")


def video_retry(*, video: Video, actor: Any) -> Video:
    """Queue a failed video again with a fresh attempt budget (the owner's retry button)."""
    from ..tasks import transcode_video_task

    require_manage(actor=actor, film=video.film)
    with transaction.atomic():
        updated = Video.objects.filter(pk=video.pk, state=VideoState.FAILED).update(
            state=VideoState.QUEUED, attempt_count=0, failure_reason="", progress_percent=0
        )
        if not updated:
            raise ValidationFailedError(_("Only a failed video can be retried."))
        transaction.on_commit(lambda: transcode_video_task.enqueue(video.pk))
    video.refresh_from_db()
    return video


def video_update(
    *,
    video: Video,
    actor: Any,
    title: str,
    kind: str,
    visibility: str,
    allow_download: bool | None = None,
) -> Video:
    """Change a video's title, kind, who may watch it and whether viewers may download it.

    Editors may keep or narrow who may watch and turn downloads off; widening either is the
    owner's decision. Turning downloads on queues the copy without metadata; off deletes it.
    """
    from ..tasks import prepare_download_task

    require_manage(actor=actor, film=video.film)
    if kind not in VideoKind.values or visibility not in VideoVisibility.values:
        raise ValidationFailedError(_("Choose the kind of video and who may watch it."))
    require_visibility(actor=actor, film=video.film, current=video.visibility, wanted=visibility)
    allow = video.allow_download if allow_download is None else allow_download
    if (
        allow
        and not video.allow_download
        and not access.can_allow_video_download(access.Viewer.for_user(actor), video.film)
    ):
        raise ValidationFailedError(_("Only the film's owner can let viewers download a video."))
    video.title, video.kind, video.visibility = title.strip()[:200], kind, visibility
    video.allow_download = allow
    video.save(update_fields=["title", "kind", "visibility", "allow_download", "updated_at"])
    if allow and not video.download_file:
        transaction.on_commit(lambda: prepare_download_task.enqueue(video.pk))
    elif not allow:
        video_download_withdraw(video)
    film_page_touch(video.film_id)
    return video


def video_delete(*, video: Video, actor: Any) -> None:
    """Delete a video, its records and every file (records first, then files).

    Its queued jobs leave the queue in the same transaction; a running one sees its row gone at
    its next heartbeat (``HEARTBEAT_SECONDS``), kills its ffmpeg process group and removes
    whatever it wrote. Deleting the film deletes its videos the same way.
    """
    require_manage(actor=actor, film=video.film)
    prefix = storage.video_dir(video.film_id, video.public_id)
    with transaction.atomic():
        pk = video.pk
        video.delete()
        video_jobs_cancel([pk])
    film_page_touch(video.film_id)
    storage.delete_tree(prefix)
