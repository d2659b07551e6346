"""Deleting a video takes its queued jobs out of the database queue in the same transaction:
nothing is left for a worker to pick up, and the jobs of other videos stay."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client, override_settings
from django_tasks_db.models import DBTaskResult

from filmfolio.core.errors import PermissionDeniedError
from filmfolio.media import services
from filmfolio.media.choices import VideoKind, VideoState, VideoVisibility
from filmfolio.media.models import Video
from filmfolio.media.tasks import prepare_download_task, transcode_video_task

from .factories import CollaboratorFactory, UserFactory

pytestmark = pytest.mark.django_db
DB_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def queued_video(film: Any) -> Video:
    video = Video.objects.create(
        film=film,
        kind=VideoKind.TRAILER,
        visibility=VideoVisibility.TEAM,
        state=VideoState.QUEUED,
        original_file="x",
        size_bytes=1,
        sha256="0" * 64,
    )
    transcode_video_task.enqueue(video.pk)
    return video


def queue() -> list[tuple[str, int, str]]:
    """(task, video id, status) of every job row, in a stable order."""
    rows = DBTaskResult.objects.values_list("task_path", "args_kwargs", "status")
    return sorted((path.rsplit(".", 1)[-1], args["args"][0], status) for path, args, status in rows)


@override_settings(TASKS=DB_QUEUE)
@pytest.mark.parametrize("how", ["service", "admin"])
def test_deleting_a_video_drops_its_queued_jobs(client: Client, how: str) -> None:
    owner = CollaboratorFactory.create()
    doomed, kept = queued_video(owner.film), queued_video(owner.film)
    prepare_download_task.enqueue(doomed.pk)
    other = queued_video(CollaboratorFactory.create().film)
    assert queue() == [
        ("prepare_download_task", doomed.pk, "READY"),
        ("transcode_video_task", doomed.pk, "READY"),
        ("transcode_video_task", kept.pk, "READY"),
        ("transcode_video_task", other.pk, "READY"),
    ]
    doomed_pk = doomed.pk
    if how == "service":
        services.video_delete(video=doomed, actor=owner.user)
    else:
        client.force_login(UserFactory.create(is_staff=True, is_superuser=True))
        response = client.post(f"/admin/media/video/{doomed.pk}/delete/", {"post": "yes"})
        assert response.status_code == 302
    assert not Video.objects.filter(pk=doomed_pk).exists()
    assert queue() == [
        ("transcode_video_task", kept.pk, "READY"),
        ("transcode_video_task", other.pk, "READY"),
    ]


@override_settings(TASKS=DB_QUEUE)
def test_a_refused_delete_leaves_the_queue_as_it_was() -> None:
    owner = CollaboratorFactory.create()
    video = queued_video(owner.film)
    stranger = UserFactory.create()
    with pytest.raises(PermissionDeniedError, match=r"You may not change the media of this film\."):
        services.video_delete(video=video, actor=stranger)
    assert Video.objects.filter(pk=video.pk).exists()
    assert queue() == [("transcode_video_task", video.pk, "READY")]


@override_settings(TASKS=DB_QUEUE)
def test_a_running_jobs_row_is_left_to_its_worker() -> None:
    """The row of a job a worker already runs is the worker's: it stops at its next heartbeat
    and records how it ended."""
    owner = CollaboratorFactory.create()
    video = queued_video(owner.film)
    pk = video.pk
    DBTaskResult.objects.update(status="RUNNING")
    services.video_delete(video=video, actor=owner.user)
    assert queue() == [("transcode_video_task", pk, "RUNNING")]


def test_with_the_immediate_backend_nothing_is_queued_and_deleting_still_works() -> None:
    owner = CollaboratorFactory.create()
    video = Video.objects.create(
        film=owner.film,
        kind=VideoKind.TRAILER,
        visibility=VideoVisibility.TEAM,
        state=VideoState.READY,
        original_file="x",
        size_bytes=1,
        sha256="0" * 64,
    )
    pk = video.pk
    assert services.video_jobs_cancel([pk]) == 0
    services.video_delete(video=video, actor=owner.user)
    assert not Video.objects.filter(pk=pk).exists()
