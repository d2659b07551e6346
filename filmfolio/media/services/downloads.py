"""The download copy of a video: its pictures and sound without the camera's metadata.

Viewers never get the original (see ``films.access.can_get_media_original``). When the owner
allows downloads of a video, ``video_download_prepare`` makes a stream copy of the original with
every tag, chapter and data stream dropped and records it as ``Video.download_file``; turning
downloads off deletes it again.
"""

from __future__ import annotations

import shutil

from .. import ffmpeg, storage
from ..conf import media_setting, work_dir
from ..models import Video

# The download keeps the original's streams; MP4 plays everywhere, Matroska takes any codec.
MUXERS = (("mp4", ".mp4"), ("matroska", ".mkv"))


def video_download_prepare(*, video_id: int) -> str:
    """Make the download copy of ``video_id`` if downloads are allowed and it has none yet;
    return what happened (for logs). Safe to run twice."""
    video = Video.objects.filter(pk=video_id, allow_download=True).first()
    if video is None or video.download_file:
        return "skipped"
    scratch = work_dir("downloads") / str(video.public_id)
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    try:
        source = storage.fetch_to(video.original_file, scratch / "source")
        target = _strip(video, source, scratch)
        prefix = storage.video_dir(video.film_id, video.public_id)
        name = storage.move_in(f"{prefix}/download{target.suffix}", target)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    recorded = Video.objects.filter(pk=video.pk, allow_download=True).update(download_file=name)
    if not recorded:  # turned off (or deleted) meanwhile
        storage.media_storage().delete(name)
        return "withdrawn"
    return "ready"


def _strip(video: Video, source, scratch):
    error: ffmpeg.MediaToolError | None = None
    for muxer, suffix in MUXERS:
        target = scratch / f"download{suffix}"
        args = ffmpeg.download_args(
            source=source, container=video.container, target=target, muxer=muxer
        )
        try:
            ffmpeg.run(
                args,
                timeout=ffmpeg.time_limit_for(
                    video.duration_seconds,
                    base=float(media_setting("TRANSCODE_TIME_BASE_SECONDS")),
                    per_second=1.0,
                    ceiling=float(media_setting("TRANSCODE_TIME_LIMIT_SECONDS")),
                ),
                memory_bytes=int(media_setting("FFMPEG_MEMORY_BYTES")),
            )
            return target
        except ffmpeg.MediaToolError as exc:  # a codec MP4 cannot hold: try Matroska
            error = exc
            target.unlink(missing_ok=True)
    assert error is not None
    raise error


def video_download_withdraw(video: Video) -> None:
    """Delete the download copy (downloads were turned off)."""
    if video.download_file:
        storage.media_storage().delete(video.download_file)
        Video.objects.filter(pk=video.pk).update(download_file="")
        video.download_file = ""
