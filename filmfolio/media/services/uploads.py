"""Resumable video uploads (tus 1.0 core + creation, termination, checksum).

Bytes are appended to a staging file named after the upload's random id, fsynced before the
offset is recorded, so a dropped connection or a crash resumes at the last recorded offset. When
the last byte is in, the whole file is hashed (and compared with the checksum the client
declared), probed with ffprobe, moved into storage under a server-chosen name and recorded as a
``Video`` in one transaction; only then is the upload complete and transcoding queued.
"""

from __future__ import annotations

import base64
import fcntl
import hashlib
import os
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import IO, Any

from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from filmfolio.core.errors import DomainError, PermissionDeniedError, ValidationFailedError

from .. import ffmpeg, storage
from ..choices import UploadState, VideoKind, VideoState, VideoVisibility
from ..conf import media_setting, work_dir
from ..models import Upload, Video
from .permissions import require_manage, require_visibility

CHECKSUM_ALGORITHMS = {"sha1": hashlib.sha1, "sha256": hashlib.sha256, "md5": hashlib.md5}
EXTENSIONS = {
    "mov": "mp4",
    "matroska": "mkv",
    "avi": "avi",
    "mpegts": "ts",
    "mxf": "mxf",
    "ogg": "ogv",
    "flv": "flv",
    "mpeg": "mpg",
}


class UploadConflictError(DomainError):
    """The client's offset does not match ours, or another request is writing this upload."""


class ChecksumMismatchError(DomainError):
    """A chunk's checksum does not match its bytes; the chunk was discarded."""


def staging_path(upload: Upload) -> Path:
    return work_dir("uploads") / f"{upload.pk}.part"


@dataclass(frozen=True, kw_only=True)
class UploadDeclaration:
    """What a client declares when it opens an upload (tus ``Upload-Length`` and
    ``Upload-Metadata``): the file's size in bytes, the video's kind and visibility (values of
    ``VideoKind`` and ``VideoVisibility``), an optional title, the file's name on the client and
    the SHA-256 checksum (lowercase hex) the finished file must have."""

    length: int
    kind: str
    visibility: str
    title: str = ""
    filename: str = ""
    sha256: str = ""


def upload_create(*, film: Any, actor: Any, declared: UploadDeclaration) -> Upload:
    """Open an upload for a new video of ``film`` as the client ``declared`` it."""
    require_manage(actor=actor, film=film)
    if declared.length <= 0:
        raise ValidationFailedError(_("The file is empty."))
    if declared.length > media_setting("UPLOAD_MAX_BYTES"):
        raise ValidationFailedError(_("The file is larger than this server accepts."))
    kind, visibility, sha256 = declared.kind, declared.visibility, declared.sha256
    if kind not in VideoKind.values or visibility not in VideoVisibility.values:
        raise ValidationFailedError(_("Choose the kind of video and who may watch it."))
    require_visibility(actor=actor, film=film, current=VideoVisibility.TEAM, wanted=visibility)
    if sha256 and (len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256)):
        raise ValidationFailedError(_("The declared SHA-256 checksum is not 64 hex digits."))
    upload = Upload.objects.create(
        owner=actor,
        film=film,
        length_bytes=declared.length,
        kind=kind,
        visibility=visibility,
        title=declared.title.strip()[:200],
        client_filename=Path(declared.filename).name[:255],
        sha256_expected=sha256,
    )
    staging_path(upload).touch()
    return upload


def _require_owner(upload: Upload, actor: Any) -> None:
    if upload.owner_id != getattr(actor, "pk", None):
        raise PermissionDeniedError(_("This upload belongs to someone else."))


def upload_require_editor(*, upload: Upload, actor: Any) -> None:
    """Check, on every request of an upload, that its uploader may still change the film.

    Someone removed from the film (or demoted) while uploading loses the upload: its bytes are
    discarded and it is marked rejected, so it can neither be finished nor resumed.
    """
    _require_owner(upload, actor)
    if not _may_still_edit(upload):
        _discard(upload)


def _discard(upload: Upload) -> None:
    """Reject the upload of someone who lost the right to change its film, drop every byte."""
    reason = _("You may no longer add videos to this film; the upload was discarded.")
    if upload.state == UploadState.RECEIVING:
        _reject(upload, reason)
        storage.delete_tree(storage.video_dir(upload.film_id, upload.pk))
    raise PermissionDeniedError(reason)


def parse_checksum(header: str) -> tuple[str, bytes] | None:
    """Read a tus ``Upload-Checksum`` header (``sha1 <base64>``)."""
    if not header:
        return None
    name, _sep, value = header.strip().partition(" ")
    if name not in CHECKSUM_ALGORITHMS:
        raise ValidationFailedError(_("Unsupported checksum algorithm."))
    try:
        return name, base64.b64decode(value, validate=True)
    except ValueError as exc:
        raise ValidationFailedError(_("The checksum is not valid base64.")) from exc


