"""Media benchmarks: transcode overhead of our pipeline vs the same raw ffmpeg commands, and
tus upload throughput vs a plain file copy.

Run: ``python bench/bench_media.py`` (``make bench-media``). Prints a Markdown table; the numbers
go into docs/benchmarks-media.md. Uses a throw-away SQLite database and media directory.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = Path(tempfile.mkdtemp(prefix="filmfolio-bench-media-"))
os.environ.update(
    DJANGO_SETTINGS_MODULE="config.settings.dev",
    DATABASE_URL=f"sqlite:///{WORK / 'db.sqlite3'}",
    FILMFOLIO_VAR_DIR=str(WORK / "var"),
    FILMFOLIO_MEDIA_ROOT=str(WORK / "var" / "media"),
    FILMFOLIO_TASKS_BACKEND="django_tasks.backends.dummy.DummyBackend",
    FILMFOLIO_HEARTBEAT_SECONDS="5",
)
sys.path.insert(0, str(ROOT))


def make_clip(path: Path, seconds: int, size: str, *, faststart: bool = False) -> Path:
    args = [
        "ffmpeg",
        "-v",
        "error",
        "-y",
        "-f",
        "lavfi",
        "-i",
        f"testsrc2=size={size}:rate=25:duration={seconds}",
        "-f",
        "lavfi",
        "-i",
        f"sine=frequency=440:duration={seconds}",
        "-c:v",
        "libx264",
        "-preset",
        "ultrafast",
        "-pix_fmt",
        "yuv420p",
        "-c:a",
        "aac",
    ]
    if faststart:
        args += ["-movflags", "+faststart"]
    subprocess.run([*args, str(path)], check=True)
    return path


def setup_django():
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    from django.contrib.auth.models import User

    from filmfolio.films.models import Collaborator, Film

    owner = User.objects.create(username="bench")
    film = Film.objects.create(slug="bench", title="Bench")
    Collaborator.objects.create(film=film, user=owner, role="owner")
    return owner, film


def upload(owner, film, path: Path, chunk: int):
    from filmfolio.media import services

    declared = services.UploadDeclaration(
        length=path.stat().st_size, kind="screener", visibility="team"
    )
    upload = services.upload_create(film=film, actor=owner, declared=declared)
    with path.open("rb") as stream:
        offset = 0
        while offset < upload.length_bytes:
            length = min(chunk, upload.length_bytes - offset)
            services.upload_append(
                upload=upload, actor=owner, offset=offset, stream=stream, length=length
            )
            offset += length
    upload.refresh_from_db()
    return upload


def raw_transcode(video, source: Path) -> float:
    """The same ffmpeg commands the pipeline runs, straight from a shell-like call."""
    from filmfolio.media import ffmpeg
    from filmfolio.media.conf import media_setting
    from filmfolio.media.services.transcode import _rungs

    out = WORK / "raw"
    shutil.rmtree(out, ignore_errors=True)
    rungs = ffmpeg.ladder_for(video.height, _rungs())
    hls = ffmpeg.hls_args(
        source=source,
        container=video.container,
        out_dir=out / "hls",
        rungs=rungs,
        has_audio=True,
        options=ffmpeg.EncodeOptions(
            segment_seconds=int(media_setting("HLS_SEGMENT_SECONDS")),
            preset=str(media_setting("FFMPEG_PRESET")),
        ),
    )
    poster = ffmpeg.poster_args(
        source=source,
        container=video.container,
        target=out / "poster.jpg",
        at_seconds=min(5.0, video.duration_seconds / 10),
        height=min(720, rungs[0].height),
    )
    (out / "hls").mkdir(parents=True)
    start = time.perf_counter()
    subprocess.run(hls, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    subprocess.run(poster, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def pipeline_transcode(video) -> float:
    from filmfolio.media import services, storage
    from filmfolio.media.models import Encoding, Video

    Encoding.objects.filter(video=video).delete()
    storage.delete_tree(f"{storage.video_dir(video.film_id, video.public_id)}/hls")
    Video.objects.filter(pk=video.pk).update(state="queued", attempt_count=0)
    start = time.perf_counter()
    assert services.video_transcode(video_id=video.pk) == "ready"
    return time.perf_counter() - start


def bench_transcode(owner, film, seconds: int, size: str, runs: int) -> dict:
    clip = make_clip(WORK / "clip.mp4", seconds, size)
    video = upload(owner, film, clip, 8 * 1024 * 1024).video
    from filmfolio.media import storage

    source = storage.local_path(video.original_file)
    assert source is not None, "the benchmark runs on local storage"
    raw, ours = [], []
    for _ in range(runs):  # alternate to share any drift in machine load
        raw.append(raw_transcode(video, source))
        ours.append(pipeline_transcode(video))
    return {
        "raw": statistics.median(raw),
        "ours": statistics.median(ours),
        "rungs": video.encodings.count(),
        "raw_all": raw,
        "ours_all": ours,
    }


def bench_upload(owner, film, size_mb: int, chunk_mb: int) -> dict:
    clip = make_clip(WORK / "head.mp4", 2, "640x360", faststart=True)
    big = WORK / "big.mp4"
    with big.open("wb") as out:  # a real video header followed by incompressible bytes
        out.write(clip.read_bytes())
        remaining = size_mb * 1024 * 1024 - clip.stat().st_size
        while remaining > 0:
            block = os.urandom(min(remaining, 4 * 1024 * 1024))
            out.write(block)
            remaining -= len(block)
    copy_target = WORK / "copy.bin"
    start = time.perf_counter()
    shutil.copyfile(big, copy_target)
    copy_plain = time.perf_counter() - start
    start = time.perf_counter()
    with big.open("rb") as src, copy_target.open("wb") as dst:
        shutil.copyfileobj(src, dst, 1024 * 1024)
        dst.flush()
        os.fsync(dst.fileno())
    copy_fsync = time.perf_counter() - start
    copy_target.unlink()
    start = time.perf_counter()
    done = upload(owner, film, big, chunk_mb * 1024 * 1024)
    ours = time.perf_counter() - start
    assert done.state == "complete", done.rejection_reason
    mb = big.stat().st_size / 1024 / 1024
    return {"mb": mb, "copy": mb / copy_plain, "copy_fsync": mb / copy_fsync, "ours": mb / ours}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=30, help="clip length for the transcode")
    parser.add_argument("--size", default="1280x720", help="clip size for the transcode")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--upload-mb", type=int, default=512)
    parser.add_argument("--chunk-mb", type=int, default=8)
    args = parser.parse_args()
    try:
        owner, film = setup_django()
        t = bench_transcode(owner, film, args.seconds, args.size, args.runs)
        u = bench_upload(owner, film, args.upload_mb, args.chunk_mb)
    finally:
        shutil.rmtree(WORK, ignore_errors=True)
    overhead = (t["ours"] - t["raw"]) / t["raw"] * 100
    print(
        f"| transcode {args.seconds} s {args.size} → {t['rungs']} rungs + poster, median of "
        f"{args.runs} | raw ffmpeg {t['raw']:.2f} s | pipeline {t['ours']:.2f} s | "
        f"overhead {overhead:+.1f} % |"
    )
    print(
        f"|   runs raw {', '.join(f'{x:.2f}' for x in t['raw_all'])}; "
        f"pipeline {', '.join(f'{x:.2f}' for x in t['ours_all'])} | | | |"
    )
    print(
        f"| upload {u['mb']:.0f} MiB in {args.chunk_mb} MiB chunks (fsync per chunk, SHA-256, "
        f"probe, move) | plain copy {u['copy']:.0f} MiB/s | copy + fsync "
        f"{u['copy_fsync']:.0f} MiB/s | upload {u['ours']:.0f} MiB/s |"
    )


if __name__ == "__main__":
    main()
