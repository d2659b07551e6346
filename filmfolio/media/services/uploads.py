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

from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from filmfolio.core.errors import (
    DomainError,
    ObjectNotFoundError,
    PermissionDeniedError,
    ValidationFailedError,
)

from .. import storage
from ..choices import UploadState, VideoKind, VideoVisibility
from ..conf import media_setting, work_dir
from ..models import Upload
from . import checksums
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


def blocks_path(upload: Upload) -> Path:
    """The side file of the digests of the upload's complete blocks (``checksums``)."""
    return work_dir("uploads") / f"{upload.pk}.blocks"


@dataclass(frozen=True, kw_only=True)
class UploadDeclaration:
    """What a client declares when it opens an upload (tus ``Upload-Length`` and
    ``Upload-Metadata``): the file's size in bytes, the video's kind and visibility (values of
    ``VideoKind`` and ``VideoVisibility``), an optional title, the file's name on the client and
    the content hash (``checksums``, lowercase hex) the finished file must have."""

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
        raise ValidationFailedError(_("The declared content hash is not 64 hex digits."))
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
        upload_reject(upload, reason)
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
        _receive_complete(upload)  # every byte was in but finishing was cut short: finish now
        return upload
    path = staging_path(upload)
    try:
        handle = path.open("r+b")
    except FileNotFoundError as exc:  # cancelled meanwhile
        raise ObjectNotFoundError(_("This upload was cancelled.")) from exc
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise UploadConflictError(_("Another request is writing this upload.")) from exc
        try:
            upload.refresh_from_db()
        except Upload.DoesNotExist as exc:  # cancelled while this request waited
            raise ObjectNotFoundError(_("This upload was cancelled.")) from exc
        if offset != upload.offset_bytes:
            raise UploadConflictError(_("The upload offset does not match; ask for it again."))
        if offset + length > upload.length_bytes:
            raise ValidationFailedError(_("More bytes were sent than the upload declared."))
        written = _write_chunk(handle, offset, stream, length, checksum)
        checksums.blocks_record(handle, blocks_path(upload), start=offset, end=offset + written)
        Upload.objects.filter(pk=upload.pk).update(
            offset_bytes=offset + written, updated_at=timezone.now()
        )
        upload.offset_bytes = offset + written
    if upload.offset_bytes == upload.length_bytes:
        _receive_complete(upload)
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


def _receive_complete(upload: Upload) -> None:
    """Every byte is in: compare the content hash (``checksums``; only the last block is read
    now) with the declared one, then hand the file to ``check_upload_task`` (probe, storage,
    the video's record) and answer at once. The upload is ``checking`` until the job is done."""
    from ..tasks import check_upload_task

    path = staging_path(upload)
    if not path.exists():
        upload_reject(upload, _("The uploaded file was lost. Upload it again."))
        raise ValidationFailedError(_("The uploaded file was lost. Upload it again."))
    digest = checksums.content_hash(path, blocks_path(upload), length=upload.length_bytes)
    if upload.sha256_expected and digest != upload.sha256_expected:
        reason = _(
            "The file's checksum does not match: it was damaged in transit. Upload it again."
        )
        upload_reject(upload, reason)
        raise ValidationFailedError(reason)
    with transaction.atomic():
        Upload.objects.filter(pk=upload.pk).update(
            state=UploadState.CHECKING, sha256_expected=digest, updated_at=timezone.now()
        )
        upload.state, upload.sha256_expected = UploadState.CHECKING, digest
        language = get_language() or "en"
        transaction.on_commit(lambda: check_upload_task.enqueue(str(upload.pk), language))


def upload_reject(upload: Upload, reason: str) -> None:
    """Refuse a finished upload with ``reason`` (shown to the uploader); free its bytes."""
    staging_path(upload).unlink(missing_ok=True)
    blocks_path(upload).unlink(missing_ok=True)
    Upload.objects.filter(pk=upload.pk).update(state=UploadState.REJECTED, rejection_reason=reason)
    upload.state, upload.rejection_reason = UploadState.REJECTED, reason


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
    if upload.state == UploadState.CHECKING:
        raise UploadConflictError(_("The file is being checked; delete the video once it is in."))
    staging, blocks = staging_path(upload), blocks_path(upload)
    checked = storage.video_dir(upload.film_id, upload.pk)  # a check cut short
    try:
        handle = staging.open("r+b")
    except FileNotFoundError:
        handle = None
    try:
        if handle is not None:  # a chunk being written finishes first, then nothing is left
            fcntl.flock(handle, fcntl.LOCK_EX)
        upload.delete()
        staging.unlink(missing_ok=True)
        blocks.unlink(missing_ok=True)
        storage.delete_tree(checked)
    finally:
        if handle is not None:
            handle.close()


def uploads_expire(*, now: datetime | None = None) -> int:
    """Reject uploads untouched for ``UPLOAD_EXPIRY_SECONDS`` and free their staging files.

    Run by ``filmfolio worker`` with the sweeper; returns how many uploads expired.
    """
    now = now or timezone.now()
    cutoff = now - timedelta(seconds=float(media_setting("UPLOAD_EXPIRY_SECONDS")))
    stale = list(Upload.objects.filter(state=UploadState.RECEIVING, updated_at__lt=cutoff))
    reason = _("The upload was abandoned and has expired. Upload the file again.")
    for upload in stale:
        upload_reject(upload, reason)
    return len(stale)
