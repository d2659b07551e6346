"""Signed segments behind a real nginx with ``X-Accel-Redirect``: Django checks the signature and
names the file, nginx sends it. A segment arrives byte-identical; a forged or expired address
gets Django's 403 and not a byte of the file (docs/operations.md has the same configuration)."""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from filmfolio.media import signing, storage

from .factories import CollaboratorFactory, FilmFactory
from .flows import ready_video

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]

NGINX_CONF = """
daemon off;
user {user};
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 64; }}
http {{
  access_log off;
  client_body_temp_path {tmp}/body;
  proxy_temp_path {tmp}/proxy;
  fastcgi_temp_path {tmp}/fastcgi;
  uwsgi_temp_path {tmp}/uwsgi;
  scgi_temp_path {tmp}/scgi;
  server {{
    listen 127.0.0.1:{port};
    location /protected/ {{
      internal;
      alias {media_root}/;
    }}
    location / {{
      proxy_pass {upstream};
      proxy_set_header Host localhost;
    }}
  }}
}}
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def nginx(live_server, settings, tmp_path):
    """nginx in the foreground on a free port, proxying to the live server; its address."""
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    assert Path(binary).exists(), "nginx is missing: run scripts/system-deps.sh"
    settings.FILMFOLIO_MEDIA = {**settings.FILMFOLIO_MEDIA, "ACCEL_REDIRECT_PREFIX": "/protected/"}
    port, work = _free_port(), tmp_path / "nginx"
    work.mkdir()
    conf = work / "nginx.conf"
    conf.write_text(
        NGINX_CONF.format(
            tmp=work,
            port=port,
            media_root=settings.MEDIA_ROOT,
            upstream=live_server.url,
            user=pwd.getpwuid(os.getuid()).pw_name,  # the workers read the test's files
        )
    )
    process = subprocess.Popen([binary, "-c", str(conf), "-p", str(work)])
    try:
        for _ in range(100):
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def _get(url: str) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_segments_through_nginx_arrive_byte_identical(client, owner, clip, nginx):
    film = FilmFactory(public=True)
    CollaboratorFactory(film=film, user=owner, role="owner")
    client.force_login(owner)
    video = ready_video(client, film=film, path=clip, kind="trailer", visibility="film")
    client.logout()
    status, headers, master = _get(f"{nginx}/media/videos/{video.public_id}/hls/master.m3u8")
    assert status == 200
    variant = next(line for line in master.decode().splitlines() if line.startswith("/media/s/"))
    status, headers, playlist = _get(nginx + variant)
    directory = f"{storage.video_dir(video.film_id, video.public_id)}/hls/360p"
    assert (status, playlist) == (200, storage.local_path(f"{directory}/index.m3u8").read_bytes())
    segments = [line for line in playlist.decode().splitlines() if line.startswith("seg_")]
    assert segments
    base = variant.rsplit("/", 1)[0]
    for name in segments:
        status, headers, body = _get(f"{nginx}{base}/{name}")
        stored = storage.local_path(f"{directory}/{name}").read_bytes()
        assert (status, headers["Content-Type"], body) == (200, "video/mp2t", stored)
        assert "X-Accel-Redirect" not in headers

    token = signing.SIGNED_PATH.match(variant)["token"]
    expired = signing.make_token(
        public_id=video.public_id,
        film_id=video.film_id,
        rendition="360p",
        grant=signing.PUBLIC_GRANT,
        now=time.time() - 120,
    )
    forged = token[:-4] + ("0000" if not token.endswith("0000") else "1111")
    for bad in (expired, forged):
        status, headers, body = _get(f"{nginx}{base.replace(token, bad)}/{segments[0]}")
        assert (status, body) == (403, b"Forbidden\n")
