"""The transcode queue: which video runs next, who holds its lease, and which jobs are stuck.

A task names a video but runs the next one in fair order: uploaders already running
``TRANSCODES_PER_USER`` jobs wait, the uploader served longest ago goes first, then the oldest
upload. A lease is taken in a transaction; a job whose lease ran out is taken over (or re-queued
by the sweeper) only when its worker is gone (see ``workers``).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Count, Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import TaskResultStatus
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from .. import storage
from ..choices import AttemptStatus, VideoState
from ..conf import media_setting
from ..models import TranscodeAttempt, Video
from .workers import worker_alive, worker_identity


def lease_until(now):
    """When a lease taken or renewed at ``now`` runs out."""
    return now + timedelta(seconds=float(media_setting("TRANSCODE_STALL_SECONDS")))


def claim(video_id: int) -> tuple[Video, TranscodeAttempt] | None:
    """Take a lease and open an attempt, or return None if there is nothing to do now.

    A task names a video, but runs the next one in fair order (see ``_next_queued``): the video
    it names is taken first only when its worker died mid-transcode. Every queued video has a
    queue entry of its own, so each still runs.
    """
    now = timezone.now()
    with transaction.atomic():
        claimed = _claim_locked(video_id, now)
    if isinstance(claimed, Video):  # out of attempts: drop what the dead runs left behind
        storage.delete_tree(f"{storage.video_dir(claimed.film_id, claimed.public_id)}/hls")
        return None
    return claimed


def _is_stale(video: Video, now) -> bool:
    """A transcoding video whose lease ran out and whose worker is not known to be alive."""
    if video.state != VideoState.TRANSCODING:
        return False
    if video.lease_expires_at is not None and video.lease_expires_at > now:
        return False
    running = video.attempts.filter(status=AttemptStatus.RUNNING).values_list("worker", flat=True)
    return not any(worker_alive(worker) for worker in running)


def _next_queued(now) -> int | None:
    """The queued video to run next: uploaders below ``TRANSCODES_PER_USER`` running jobs only,
    the one served longest ago first, then the oldest upload."""
    cap = int(media_setting("TRANSCODES_PER_USER"))
    busy = (
        Video.objects.filter(state=VideoState.TRANSCODING, lease_expires_at__gt=now)
        .values("uploaded_by")
        .annotate(running=Count("id"))
        .filter(running__gte=cap)
        .values_list("uploaded_by", flat=True)
    )
    waiting = list(
        Video.objects.filter(state=VideoState.QUEUED)
        .exclude(uploaded_by__in=[u for u in busy if u is not None])
        .order_by("created_at", "pk")
        .values_list("pk", "uploaded_by")[:500]
    )
    if not waiting:
        return None
    served = dict(
        TranscodeAttempt.objects.filter(video__uploaded_by__in={user for _pk, user in waiting})
        .values("video__uploaded_by")
        .annotate(last=Max("started_at"))
        .values_list("video__uploaded_by", "last")
    )
    never = timezone.make_aware(datetime.min.replace(year=1970))
    order = {pk: (served.get(user) or never, index) for index, (pk, user) in enumerate(waiting)}
    return min(order, key=order.__getitem__)


def _lock_next_queued(now, tries: int = 5) -> Video | None:
    """Lock the next queued video in fair order; another worker may take it between the choice
    and the lock, then choose again."""
    for _try in range(tries):
        chosen = _next_queued(now)
        if chosen is None:
            return None
        video = Video.objects.select_for_update().filter(pk=chosen).first()
        if video is not None and video.state == VideoState.QUEUED:
            return video
    return None


def _claim_locked(video_id: int, now) -> tuple[Video, TranscodeAttempt] | Video | None:
    video = Video.objects.select_for_update().filter(pk=video_id).first()
    if video is None or not _is_stale(video, now):
        video = _lock_next_queued(now)
        if video is None:
            return None
    video.attempts.filter(status=AttemptStatus.RUNNING).update(
        status=AttemptStatus.ABANDONED, finished_at=now
    )
    if video.attempt_count >= int(media_setting("TRANSCODE_MAX_ATTEMPTS")):
        mark_failed(
            video, _("Transcoding stopped after %(n)d attempts.") % {"n": video.attempt_count}
        )
        return video
    number = (video.attempts.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    attempt = TranscodeAttempt.objects.create(
        video=video,
        number=number,
        worker=worker_identity(),
        started_at=now,
        heartbeat_at=now,
    )
    video.state, video.current_attempt = VideoState.TRANSCODING, number
    video.attempt_count += 1
    video.progress_percent, video.lease_expires_at = 0, lease_until(now)
    video.save(
        update_fields=[
            "state",
            "current_attempt",
            "attempt_count",
            "progress_percent",
            "lease_expires_at",
            "updated_at",
        ]
    )
    return video, attempt


def mark_failed(video: Video, reason: str) -> None:
    video.state, video.failure_reason, video.lease_expires_at = VideoState.FAILED, reason, None
    video.save(update_fields=["state", "failure_reason", "lease_expires_at", "updated_at"])


def queue_next() -> None:
    """A job ended: make sure a queue entry exists for a video that waited its turn."""
    from ..tasks import transcode_video_task

    waiting = Video.objects.filter(state=VideoState.QUEUED).order_by("created_at", "pk").first()
    if waiting is not None:
        transaction.on_commit(lambda: transcode_video_task.enqueue(waiting.pk))


def videos_sweep(*, now=None) -> list[int]:
    """Re-queue jobs whose worker died (lease ran out and, on this host, the process is gone)
    or whose queue entry was lost. A job whose worker is alive is never queued again.

    Returns the ids of the videos queued again. Queuing twice is harmless: only one run can
    claim the lease.
    """
    from ..tasks import transcode_video_task

    now = now or timezone.now()
    quiet = now - timedelta(seconds=float(media_setting("TRANSCODE_TIME_LIMIT_SECONDS")))
    expired = Video.objects.filter(state=VideoState.TRANSCODING, lease_expires_at__lte=now)
    stuck = [video.pk for video in expired if _is_stale(video, now)]
    lost = list(
        Video.objects.filter(state=VideoState.QUEUED, updated_at__lte=quiet).values_list(
            "pk", flat=True
        )
    )
    for video_id in stuck + lost:
        transcode_video_task.enqueue(video_id)
    Video.objects.filter(pk__in=lost).update(updated_at=now)
    return stuck + lost


def video_jobs_cancel(video_ids: list[int]) -> int:
    """Drop the queued jobs (transcode, download copy) naming these videos from the database
    queue; returns how many. Call it in the transaction that deletes the videos.

    A running job is stopped by its own heartbeat (its video row is gone), and its end queues
    the next waiting video, so a video whose run had started from another video's entry still
    gets one. Other task backends keep their entries, which then find nothing to do.
    """
    from ..tasks import prepare_download_task, transcode_video_task

    tasks = (transcode_video_task, prepare_download_task)
    if not video_ids or not isinstance(transcode_video_task.get_backend(), DatabaseBackend):
        return 0
    deleted, _rows = DBTaskResult.objects.filter(
        status=TaskResultStatus.READY,
        task_path__in=[task.module_path for task in tasks],
        args_kwargs__args__0__in=list(video_ids),
    ).delete()
    return deleted
