"""The second half of an upload, in a background job: probe the received file with ffprobe,
check that it is a plausible video, move it into storage and record the ``Video`` (queued for
transcoding). The last tus request only checks the content hash and answers at once; until this
job is done the upload is ``checking`` and the manager says so; a file that is not a video we
can read is rejected with the reason.
"""

from __future__ import annotations

import os
from pathlib import Path

from django.core.files import File
from django.db import transaction
from django.utils.translation import gettext as _

from filmfolio.core.errors import PermissionDeniedError, ValidationFailedError

from .. import ffmpeg, storage
from ..choices import UploadState, VideoState
from ..conf import media_setting
from ..models import Upload, Video
from .uploads import (
    EXTENSIONS,
    _discard,
    _may_still_edit,
    blocks_path,
    staging_path,
    upload_reject,
)


def upload_check(*, upload_id: str) -> str:
    """Probe a received upload, move it into storage under a server-chosen name and record it
    as a ``Video`` (transcoding queued), or reject it with a reason the uploader reads.

    Run by ``check_upload_task``; safe to run again: a finished or rejected upload is left as
    it is, the video's id is the upload's id (the stored name is the same), and a staging file
    already moved into storage is picked up from there.
    """
    upload = Upload.objects.select_related("film", "owner").filter(pk=upload_id).first()
    if upload is None or upload.state != UploadState.CHECKING:
        return "skipped"
    path = staging_path(upload)
    if not path.exists():
        path = _stored_original(upload) or path
    try:
        if not path.exists():
            raise ValidationFailedError(_("The uploaded file was lost. Upload it again."))
        probe = _probe(path)
        _check_plausible(probe, path.stat().st_size)
    except ValidationFailedError as exc:
        upload_reject(upload, exc.message)
        return "rejected"
    public_id = upload.pk
    ext = EXTENSIONS.get(probe.container.split(",")[0], "bin")
    name = f"{storage.video_dir(upload.film_id, public_id)}/original.{ext}"
    if storage.local_path(name) != path:
        if storage.media_storage().exists(name):
            storage.media_storage().delete(name)
        with path.open("rb") as handle:
            storage.media_storage().save(name, _StagedFile(handle, name=str(path)))
        _sync_directory(name)
    try:
        _record_video(upload, public_id, name, upload.sha256_expected, probe)
    except PermissionDeniedError:
        return "rejected"
    staging_path(upload).unlink(missing_ok=True)
    blocks_path(upload).unlink(missing_ok=True)
    return "checked"


class _StagedFile(File):
    """Lets local storage move the staging file into place instead of copying it."""

    def temporary_file_path(self) -> str:
        return str(self.name)


def _stored_original(upload: Upload) -> Path | None:
    """The original already moved into local storage by a finish that was cut short."""
    for name in storage.walk(storage.video_dir(upload.film_id, upload.pk)):
        if name.rsplit("/", 1)[-1].startswith("original."):
            return storage.local_path(name)
    return None


def _sync_directory(name: str) -> None:
    """Make a local move durable: fsync the directory that now holds the file."""
    local = storage.local_path(name)
    if local is None:
        return
    descriptor = os.open(local.parent, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _probe(path: Path) -> ffmpeg.ProbeResult:
    try:
        output = ffmpeg.run(
            ffmpeg.probe_args(path),
            timeout=float(media_setting("PROBE_TIMEOUT_SECONDS")),
            memory_bytes=int(media_setting("FFMPEG_MEMORY_BYTES")),
        )
        return ffmpeg.parse_probe(output)
    except ffmpeg.FormatNotAllowedError as exc:
        raise ValidationFailedError(exc.reason) from exc
    except ffmpeg.MediaToolError as exc:
        raise ValidationFailedError(
            _(
                "This file is not a video we can read: it may be damaged, incomplete "
                "or another kind of file."
            )
        ) from exc


def _check_plausible(probe: ffmpeg.ProbeResult, size_bytes: int) -> None:
    """Refuse a file whose claimed running time or frames its size cannot hold."""
    reason = ffmpeg.implausible_reason(
        probe,
        size_bytes,
        min_bytes_per_second=float(media_setting("MIN_BYTES_PER_SECOND")),
        min_bytes_per_frame=float(media_setting("MIN_BYTES_PER_FRAME")),
        max_duration_seconds=float(media_setting("MAX_DURATION_SECONDS")),
        max_frame_rate=float(media_setting("MAX_FRAME_RATE")),
    )
    if reason:
        raise ValidationFailedError(reason)


def _record_video(upload: Upload, public_id, name: str, sha256: str, probe) -> None:
    from ..tasks import transcode_video_task

    if not _may_still_edit(upload):  # removed while the file was hashed and probed
        _discard(upload)
    with transaction.atomic():
        video = Video.objects.create(
            public_id=public_id,
            film_id=upload.film_id,
            kind=upload.kind,
            title=upload.title,
            visibility=upload.visibility,
            original_file=name,
            size_bytes=upload.length_bytes,
            sha256=sha256,
            container=probe.container,
            duration_seconds=probe.duration_seconds,
            width=probe.width,
            height=probe.height,
            video_codec=probe.video_codec,
            audio_codec=probe.audio_codec,
            frame_rate=probe.frame_rate,
            probe=probe.raw,
            state=VideoState.QUEUED,
            uploaded_by_id=upload.owner_id,
        )
        Upload.objects.filter(pk=upload.pk).update(state=UploadState.COMPLETE, video=video)
        upload.state, upload.video = UploadState.COMPLETE, video
        transaction.on_commit(lambda: transcode_video_task.enqueue(video.pk))
