"""Helpers that run Filmfolio in real processes on a file-based SQLite database."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SETUP = """
import django, hashlib
django.setup()
from django.contrib.auth.models import User
from filmfolio.films.models import Film
from filmfolio.films.models import Collaborator
from filmfolio.media import services
from filmfolio.media.services.checksums import content_hash_of
owner = User.objects.create(username="owner")
film = Film.objects.create(slug="fault", title="Fault", visibility="private")
Collaborator.objects.create(film=film, user=owner, role="owner")
data = open({clip!r}, "rb").read()
declared = services.UploadDeclaration(length=len(data), kind="screener", visibility="screener",
    sha256=content_hash_of(data))
upload = services.upload_create(film=film, actor=owner, declared=declared)
with open({clip!r}, "rb") as stream:
    services.upload_append(upload=upload, actor=owner, offset=0, stream=stream, length=len(data))
# The check job, run here at once (the queued copy finds it done and skips it).
from filmfolio.media.services.upload_check import upload_check
assert upload_check(upload_id=str(upload.pk)) == "checked"
"""


def env_for(var: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.dev",
        DATABASE_URL=f"sqlite:///{var / 'db.sqlite3'}",
        FILMFOLIO_VAR_DIR=str(var),
        FILMFOLIO_MEDIA_ROOT=str(var / "media"),
        FILMFOLIO_TASKS="db",
        FILMFOLIO_TRANSCODE_STALL_SECONDS="3",
        FILMFOLIO_HEARTBEAT_SECONDS="0.3",
        FILMFOLIO_SWEEP_INTERVAL_SECONDS="0.5",
        FILMFOLIO_TRANSCODE_MAX_ATTEMPTS="10",
        FILMFOLIO_FFMPEG_THREADS="1",
    )
    env.update(extra)
    env.pop("FILMFOLIO_TASKS_BACKEND", None)
    return env


def manage(env, *args, check=True):
    return subprocess.run(
        [sys.executable, "-m", "filmfolio", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=check,
        timeout=300,
    )


def row(db: Path, sql: str):
    with closing(sqlite3.connect(db, timeout=20)) as conn:
        return conn.execute(sql).fetchone()


def wait_for(predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def start_worker(env, var: Path, *args: str):
    with (var / "worker.log").open("ab") as log:
        return subprocess.Popen(
            [sys.executable, "-m", "filmfolio", "worker", "--interval", "0.2", *args],
            env=env,
            cwd=ROOT,
            stdout=log,
            stderr=log,
        )


def ffmpeg_running(var: Path) -> bool:
    for proc in Path("/proc").iterdir():
        try:
            cmdline = (proc / "cmdline").read_bytes()
            zombie = "State:\tZ" in (proc / "status").read_text()
        except OSError:
            continue
        if zombie:  # killed, waiting to be reaped by init
            continue
        if str(var).encode() in cmdline and b"ffmpeg" in cmdline:
            return True
    return False
