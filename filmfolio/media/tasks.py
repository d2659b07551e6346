"""Background tasks of the media app (django-tasks): an id in, one service call, safe to rerun."""

from __future__ import annotations

from django_tasks import task

from .services.downloads import video_download_prepare
from .services.transcode import video_transcode


@task()
def transcode_video_task(video_id: int) -> str:
    """Transcode one video to the HLS ladder; a no-op when it is done or another run holds it."""
    return video_transcode(video_id=video_id)


@task()
def prepare_download_task(video_id: int) -> str:
    """Make the copy without metadata that viewers download, when the owner allows it."""
    return video_download_prepare(video_id=video_id)
