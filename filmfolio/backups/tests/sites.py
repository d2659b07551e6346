"""Whole Filmfolio sites in real processes for the drills: a folder each (database, media,
cache), the ``filmfolio`` command, gunicorn, the worker, and readers of what a site holds."""

from __future__ import annotations

import hashlib
import os
import socket
import sqlite3
import subprocess
import sys
import tarfile
import time
import urllib.request
from contextlib import closing
from pathlib import Path

from filmfolio.backups.archive import Manifest

ROOT = Path(__file__).resolve().parents[3]
SEARCH_TABLES = ("search_",)  # the index restore and transfer rebuild

BUILD = """
import django, io
django.setup()
from django.contrib.auth.models import User
from PIL import Image
from filmfolio.api.services.tokens import api_token_create
from filmfolio.films.models import Film
from filmfolio.films.services import film_create
from filmfolio.media import services
from filmfolio.media.services.checksums import content_hash_of
owner = User.objects.create_user(username="owner", password="drill-password-1")
film = film_create(actor=owner, title="Backup drill", slug="backup-drill")
for colour in ["#804020", "#208040"]:
    buffer = io.BytesIO()
    Image.new("RGB", (800, 450), colour).save(buffer, "JPEG")
    details = services.ImageDetails(caption=colour)
    services.image_upload(film=film, actor=owner, data=buffer.getvalue(), details=details)
data = open({clip!r}, "rb").read()
declared = services.UploadDeclaration(length=len(data), kind="trailer", visibility="film",
    sha256=content_hash_of(data))
upload = services.upload_create(film=film, actor=owner, declared=declared)
with open({clip!r}, "rb") as stream:
    services.upload_append(upload=upload, actor=owner, offset=0, stream=stream, length=len(data))
print(api_token_create(user=owner, name="drill", scope="write")[1])
"""

UPLOAD = """
import django
django.setup()
from django.contrib.auth.models import User
from filmfolio.films.models import Film
from filmfolio.media import services
from filmfolio.media.services.checksums import content_hash_of
owner = User.objects.get(username="owner")
film = Film.objects.get(slug="backup-drill")
data = open({clip!r}, "rb").read()
declared = services.UploadDeclaration(length=len(data), kind="screener", visibility="screener",
    sha256=content_hash_of(data))
upload = services.upload_create(film=film, actor=owner, declared=declared)
with open({clip!r}, "rb") as stream:
    services.upload_append(upload=upload, actor=owner, offset=0, stream=stream, length=len(data))
"""


def site_env(var: Path, **extra: str) -> dict[str, str]:
    """The environment of a site kept in ``var`` (SQLite database, media, cache)."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("FILMFOLIO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.dev",
        FILMFOLIO_DEBUG="0",
        DATABASE_URL=f"sqlite:///{var / 'filmfolio.sqlite3'}",
        FILMFOLIO_VAR_DIR=str(var),
        FILMFOLIO_MEDIA_ROOT=str(var / "media"),
        FILMFOLIO_HEARTBEAT_SECONDS="0.2",
        FILMFOLIO_FFMPEG_THREADS="1",
        FILMFOLIO_SEARCH_REBUILD_WORKERS="1",
    )
    env.update(extra)
    return env


def filmfolio(env: dict[str, str], *args: str, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, "-m", "filmfolio", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if check and result.returncode != 0:
        raise AssertionError(f"filmfolio {' '.join(args)} failed:\n{result.stderr[-4000:]}")
    return result


def python(env: dict[str, str], script: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    return result.stdout


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start(env: dict[str, str], var: Path, name: str, *args: str) -> subprocess.Popen:
    with (var / f"{name}.log").open("ab") as log:
        return subprocess.Popen(args, env=env, cwd=ROOT, stdout=log, stderr=log)


def start_web(env: dict[str, str], var: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    process = start(
        env,
        var,
        "web",
        sys.executable,
        "-m",
        "gunicorn",
        "config.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        "2",
    )
    base = f"http://127.0.0.1:{port}"
    wait_for(lambda: _answers(f"{base}/films/"), 120, "the web server")
    return process, base


def start_worker(env: dict[str, str], var: Path) -> subprocess.Popen:
    return start(
        env, var, "worker", sys.executable, "-m", "filmfolio", "worker", "--interval", "0.2"
    )


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status == 200
    except OSError:
        return False


def wait_for(predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def query(db: Path, sql: str, *params) -> list[tuple]:
    with closing(sqlite3.connect(db, timeout=30)) as conn:
        return conn.execute(sql, params).fetchall()


def table_view(db: Path) -> dict[str, dict]:
    """Rows and the SHA-256 of their ``repr`` lines in rowid order, for every table: the
    manifest's definition, computed here on its own."""
    view = {}
    with closing(sqlite3.connect(db)) as conn:
        names = [
            n
            for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not n.startswith("sqlite_")
        ]
        for name in sorted(names):
            try:
                rows = conn.execute(f'SELECT * FROM "{name}" ORDER BY rowid').fetchall()
            except sqlite3.OperationalError:
                rows = conn.execute(f'SELECT * FROM "{name}"').fetchall()
            digest = hashlib.sha256()
            for row in rows:
                digest.update(repr(tuple(row)).encode() + b"\n")
            view[name] = {"rows": len(rows), "sha256": digest.hexdigest()}
    return view


def file_view(media_root: Path) -> dict[str, dict]:
    """``media/<name>`` -> sha256 and size of every file under ``media_root``."""
    return {
        f"media/{path.relative_to(media_root)}": {
            "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
            "bytes": path.stat().st_size,
        }
        for path in sorted(media_root.rglob("*"))
        if path.is_file()
    }


def read_manifest(archive: Path) -> Manifest:
    with tarfile.open(archive) as tar:
        member = tar.extractfile("manifest.json")
        assert member is not None
        return Manifest.from_json(member.read())


def derived(table: str) -> bool:
    return table.startswith(SEARCH_TABLES)
