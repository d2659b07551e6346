"""Killing the worker mid-transcode loses nothing: real ``filmfolio worker`` processes on a
file-based SQLite database are SIGKILLed several times; the job then completes exactly once, with
one set of renditions, no orphan files and no ffmpeg left running."""

from __future__ import annotations

import signal
import subprocess
import sys

import pytest

from .clips import make_clip
from .processes import (
    ROOT,
    SETUP,
    env_for,
    ffmpeg_running,
    manage,
    row,
    start_worker,
    wait_for,
)

pytestmark = pytest.mark.slow


def test_killed_workers_lose_nothing(tmp_path):
    var = tmp_path / "var"
    var.mkdir()
    db = var / "db.sqlite3"
    env = env_for(var)
    clip = make_clip(tmp_path / "long.mp4", seconds=12, size="1280x720")
    manage(env, "migrate", "-v", "0")
    subprocess.run(
        [sys.executable, "-c", SETUP.format(clip=str(clip))],
        env=env,
        cwd=ROOT,
        check=True,
        timeout=120,
    )
    assert row(db, "select state from media_video") == ("queued",)

    for kill in range(1, 4):
        worker = start_worker(env, var)
        # Wait until this worker's attempt is transcoding and has reported progress.
        wait_for(
            lambda k=kill: row(
                db,
                f"select 1 from media_transcodeattempt where number = {k} "
                "and status = 'running' and progress_percent > 0",
            ),
            120,
            f"attempt {kill}",
        )
        worker.send_signal(signal.SIGKILL)
        worker.wait()
        wait_for(lambda: not ffmpeg_running(var), 10, "ffmpeg to die with its worker")

    worker = start_worker(env, var)
    try:
        wait_for(
            lambda: row(db, "select 1 from media_video where state = 'ready'"),
            300,
            "the transcode to finish",
        )
    finally:
        worker.send_signal(signal.SIGTERM)
        worker.wait(timeout=60)

    attempts = row(
        db,
        "select group_concat(status, ',') from "
        "(select status from media_transcodeattempt order by number)",
    )
    assert attempts == ("abandoned,abandoned,abandoned,succeeded",)
    assert row(db, "select count(*) from media_encoding") == (3,)
    assert row(db, "select count(distinct profile_id) from media_encoding") == (3,)
    check = manage(env, "media-check", check=False)
    assert (check.returncode, check.stdout.strip()) == (
        0,
        "0 files without records, 0 records without files",
    )
    assert list((var / "work" / "transcode").iterdir()) == []
    assert list((var / "work" / "uploads").iterdir()) == []
