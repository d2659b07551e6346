"""An uploaded notification as the source of a festival entry: what is taken, where it is kept
and how it is sent back.

A notification is a PDF, a PNG or JPEG image, or an e-mail (.eml, which must carry ``From`` and
``Date`` headers), at most 10 MB. The kind is read from the content (its first bytes, or the
e-mail's headers), never from the file's name or the browser's word. The file is kept in the
default storage under a name made from the film's and entry's ids; nobody but the film's
editors ever gets it (``festivals.studio.evidence_download``, behind ``films.access``).
"""

from __future__ import annotations

import uuid
from email import policy
from email.parser import BytesParser
from typing import IO, Any

from django.core.files.base import File
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.utils.translation import gettext as _

from filmfolio.core.errors import ValidationFailedError

MAX_BYTES = 10 * 1024 * 1024
ROOT = "festivals/evidence"
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "png": "image/png",
    "jpeg": "image/jpeg",
    "eml": "message/rfc822",
}
MAGIC = (
    (b"%PDF-", "pdf"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
)


def _refuse(message: str) -> ValidationFailedError:
    return ValidationFailedError(message, errors={"file": [message]})


def _read(upload: Any) -> bytes:
    upload.seek(0)
    data = upload.read(MAX_BYTES + 1)
    upload.seek(0)
    return bytes(data)


def _email_errors(data: bytes) -> str | None:
    """None when ``data`` is an e-mail with From and Date headers, else why not."""
    message = BytesParser(policy=policy.compat32).parsebytes(data, headersonly=True)
    if not message.keys():
        return _("This file is not a PDF, a PNG or JPEG image, or an e-mail (.eml).")
    if not (message.get("From") or "").strip() or not (message.get("Date") or "").strip():
        return _("This e-mail has no From or Date header: save the festival's message as .eml.")
    return None


def checked_kind(upload: Any) -> str:
    """The kind of the uploaded ``upload`` (pdf, png, jpeg or eml), read from its content;
    raises ``ValidationFailedError`` (field ``file``) for anything else."""
    if upload is None:
        raise _refuse(_("Choose a file."))
    data = _read(upload)
    if len(data) > MAX_BYTES:
        raise _refuse(_("The file is larger than 10 MB."))
    if not data:
        raise _refuse(_("The file is empty."))
    for magic, kind in MAGIC:
        if data.startswith(magic):
            return kind
    problem = _email_errors(data)
    if problem:
        raise _refuse(problem)
    return "eml"


def store(*, film_id: int, entry_id: int, upload: IO[bytes], kind: str) -> str:
    """Keep ``upload`` under a new name made from the ids; the name given back."""
    name = f"{ROOT}/{film_id}/{entry_id}/{uuid.uuid4().hex}.{kind}"
    upload.seek(0)
    saved = default_storage.save(name, File(upload, name=name))
    if saved != name:
        raise RuntimeError(f"storage renamed {name} to {saved}")
    return saved


def discard(name: str) -> None:
    """Delete the stored notification ``name`` (nothing when it is empty or already gone)."""
    if name and default_storage.exists(name):
        default_storage.delete(name)


def download_response(entry: Any) -> FileResponse:
    """The notification of ``entry`` as an attachment, for a viewer already allowed (an
    editor of its film); 404 when the entry has none."""
    if not entry.evidence_file or not default_storage.exists(entry.evidence_file):
        raise Http404
    kind = entry.evidence_file_type or "pdf"
    response = FileResponse(
        default_storage.open(entry.evidence_file, "rb"),
        as_attachment=True,
        filename=f"festival-notification-{entry.pk}.{kind}",
        content_type=CONTENT_TYPES.get(kind, "application/octet-stream"),
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
