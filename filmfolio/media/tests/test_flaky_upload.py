"""A real HTTP connection dropped in the middle of a chunk: what arrived is kept, the client
asks for the offset and resumes, and the file ends up whole."""

from __future__ import annotations

import http.client
import socket
import time
from urllib.parse import urlparse

import pytest
from django.test import Client

from filmfolio.media.choices import VideoState
from filmfolio.media.models import Upload, Video
from filmfolio.media.services.checksums import content_hash_of

from .factories import CollaboratorFactory, FilmFactory, UserFactory
from .flows import metadata

pytestmark = [
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True),
]
CSRF = "a" * 32


def _headers(session: str, **extra: str) -> dict[str, str]:
    return {
        "Cookie": f"sessionid={session}; csrftoken={CSRF}",
        "X-CSRFToken": CSRF,
        "Tus-Resumable": "1.0.0",
        **extra,
    }


def test_dropped_connection_then_resume(static_root, live_server, clip):
    owner = UserFactory()
    film = FilmFactory()
    CollaboratorFactory(film=film, user=owner)
    django_client = Client()
    django_client.force_login(owner)
    session = django_client.cookies["sessionid"].value
    host = urlparse(live_server.url)
    data = clip.read_bytes()
    half = len(data) // 2

    conn = http.client.HTTPConnection(host.hostname, host.port, timeout=30)
    conn.request(
        "POST",
        "/media/uploads/",
        headers=_headers(
            session,
            **{
                "Upload-Length": str(len(data)),
                "Upload-Metadata": metadata(film=film.slug, kind="trailer", visibility="film"),
            },
        ),
    )
    created = conn.getresponse()
    created.read()
    assert created.status == 201
    url = created.getheader("Location")

    # Announce the whole file, send half of it, and drop the connection.
    raw = socket.create_connection((host.hostname, host.port))
    head = [
        f"PATCH {url} HTTP/1.1",
        f"Host: {host.netloc}",
        "Content-Type: application/offset+octet-stream",
        f"Content-Length: {len(data)}",
        "Upload-Offset: 0",
    ] + [f"{k}: {v}" for k, v in _headers(session).items()]
    raw.sendall(("\r\n".join(head) + "\r\n\r\n").encode() + data[:half])
    raw.close()
    deadline = time.monotonic() + 20
    while Upload.objects.get().offset_bytes != half and time.monotonic() < deadline:
        time.sleep(0.1)

    conn.request("HEAD", url, headers=_headers(session))
    offset = conn.getresponse()
    offset.read()
    assert (offset.status, offset.getheader("Upload-Offset")) == (200, str(half))
    conn.request(
        "PATCH",
        url,
        body=data[half:],
        headers=_headers(
            session,
            **{"Content-Type": "application/offset+octet-stream", "Upload-Offset": str(half)},
        ),
    )
    done = conn.getresponse()
    done.read()
    conn.close()
    assert (done.status, done.getheader("Upload-Offset")) == (204, str(len(data)))
    video = Video.objects.get()
    assert video.sha256 == content_hash_of(data)
    assert video.state == VideoState.READY
