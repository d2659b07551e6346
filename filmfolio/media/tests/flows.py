"""Test flows that drive the real upload and transcode pipeline."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

from django.test import TestCase

from filmfolio.media.models import Video
from filmfolio.media.services.checksums import content_hash_of


def metadata(**pairs: str) -> str:
    return ",".join(f"{k} {base64.b64encode(v.encode()).decode()}" for k, v in pairs.items())


def tus_create(client, *, film, length: int, kind="trailer", visibility="film", **extra):
    return client.post(
        "/media/uploads/",
        HTTP_TUS_RESUMABLE="1.0.0",
        HTTP_UPLOAD_LENGTH=str(length),
        HTTP_UPLOAD_METADATA=metadata(
            film=film.slug, kind=kind, visibility=visibility, filename="my clip.mov", **extra
        ),
    )


def tus_patch(client, url: str, *, offset: int, data: bytes, checksum: str | None = None):
    headers = {"HTTP_TUS_RESUMABLE": "1.0.0", "HTTP_UPLOAD_OFFSET": str(offset)}
    if checksum:
        headers["HTTP_UPLOAD_CHECKSUM"] = checksum
    return client.generic(
        "PATCH", url, data, content_type="application/offset+octet-stream", **headers
    )


def sha1_header(data: bytes) -> str:
    return "sha1 " + base64.b64encode(hashlib.sha1(data).digest()).decode()


def upload_file(client, *, film, path: Path, chunk: int = 256 * 1024, **kw):
    """Upload ``path`` in chunks through tus; run on-commit work (the transcode) inline."""
    data = path.read_bytes()
    created = tus_create(
        client, film=film, length=len(data), content_hash=content_hash_of(data), **kw
    )
    assert created.status_code == 201, created.content
    url = created["Location"]
    offset, response = 0, None
    with TestCase.captureOnCommitCallbacks(execute=True):
        while offset < len(data):
            part = data[offset : offset + chunk]
            response = tus_patch(client, url, offset=offset, data=part, checksum=sha1_header(part))
            assert response.status_code == 204, response.content
            offset = int(response["Upload-Offset"])
    return url, response


def ready_video(client, *, film, path: Path, **kw) -> Video:
    url, _response = upload_file(client, film=film, path=path, **kw)
    upload_id = url.rstrip("/").rsplit("/", 1)[1]
    return Video.objects.get(upload__id=upload_id)


def open_screener_link(client, *, film, owner):
    """Create a screener link with the sharing service and open it in ``client``'s session."""
    from filmfolio.sharing.services import screener_link_create

    link, token = screener_link_create(film=film, actor=owner, recipient="Festival programmer")
    response = client.get(f"/share/s/{token}/")
    assert response.status_code in (200, 302), response.status_code
    return link