def upload_append(
    *,
    upload: Upload,
    actor: Any,
    offset: int,
    stream: IO[bytes],
    length: int,
    checksum: tuple[str, bytes] | None = None,
) -> Upload:
    """Append up to ``length`` bytes from ``stream`` at ``offset``; finish when all are in.

    A chunk cut short by the network is kept (the client resumes after it) unless a checksum
    was sent, in which case only a complete, matching chunk is kept.
    """
    upload_require_editor(upload=upload, actor=actor)
    if upload.state != UploadState.RECEIVING:
        raise UploadConflictError(_("This upload is already finished."))
    if upload.offset_bytes == upload.length_bytes == offset and not length:
        _finish(upload)  # every byte was in but finishing was cut short: finish now
        return upload
    path = staging_path(upload)
    with path.open("r+b") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise UploadConflictError(_("Another request is writing this upload.")) from exc
        upload.refresh_from_db()
        if offset != upload.offset_bytes:
            raise UploadConflictError(_("The upload offset does not match; ask for it again."))
        if offset + length > upload.length_bytes:
            raise ValidationFailedError(_("More bytes were sent than the upload declared."))
        written = _write_chunk(handle, offset, stream, length, checksum)
        Upload.objects.filter(pk=upload.pk).update(
            offset_bytes=offset + written, updated_at=timezone.now()
        )
        upload.offset_bytes = offset + written
    if upload.offset_bytes == upload.length_bytes:
        _finish(upload)
    return upload


def _write_chunk(handle, offset: int, stream: IO[bytes], length: int, checksum) -> int:
    """Write the chunk durably at ``offset``; roll back to ``offset`` on a checksum mismatch."""
    digest = CHECKSUM_ALGORITHMS[checksum[0]]() if checksum else None
    handle.truncate(offset)
    handle.seek(offset)
    written = 0
    while written < length:
        block = stream.read(min(1024 * 1024, length - written))
        if not block:
            break
        handle.write(block)
        if digest is not None:
            digest.update(block)
        written += len(block)
    if digest is not None and (written != length or digest.digest() != checksum[1]):
        handle.truncate(offset)
        raise ChecksumMismatchError(_("The chunk was damaged in transit; send it again."))
    handle.flush()
    os.fsync(handle.fileno())
    return written


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


def _finish(upload: Upload) -> None:
    """Verify, probe, store and record the finished upload, or reject it with a reason.

    Safe to run again after a crash: the video's id is the upload's id, so the stored name is
    the same, and a staging file already moved into storage is picked up from there.
    """
    path = staging_path(upload)
    if not path.exists():
        path = _stored_original(upload) or path
    try:
        if not path.exists():
            raise ValidationFailedError(_("The uploaded file was lost. Upload it again."))
        sha256 = _hash_file(path)
        if upload.sha256_expected and sha256 != upload.sha256_expected:
            raise ValidationFailedError(
                _("The file's checksum does not match: it was damaged in transit. Upload it again.")
            )
        probe = _probe(path)
        _check_plausible(probe, path.stat().st_size)
    except ValidationFailedError as exc:
        _reject(upload, exc.message)
        raise
    public_id = upload.pk
    ext = EXTENSIONS.get(probe.container.split(",")[0], "bin")
    name = f"{storage.video_dir(upload.film_id, public_id)}/original.{ext}"
    if storage.local_path(name) != path:
        if storage.media_storage().exists(name):
            storage.media_storage().delete(name)
        with path.open("rb") as handle:
            storage.media_storage().save(name, _StagedFile(handle, name=str(path)))
        _sync_directory(name)
    _record_video(upload, public_id, name, sha256, probe)
    staging_path(upload).unlink(missing_ok=True)


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


def _hash_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(4 * 1024 * 1024):
            digest.update(block)
    return digest.hexdigest()


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


def _reject(upload: Upload, reason: str) -> None:
    staging_path(upload).unlink(missing_ok=True)
    Upload.objects.filter(pk=upload.pk).update(state=UploadState.REJECTED, rejection_reason=reason)
    upload.state, upload.rejection_reason = UploadState.REJECTED, reason


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


def _may_still_edit(upload: Upload) -> bool:
    """The uploader's right to change the film, read afresh (no cached collaborator roles)."""
    film = type(upload.film).objects.get(pk=upload.film_id)
    try:
        require_manage(actor=upload.owner, film=film)
    except PermissionDeniedError:
        return False
    return True


def upload_terminate(*, upload: Upload, actor: Any) -> None:
    """Abandon an unfinished upload and delete its bytes and its record (tus termination).

    The uploader's right to change the film is checked again (``films.access`` through
    ``require_manage``): someone who lost it gets the upload discarded and a refusal.
    """
    upload_require_editor(upload=upload, actor=actor)
    if upload.state == UploadState.COMPLETE:
        raise UploadConflictError(_("A finished upload cannot be cancelled; delete the video."))
    staging_path(upload).unlink(missing_ok=True)
    storage.delete_tree(storage.video_dir(upload.film_id, upload.pk))  # a finish cut short
    upload.delete()


def uploads_expire(*, now: datetime | None = None) -> int:
    """Reject uploads untouched for ``UPLOAD_EXPIRY_SECONDS`` and free their staging files.

    Run by ``filmfolio worker`` with the sweeper; returns how many uploads expired.
    """
    now = now or timezone.now()
    cutoff = now - timedelta(seconds=float(media_setting("UPLOAD_EXPIRY_SECONDS")))
    stale = list(Upload.objects.filter(state=UploadState.RECEIVING, updated_at__lt=cutoff))
    reason = _("The upload was abandoned and has expired. Upload the file again.")
    for upload in stale:
        _reject(upload, reason)
    return len(stale)
