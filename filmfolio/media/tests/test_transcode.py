"""The transcode job: ladder, idempotence, bounded retries with readable reasons, the sweeper."""

from __future__ import annotations

import socket
from datetime import timedelta

import pytest
from django.test import TestCase
from django.utils import timezone

from filmfolio.core.errors import PermissionDeniedError, ValidationFailedError
from filmfolio.media import services, storage
from filmfolio.media.choices import AttemptStatus, VideoState
from filmfolio.media.models import Encoding, TranscodeAttempt, Video

from .factories import UserFactory
from .flows import ready_video

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def _files(video):
    return sorted(storage.walk(storage.video_dir(video.film_id, video.public_id)))


def test_ladder_stops_at_the_source_height(client, film, owner, clip_720):
    client.force_login(owner)
    video = ready_video(client, film=film, path=clip_720)
    rows = [(e.profile.name, e.width, e.height) for e in video.encodings.all()]
    assert rows == [("720p", 1280, 720), ("480p", 854, 480), ("360p", 640, 360)]
    assert video.duration_seconds == pytest.approx(2.0, abs=0.1)
    recorded = {video.original_file, video.poster_file, video.master_playlist_file}
    for encoding in video.encodings.all():
        recorded |= set(encoding.files)
    assert set(_files(video)) == recorded


def test_running_the_job_again_changes_nothing(client, film, owner, clip):
    client.force_login(owner)
    video = ready_video(client, film=film, path=clip)
    before = (_files(video), list(Encoding.objects.values_list("pk", flat=True)))
    assert services.video_transcode(video_id=video.pk) == "skipped"
    assert (_files(video), list(Encoding.objects.values_list("pk", flat=True))) == before
    assert TranscodeAttempt.objects.filter(video=video).count() == 1


def _queued_copy(video, **changes):
    """Put ``video`` back in the queue as if its worker had died mid-transcode."""
    Video.objects.filter(pk=video.pk).update(
        state=VideoState.TRANSCODING,
        lease_expires_at=timezone.now() - timedelta(seconds=1),
        **changes,
    )
    # A worker on this host whose process is gone (no process has this id and start time).
    dead = f"{socket.gethostname()}:{2**22 + 1}:1"
    TranscodeAttempt.objects.filter(video=video).update(status=AttemptStatus.RUNNING, worker=dead)
    Encoding.objects.filter(video=video).delete()


def test_a_dead_workers_job_is_swept_and_finished_once(client, film, owner, clip):
    client.force_login(owner)
    video = ready_video(client, film=film, path=clip)
    _queued_copy(video)
    with TestCase.captureOnCommitCallbacks(execute=True):
        requeued = services.videos_sweep()
    assert requeued == [video.pk]
    video.refresh_from_db()
    assert video.state == VideoState.READY
    assert list(video.attempts.values_list("number", "status")) == [
        (1, AttemptStatus.ABANDONED),
        (2, AttemptStatus.SUCCEEDED),
    ]
    assert video.encodings.count() == 1
    assert len(_files(video)) == len(video.encodings.get().files) + 3


def test_sweeper_leaves_live_jobs_alone(client, film, owner, clip):
    client.force_login(owner)
    video = ready_video(client, film=film, path=clip)
    Video.objects.filter(pk=video.pk).update(
        state=VideoState.TRANSCODING, lease_expires_at=timezone.now() + timedelta(minutes=1)
    )
    assert services.videos_sweep() == []


def test_failures_are_retried_a_bounded_number_of_times(client, film, owner, clip, settings):
    client.force_login(owner)
    video = ready_video(client, film=film, path=clip)
    # The original disappears from storage: every attempt fails the same way.
    storage.media_storage().delete(video.original_file)
    Video.objects.filter(pk=video.pk).update(state=VideoState.QUEUED, attempt_count=0)
    Encoding.objects.filter(video=video).delete()
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.video_transcode(video_id=video.pk)
    video.refresh_from_db()
    assert (video.state, video.attempt_count) == (VideoState.FAILED, 3)
    assert video.failure_reason.startswith("ffmpeg failed: ")
    assert (
        list(video.attempts.values_list("status", flat=True))
        == [AttemptStatus.SUCCEEDED] + [AttemptStatus.FAILED] * 3
    )
    assert video.encodings.count() == 0


def test_retry_button_requeues_a_failed_video(client, film, owner, clip):
    client.force_login(owner)
    video = ready_video(client, film=film, path=clip)
    Video.objects.filter(pk=video.pk).update(
        state=VideoState.FAILED, failure_reason="boom", attempt_count=3
    )
    Encoding.objects.filter(video=video).delete()
    stranger = UserFactory()
    with pytest.raises(PermissionDeniedError):
        services.video_retry(video=video, actor=stranger)
    assert Video.objects.get(pk=video.pk).state == VideoState.FAILED
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(f"/media/manage/videos/{video.public_id}/retry/")
    assert response.status_code == 302
    video.refresh_from_db()
    assert (video.state, video.failure_reason, video.attempt_count) == (VideoState.READY, "", 1)
    with pytest.raises(ValidationFailedError):
        services.video_retry(video=video, actor=owner)


def test_status_endpoint_reports_progress(client, film, owner, clip):
    client.force_login(owner)
    video = ready_video(client, film=film, path=clip)
    response = client.get(f"/media/manage/videos/{video.public_id}/status")
    assert response.json() == {
        "id": str(video.public_id),
        "state": "ready",
        "state_label": "Ready",
        "progress": 100,
        "reason": "",
    }


def test_delete_removes_records_and_files(client, film, owner, clip):
    client.force_login(owner)
    video = ready_video(client, film=film, path=clip)
    services.video_delete(video=video, actor=owner)
    assert Video.objects.count() == 0
    assert _files(video) == []


def test_owner_changes_who_may_watch(client, film, owner, clip):
    client.force_login(owner)
    video = ready_video(client, film=film, path=clip, kind="trailer", visibility="film")
    response = client.post(
        f"/media/manage/videos/{video.public_id}/edit/",
        {"title": "Festival cut", "kind": "screener", "visibility": "team"},
    )
    assert response.status_code == 302
    video.refresh_from_db()
    assert (video.title, video.kind, video.visibility) == ("Festival cut", "screener", "team")
    refused = client.post(
        f"/media/manage/videos/{video.public_id}/edit/",
        {"title": "x", "kind": "blockbuster", "visibility": "team"},
        follow=True,
    )
    assert [str(m) for m in refused.context["messages"]] == [
        "Choose the kind of video and who may watch it."
    ]
    video.refresh_from_db()
    assert (video.title, video.kind) == ("Festival cut", "screener")
    client.force_login(UserFactory())
    stranger = client.post(
        f"/media/manage/videos/{video.public_id}/edit/",
        {"title": "mine", "kind": "trailer", "visibility": "film"},
    )
    assert stranger.status_code == 404
    video.refresh_from_db()
    assert video.visibility == "team"
