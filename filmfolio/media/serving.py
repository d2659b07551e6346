"""HTTP responses for protected media files, once the policy has said yes.

Local storage: Django streams the file itself with Range (206/416) and HEAD support, or hands it
to the web server with ``X-Accel-Redirect`` when ``ACCEL_REDIRECT_PREFIX`` is set. Object
storage: a redirect to a presigned URL valid for a few minutes; HLS playlists are returned by
Django so their relative segment addresses come back here to be checked one by one.
"""

from __future__ import annotations

import mimetypes
import re
from collections.abc import Iterator
from pathlib import Path

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.utils.http import http_date

from . import storage
from .conf import media_setting

CONTENT_TYPES = {
    ".m3u8": "application/vnd.apple.mpegurl",
    ".ts": "video/mp2t",
    ".webp": "image/webp",
    ".mkv": "video/x-matroska",
    ".mxf": "application/mxf",
}
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
BLOCK = 512 * 1024


def content_type_for(name: str) -> str:
    suffix = Path(name).suffix.lower()
    return CONTENT_TYPES.get(suffix) or mimetypes.guess_type(name)[0] or "application/octet-stream"


def parse_range(header: str, size: int) -> tuple[int, int] | None:
    """The (first, last) byte of a single ``Range`` header; None when absent or not one range.

    Raises ``ValueError`` for a range that cannot be satisfied.
    """
    match = _RANGE.match(header.strip()) if header else None
    if match is None:
        return None
    first, last = match.groups()
    if not first and not last:
        return None
    if not first:
        length = int(last)
        if length == 0:
            raise ValueError("empty suffix range")
        return max(0, size - length), size - 1
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    if start >= size or end < start:
        raise ValueError("unsatisfiable range")
    return start, end


def protected_file_response(
    request: HttpRequest, name: str, *, download_name: str | None = None, cacheable: bool = False
) -> HttpResponseBase:
    """Serve stored file ``name`` to a viewer already allowed to see it.

    Only files an anonymous visitor would get anyway are ``cacheable``; every other answer is
    ``no-store``, so that a revoked link or a film made private stops working at once, also in
    the browser's cache.
    """
    content_type = content_type_for(name)
    local = storage.local_path(name)
    response: HttpResponseBase
    if local is None:
        response = _remote_response(request, name, content_type)
    elif media_setting("ACCEL_REDIRECT_PREFIX"):
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = media_setting("ACCEL_REDIRECT_PREFIX") + name
    else:
        response = _local_response(request, local, content_type)
    return _protected_headers(response, download_name=download_name, cacheable=cacheable)


def protected_text_response(
    request: HttpRequest,
    body: str,
    *,
    content_type: str,
    download_name: str | None = None,
    cacheable: bool = False,
    status: int = 200,
) -> HttpResponseBase:
    """Serve text made for this request (a playlist with subtitle renditions, a WebVTT track)
    with the same headers as a stored file."""
    data = body.encode()
    try:
        span = parse_range(request.headers.get("Range", ""), len(data)) if status == 200 else None
    except ValueError:
        refused = HttpResponse(status=416)
        refused["Content-Range"] = f"bytes */{len(data)}"
        return _protected_headers(refused, download_name=None, cacheable=cacheable)
    if span:
        data, status = data[span[0] : span[1] + 1], 206
    response = HttpResponse(
        b"" if request.method == "HEAD" else data, content_type=content_type, status=status
    )
    if span:
        response["Content-Range"] = f"bytes {span[0]}-{span[1]}/{len(body.encode())}"
    response["Content-Length"] = str(len(data))
    return _protected_headers(response, download_name=download_name, cacheable=cacheable)


def _protected_headers(
    response: HttpResponseBase, *, download_name: str | None, cacheable: bool
) -> HttpResponseBase:
    response["Cache-Control"] = "private, max-age=300" if cacheable else "private, no-store"
    response["Vary"] = "Cookie"
    response["X-Content-Type-Options"] = "nosniff"
    if download_name:
        response["Content-Disposition"] = f'attachment; filename="{download_name}"'
    return response


def _remote_response(request: HttpRequest, name: str, content_type: str) -> HttpResponse:
    if name.endswith(".m3u8"):
        with storage.media_storage().open(name, "rb") as handle:
            body = handle.read()
        return HttpResponse(b"" if request.method == "HEAD" else body, content_type=content_type)
    return HttpResponseRedirect(storage.presigned_url(name, method=request.method or "GET"))


def _local_response(request: HttpRequest, path: Path, content_type: str) -> HttpResponseBase:
    try:
        stat = path.stat()
    except FileNotFoundError:
        return HttpResponse(status=404)
    size = stat.st_size
    try:
        span = parse_range(request.headers.get("Range", ""), size)
    except ValueError:
        refused = HttpResponse(status=416)
        refused["Content-Range"] = f"bytes */{size}"
        return refused
    first, last = span if span else (0, size - 1)
    length = max(0, last - first + 1)
    response: HttpResponseBase
    if request.method == "HEAD":
        response = HttpResponse(content_type=content_type)
    else:
        response = StreamingHttpResponse(_read(path, first, length), content_type=content_type)
    if span:
        response.status_code = 206
        response["Content-Range"] = f"bytes {first}-{last}/{size}"
    response["Content-Length"] = str(length)
    response["Accept-Ranges"] = "bytes"
    response["Last-Modified"] = http_date(stat.st_mtime)
    return response


def _read(path: Path, first: int, length: int) -> Iterator[bytes]:
    with path.open("rb") as handle:
        handle.seek(first)
        remaining = length
        while remaining > 0:
            block = handle.read(min(BLOCK, remaining))
            if not block:
                break
            remaining -= len(block)
            yield block
