"""tus 1.0 endpoints (core, creation, termination, checksum) for resumable video uploads.

``POST /media/uploads/`` opens an upload (``Upload-Metadata``: film, kind, visibility, title,
filename, sha256), ``HEAD`` tells the offset to resume from, ``PATCH`` appends a chunk,
``DELETE`` abandons it, and ``GET …/status`` reports the upload and transcode state as JSON.
"""

from __future__ import annotations

import base64
import binascii

from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from filmfolio.core.errors import DomainError, PermissionDeniedError, ValidationFailedError
from filmfolio.films.access import ViewerRequest
from filmfolio.films.models import Film

from .. import services
from ..conf import media_setting
from ..models import Upload
from ..policy import can_manage_media
from ..services.uploads import ChecksumMismatchError, UploadConflictError, parse_checksum

TUS_VERSION = "1.0.0"


def _tus(response: HttpResponse) -> HttpResponse:
    response["Tus-Resumable"] = TUS_VERSION
    response["Cache-Control"] = "no-store"
    return response


def _error(message: str, status: int) -> HttpResponse:
    return _tus(JsonResponse({"error": message}, status=status))


def _status_for(exc: DomainError) -> int:
    if isinstance(exc, PermissionDeniedError):
        return 403
    if isinstance(exc, UploadConflictError):
        return 409
    if isinstance(exc, ChecksumMismatchError):
        return 460
    return 422 if isinstance(exc, ValidationFailedError) else 400


def parse_metadata(header: str) -> dict[str, str]:
    """Decode ``Upload-Metadata`` (``key base64,key base64``)."""
    result = {}
    for pair in filter(None, (p.strip() for p in header.split(","))):
        key, _sep, value = pair.partition(" ")
        try:
            result[key] = base64.b64decode(value).decode() if value else ""
        except (binascii.Error, UnicodeDecodeError) as exc:
            raise ValidationFailedError(_("The upload metadata is not valid.")) from exc
    return result


@require_http_methods(["OPTIONS", "POST"])
def upload_collection(request: ViewerRequest) -> HttpResponse:
    """Announce capabilities (OPTIONS) or open an upload (POST)."""
    if request.method == "OPTIONS":
        response = _tus(HttpResponse(status=204))
        response["Tus-Version"] = TUS_VERSION
        response["Tus-Extension"] = "creation,termination,checksum"
        response["Tus-Checksum-Algorithm"] = "sha1,sha256,md5"
        response["Tus-Max-Size"] = str(media_setting("UPLOAD_MAX_BYTES"))
        return response
    if not request.user.is_authenticated:
        return _error(_("Sign in to upload."), 403)
    try:
        meta = parse_metadata(request.headers.get("Upload-Metadata", ""))
        film = _film(request, meta.get("film", ""))
        upload = services.upload_create(
            film=film,
            actor=request.user,
            declared=services.UploadDeclaration(
                length=_int_header(request, "Upload-Length"),
                kind=meta.get("kind", ""),
                visibility=meta.get("visibility", ""),
                title=meta.get("title", ""),
                filename=meta.get("filename", ""),
                sha256=meta.get("content_hash", "").lower(),
            ),
        )
    except DomainError as exc:
        return _error(exc.message, 413 if "larger" in exc.message else _status_for(exc))
    response = _tus(HttpResponse(status=201))
    response["Location"] = reverse("media:upload", kwargs={"upload_id": upload.pk})
    return response


def _film(request: ViewerRequest, slug: str):
    """The film to upload to. A film that does not exist and one the user may not change get
    the same answer, so uploads cannot tell whether a private film's address exists."""
    film = Film.objects.filter(slug=slug).first()
    if film is None or not can_manage_media(request.viewer, film=film):
        raise PermissionDeniedError(_("There is no film with that address you may change."))
    return film


def _int_header(request: ViewerRequest, name: str) -> int:
    value = request.headers.get(name, "")
    if not value.isdigit():
        raise ValidationFailedError(_("The %(header)s header is missing.") % {"header": name})
    return int(value)


@require_http_methods(["OPTIONS", "HEAD", "PATCH", "DELETE"])
def upload_resource(request: ViewerRequest, upload_id: str) -> HttpResponse:
    """Tell the offset (HEAD), append a chunk (PATCH) or abandon the upload (DELETE)."""
    upload = Upload.objects.filter(pk=upload_id, owner_id=request.user.pk or 0).first()
    if upload is None:
        return _error(_("No such upload."), 404)
    try:
        if request.method == "HEAD":
            services.upload_require_editor(upload=upload, actor=request.user)
            response = _tus(HttpResponse(status=200))
        elif request.method == "DELETE":
            services.upload_terminate(upload=upload, actor=request.user)
            return _tus(HttpResponse(status=204))
        elif request.method == "PATCH":
            response = _patch(request, upload)
        else:
            return _tus(HttpResponse(status=204))
    except DomainError as exc:
        return _error(exc.message, _status_for(exc))
    response["Upload-Offset"] = str(upload.offset_bytes)
    response["Upload-Length"] = str(upload.length_bytes)
    return response


def _patch(request: ViewerRequest, upload: Upload) -> HttpResponse:
    length = int(request.headers.get("Content-Length") or 0)
    if length and request.content_type != "application/offset+octet-stream":
        return _error(_("Chunks must be sent as application/offset+octet-stream."), 415)
    services.upload_append(
        upload=upload,
        actor=request.user,
        offset=_int_header(request, "Upload-Offset"),
        stream=request,  # type: ignore[arg-type]  # file-like: read(n) on the body
        length=length,
        checksum=parse_checksum(request.headers.get("Upload-Checksum", "")),
    )
    return _tus(HttpResponse(status=204))


@require_http_methods(["GET"])
def upload_status(request: ViewerRequest, upload_id: str) -> HttpResponse:
    """The upload's state, offset and, once it is a video, the transcode progress (JSON); only
    to its uploader while they may still change the film."""
    upload = (
        Upload.objects.select_related("video", "film")
        .filter(pk=upload_id, owner_id=request.user.pk or 0)
        .first()
    )
    if upload is None or not can_manage_media(request.viewer, film=upload.film):
        return JsonResponse({"error": _("No such upload.")}, status=404)
    video = upload.video
    return JsonResponse(
        {
            "state": upload.state,
            "offset": upload.offset_bytes,
            "length": upload.length_bytes,
            "reason": upload.rejection_reason,
            "video": None if video is None else video_status_payload(video),
        }
    )


def video_status_payload(video) -> dict:
    """What the owner's page shows of a video's transcode."""
    return {
        "id": str(video.public_id),
        "state": video.state,
        "state_label": str(video.get_state_display()),
        "progress": video.progress_percent,
        "reason": video.failure_reason,
    }
