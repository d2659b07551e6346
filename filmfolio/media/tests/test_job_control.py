"""The transcode queue under pressure, with real ``filmfolio worker`` processes and ffmpeg: one
uploader cannot starve another, deleting a video or its film stops its ffmpeg at once, the
sweeper never re-queues a job whose worker is alive, and a run past its time limit is stopped."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from filmfolio.media.choices import VideoState
from filmfolio.media.models import Video

from .clips import make_clip
from .flows import ready_video
from .processes import ROOT, env_for, ffmpeg_running, manage, row, start_worker, wait_for

pytestmark = pytest.mark.slow

UPLOAD = """
import django, hashlib
django.setup()
from django.contrib.auth.models import User
from filmfolio.films.models import Film
from filmfolio.films.models import Collaborator
from filmfolio.media import services
from filmfolio.media.services.checksums import content_hash_of

def upload(user, film, path):
    data = open(path, "rb").read()
    declared = services.UploadDeclaration(length=len(data), kind="trailer", visibility="team",
        sha256=content_hash_of(data))
    up = services.upload_create(film=film, actor=user, declared=declared)
    with open(path, "rb") as stream:
        services.upload_append(upload=up, actor=user, offset=0, stream=stream, length=len(data))

for name, count in {uploads!r}:
    user = User.objects.create(username=name)
    film = Film.objects.create(slug=name, title=name.title(), visibility="private")
    Collaborator.objects.create(film=film, user=user, role="owner")
    for _ in range(count):
        upload(user, film, {clip!r})
"""


def _prepare(tmp_path: Path, clip: Path, uploads, **env_extra: str):
    var = tmp_path / "var"
    var.mkdir()
    env = env_for(var, **env_extra)
    manage(env, "migrate", "-v", "0")
    subprocess.run(
        [sys.executable, "-c", UPLOAD.format(uploads=uploads, clip=str(clip))],
        env=env,
        cwd=ROOT,
        check=True,
        timeout=300,
    )
    return var, var / "db.sqlite3", env


def _python(env, code: str) -> None:
    script = "import django\ndjango.setup()\n" + code
    subprocess.run([sys.executable, "-c", script], env=env, cwd=ROOT, check=True, timeout=120)


def _stop(worker) -> None:
    worker.send_signal(signal.SIGTERM)
    worker.wait(timeout=60)


def test_one_uploader_cannot_starve_another(tmp_path):
    clip = make_clip(tmp_path / "small.mp4", seconds=1, size="320x180")
    _var, db, env = _prepare(tmp_path, clip, [("ann", 3), ("bo", 1)])
    result = manage(env, "worker", "--batch", "--no-sweep", "--interval", "0.1")
    assert result.returncode == 0, result.stderr[-2000:]
    order = row(
        db,
        "select group_concat(username, ',') from (select u.username from "
        "media_transcodeattempt a join media_video v on v.id = a.video_id "
        "join auth_user u on u.id = v.uploaded_by_id order by a.started_at, a.id)",
    )
    # Ann's three videos were queued first; Bo's waits for one of them only.
    assert order == ("ann,bo,ann,ann",)
    assert row(db, "select count(*) from media_video where state = 'ready'") == (4,)


def _running_transcode(tmp_path, seconds: int, **env_extra: str):
    clip = make_clip(tmp_path / "long.mp4", seconds=seconds, size="1280x720")
    var, db, env = _prepare(tmp_path, clip, [("ann", 1)], **env_extra)
    worker = start_worker(env, var, "--no-sweep")
    try:
        wait_for(
            lambda: (
                row(db, "select 1 from media_transcodeattempt where status = 'running'")
                and ffmpeg_running(var)
            ),
            120,
            "the transcode to start",
        )
    except BaseException:
        _stop(worker)
        raise
    return var, db, env, worker


@pytest.mark.parametrize(
    "deletion",
    [
        "from filmfolio.media import services\n"
        "from filmfolio.media.models import Video\n"
        "video = Video.objects.get()\n"
        "services.video_delete(video=video, actor=video.uploaded_by)\n",
        "from filmfolio.films.models import Film\nFilm.objects.get(slug='ann').delete()\n",
    ],
    ids=["video", "film"],
)
def test_deleting_stops_the_running_ffmpeg(tmp_path, deletion):
    var, db, env, worker = _running_transcode(tmp_path, 20, FILMFOLIO_HEARTBEAT_SECONDS="0.5")
    try:
        _python(env, deletion)
        wait_for(lambda: not ffmpeg_running(var), 10, "ffmpeg to be killed")
        assert worker.poll() is None  # the worker itself carries on
        assert row(db, "select count(*) from media_video") == (0,)
        wait_for(lambda: list((var / "work" / "transcode").iterdir()) == [], 10, "scratch")
        assert [p for p in (var / "media").rglob("*") if p.is_file() and "/videos/" in str(p)] == []
    finally:
        _stop(worker)


def test_the_sweeper_leaves_a_live_quiet_worker_alone(tmp_path):
    # Heartbeats every 60 s with a 1 s lease: the lease runs out while the worker is busy.
    var, db, env, worker = _running_transcode(
        tmp_path, 10, FILMFOLIO_HEARTBEAT_SECONDS="60", FILMFOLIO_TRANSCODE_STALL_SECONDS="1"
    )
    try:
        wait_for(
            lambda: (
                row(
                    db,
                    "select 1 from media_video where state = 'transcoding' "
                    "and lease_expires_at < strftime('%Y-%m-%d %H:%M:%f', 'now')",
                )
                and ffmpeg_running(var)
            ),
            30,
            "the lease to run out while ffmpeg works",
        )
    except BaseException:
        _stop(worker)
        raise
    sweeper = start_worker(env, var, "--sweep-interval", "0.3")
    try:
        wait_for(lambda: row(db, "select 1 from media_video where state = 'ready'"), 300, "ready")
    finally:
        _stop(sweeper)
        _stop(worker)
    assert row(db, "select group_concat(status, ',') from media_transcodeattempt") == ("succeeded",)


@pytest.mark.django_db
def test_a_transcode_past_its_time_limit_is_stopped_without_retries(
    client, film, owner, tmp_path, settings
):
    settings.FILMFOLIO_MEDIA = {
        "HEARTBEAT_SECONDS": 0.2,
        "TRANSCODE_TIME_BASE_SECONDS": 0.5,
        "TRANSCODE_TIME_PER_SECOND": 0.01,
    }
    clip = make_clip(tmp_path / "ten.mp4", seconds=10, size="1280x720")
    client.force_login(owner)
    video = ready_video(client, film=film, path=clip)
    assert (video.state, video.attempt_count, video.failure_reason) == (
        VideoState.FAILED,
        1,
        "The job took longer than its time limit and was stopped.",
    )
    assert Video.objects.get().encodings.count() == 0
    assert not ffmpeg_running(Path(settings.FILMFOLIO_MEDIA_WORK_DIR))
