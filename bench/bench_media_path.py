"""The fast media path, measured in one run (``make bench-media-path``):

(a) a 1 MiB HLS segment at a signed address through the app under gunicorn, against the same
    file served as a plain static file (WhiteNoise) by the same gunicorn, with ``wrk``;
(b) database queries per signed segment (Django's test client, the full middleware chain);
(c) the last request of a 2 GiB upload (``upload_append`` of its final chunk) against what that
    request did before: hashing the whole file (the probe now runs in a job).

Prints a Markdown table for docs/benchmarks-media.md. Throw-away SQLite database and var dir.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = Path(tempfile.mkdtemp(prefix="filmfolio-bench-media-path-"))
os.environ.update(
    DJANGO_SETTINGS_MODULE="config.settings.dev",
    FILMFOLIO_DEBUG="0",
    DATABASE_URL=f"sqlite:///{WORK / 'db.sqlite3'}",
    FILMFOLIO_VAR_DIR=str(WORK / "var"),
    FILMFOLIO_MEDIA_ROOT=str(WORK / "var" / "media"),
    FILMFOLIO_TASKS_BACKEND="django_tasks.backends.dummy.DummyBackend",
    FILMFOLIO_LOG_LEVEL="ERROR",
)
sys.path.insert(0, str(ROOT))
SEGMENT_BYTES = 1024 * 1024
UPLOAD_BYTES = 2 * 1024**3
WRK_SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wrk(url: str) -> float:
    out = subprocess.run(
        ["wrk", "-t1", "-c4", f"-d{WRK_SECONDS}s", url], capture_output=True, text=True, check=True
    ).stdout
    match = re.search(r"Requests/sec:\s+([\d.]+)", out)
    assert match and " 0 requests" not in out and "Non-2xx" not in out, out
    return float(match[1])


def _segment_address() -> tuple[str, Path]:
    """A segment file in storage and its signed address (a public video: no cookie needed)."""
    from filmfolio.media import signing, storage

    public_id = uuid.uuid4()
    name = f"{storage.video_dir(1, public_id)}/hls/360p/seg_00000.ts"
    storage.put(name, os.urandom(SEGMENT_BYTES))
    token = signing.make_token(
        public_id=public_id,
        film_id=1,
        rendition="360p",
        grant=signing.PUBLIC_GRANT,
        now=time.time() + 3600,
    )
    path = storage.local_path(name)
    assert path is not None
    return f"{signing.signed_base(public_id=public_id, token=token)}360p/seg_00000.ts", path


def bench_serving(address: str, segment: Path) -> tuple[float, float]:
    static = WORK / "var" / "static" / "bench"
    static.mkdir(parents=True, exist_ok=True)
    shutil.copy(segment, static / "seg_00000.ts")
    port = _free_port()
    server = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "config.wsgi:application",
            "-w",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=os.environ.copy(),
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(200):
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.1)
        for _ in range(6):  # each worker loads the app on its first request
            for url in (f"{base}/static/bench/seg_00000.ts", base + address):
                urllib.request.urlopen(url, timeout=300).read()
        static_rate = _wrk(f"{base}/static/bench/seg_00000.ts")
        signed_rate = _wrk(base + address)
        return signed_rate, static_rate
    finally:
        server.terminate()
        server.wait(timeout=20)


def bench_queries(address: str) -> tuple[int, int]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client, count = Client(), 50
    with CaptureQueriesContext(connection) as queries:
        for _ in range(count):
            assert client.get(address).status_code == 200
    return len(queries), count


def bench_upload_finish() -> tuple[float, float]:
    from django.contrib.auth.models import User

    from filmfolio.films.models import Collaborator, Film
    from filmfolio.media import services
    from filmfolio.media.services.uploads import staging_path

    owner = User.objects.create(username="bench-owner")
    film = Film.objects.create(slug="bench-path", title="Bench", visibility="private")
    Collaborator.objects.create(film=film, user=owner, role="owner")
    declared = services.UploadDeclaration(length=UPLOAD_BYTES, kind="screener", visibility="team")
    upload = services.upload_create(film=film, actor=owner, declared=declared)
    chunk, last = 64 * 1024 * 1024, 8 * 1024 * 1024
    block = os.urandom(chunk)
    offset = 0
    while offset < UPLOAD_BYTES - last:
        size = min(chunk, UPLOAD_BYTES - last - offset)
        services.upload_append(
            upload=upload, actor=owner, offset=offset, stream=io.BytesIO(block[:size]), length=size
        )
        offset += size
    started = time.perf_counter()
    services.upload_append(
        upload=upload, actor=owner, offset=offset, stream=io.BytesIO(block[:last]), length=last
    )
    after = time.perf_counter() - started
    assert upload.state == "checking", upload.state
    started = time.perf_counter()
    digest = hashlib.sha256()
    with staging_path(upload).open("rb") as handle:
        while data := handle.read(4 * 1024 * 1024):
            digest.update(data)
    before = time.perf_counter() - started
    return after, before


def main() -> None:
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    address, segment = _segment_address()
    queries, count = bench_queries(address)
    signed_rate, static_rate = bench_serving(address, segment)
    after, before = bench_upload_finish()
    load = os.getloadavg()
    print(
        f"machine: {os.cpu_count()} cores; load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}"
    )
    print("| measure | value | baseline (same run) | ratio / target |")
    print("|---|---|---|---|")
    print(
        f"| 1 MiB segment, signed address, gunicorn (2 workers), wrk 4 connections "
        f"| {signed_rate:.0f} req/s | static file, same gunicorn: {static_rate:.0f} req/s "
        f"| {signed_rate / static_rate:.2f} (target >= 0.8) |"
    )
    print(
        f"| queries per signed segment | {queries / count:g} ({count} requests) "
        "| before: 2 signed out, 5 signed in | target 0 |"
    )
    print(
        f"| last request of a 2 GiB upload | {after * 1000:.0f} ms | hashing the whole file "
        f"as before: {before * 1000:.0f} ms (probe not counted) | target < 1 s |"
    )
    shutil.rmtree(WORK, ignore_errors=True)


if __name__ == "__main__":
    main()
