"""Killing the worker mid-transcode loses nothing: real ``filmfolio worker`` processes on a
file-based SQLite database are SIGKILLed several times; the job then completes exactly once, with
one set of renditions, no orphan files and no ffmpeg left running."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from .conftest import make_clip

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[3]
SETUP = """
import django, hashlib
django.setup()
from django.contrib.auth.models import User
from filmfolio.films.models import Film
from filmfolio.sharing.models import Collaborator
from filmfolio.media import services
owner = User.objects.create(username="owner")
film = Film.objects.create(slug="fault", title="Fault", visibility="private")
Collaborator.objects.create(film=film, user=owner, role="owner")
data = open({clip!r}, "rb").read()
upload = services.upload_create(film=film, actor=owner, length=len(data), kind="screener",
    visibility="screener", sha256=hashlib.sha256(data).hexdigest())
with open({clip!r}, "rb") as stream:
    services.upload_append(upload=upload, actor=owner, offset=0, stream=stream, length=len(data))
"""


def _env(var: Path) -> dict[str, str]:
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
    env.pop("FILMFOLIO_TASKS_BACKEND", None)
    return env


def _manage(env, *args, check=True):
    return subprocess.run(
        [sys.executable, "-m", "filmfolio", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=check,
        timeout=300,
    )


def _row(db: Path, sql: str):
    with closing(sqlite3.connect(db, timeout=20)) as conn:
        return conn.execute(sql).fetchone()


def _wait_for(predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def _start_worker(env, var: Path):
    with (var / "worker.log").open("ab") as log:
        return subprocess.Popen(
            [sys.executable, "-m", "filmfolio", "worker", "--interval", "0.2"],
            env=env,
            cwd=ROOT,
            stdout=log,
            stderr=log,
        )


def _ffmpeg_running(var: Path) -> bool:
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


def test_killed_workers_lose_nothing(tmp_path):
    var = tmp_path / "var"
    var.mkdir()
    db = var / "db.sqlite3"
    env = _env(var)
    clip = make_clip(tmp_path / "long.mp4", seconds=12, size="1280x720")
    _manage(env, "migrate", "-v", "0")
    subprocess.run(
        [sys.executable, "-c", SETUP.format(clip=str(clip))],
        env=env,
        cwd=ROOT,
        check=True,
        timeout=120,
    )
    assert _row(db, "select state from media_video") == ("queued",)

    for kill in range(1, 4):
        worker = _start_worker(env, var)
        # Wait until this worker's attempt is transcoding and has reported progress.
        _wait_for(
            lambda k=kill: _row(
                db,
                f"select 1 from media_transcodeattempt where number = {k} "
                "and status = 'running' and progress_percent > 0",
            ),
            120,
            f"attempt {kill}",
        )
        worker.send_signal(signal.SIGKILL)
        worker.wait()
        _wait_for(lambda: not _ffmpeg_running(var), 10, "ffmpeg to die with its worker")

    worker = _start_worker(env, var)
    try:
        _wait_for(
            lambda: _row(db, "select 1 from media_video where state = 'ready'"),
            300,
            "the transcode to finish",
        )
    finally:
        worker.send_signal(signal.SIGTERM)
        worker.wait(timeout=60)

    attempts = _row(
        db,
        "select group_concat(status, ',') from "
        "(select status from media_transcodeattempt order by number)",
    )
    assert attempts == ("abandoned,abandoned,abandoned,succeeded",)
    assert _row(db, "select count(*) from media_encoding") == (3,)
    assert _row(db, "select count(distinct profile_id) from media_encoding") == (3,)
    check = _manage(env, "media-check", check=False)
    assert (check.returncode, check.stdout.strip()) == (
        0,
        "0 files without records, 0 records without files",
    )
    assert list((var / "work" / "transcode").iterdir()) == []
    assert list((var / "work" / "uploads").iterdir()) == []
