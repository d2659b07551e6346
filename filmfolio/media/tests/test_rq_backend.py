"""The same job on RQ + Redis (127.0.0.1:6379): selected by ``FILMFOLIO_TASKS=rq``, run by
``filmfolio worker`` (RQ's worker with django-tasks-rq's job class, plus the sweeper)."""

from __future__ import annotations

import subprocess
import sys

import pytest
import redis

from .clips import make_clip
from .processes import ROOT, SETUP, env_for, manage, row

pytestmark = pytest.mark.slow
REDIS_URL = "redis://127.0.0.1:6379/13"


def test_transcode_runs_on_rq(tmp_path):
    connection = redis.Redis.from_url(REDIS_URL)
    connection.flushdb()
    var = tmp_path / "var"
    var.mkdir()
    env = env_for(var, FILMFOLIO_TASKS="rq", FILMFOLIO_REDIS_URL=REDIS_URL)
    clip = make_clip(tmp_path / "clip.mp4", seconds=2)
    manage(env, "migrate", "-v", "0")
    subprocess.run(
        [sys.executable, "-c", SETUP.format(clip=str(clip))],
        env=env,
        cwd=ROOT,
        check=True,
        timeout=120,
    )
    assert row(var / "db.sqlite3", "select state from media_video") == ("queued",)
    # the upload's check job (already run by the script: it will skip) and the transcode
    assert connection.llen("rq:queue:default") == 2
    worker = manage(env, "worker", "--batch")
    assert worker.returncode == 0, worker.stderr
    assert row(var / "db.sqlite3", "select state, progress_percent from media_video") == (
        "ready",
        100,
    )
    assert row(var / "db.sqlite3", "select count(*) from media_encoding") == (1,)
    assert connection.llen("rq:queue:default") == 0
    connection.flushdb()
    connection.close()
