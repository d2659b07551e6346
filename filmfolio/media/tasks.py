"""Background tasks of the media app (django-tasks): an id in, one service call, safe to rerun."""

from __future__ import annotations

from django.utils import translation
from django_tasks import task

from .services.downloads import video_download_prepare
from .services.frames import poster_frame_extract
from .services.transcode import video_transcode
from .services.upload_check import upload_check


@task()
def transcode_video_task(video_id: int) -> str:
    """Transcode one video to the HLS ladder; a no-op when it is done or another run holds it."""
    return video_transcode(video_id=video_id)


@task()
def prepare_download_task(video_id: int) -> str:
    """Make the copy without metadata that viewers download, when the owner allows it."""
    return video_download_prepare(video_id=video_id)


@task()
def poster_frame_task(frame_id: int) -> str:
    """Take one frame of a video and make it the film's poster."""
    return poster_frame_extract(frame_id=frame_id)


@task()
def burn_copy_task(copy_id: int) -> str:
    """Make one burned copy (watermark and/or subtitles drawn into one HLS rung)."""
    from .services.burned import burned_copy_make

    return burned_copy_make(copy_id=copy_id)


@task()
def check_upload_task(upload_id: str, language: str = "en") -> str:
    """Probe a received upload and record its video, or reject it with the reason, written in
    ``language`` (the uploader's, when the last chunk arrived)."""
    with translation.override(language):
        return upload_check(upload_id=upload_id)
