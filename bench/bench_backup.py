"""Backup, restore and transfer timings on the benchmark catalogue with real media files.

    python bench/bench_backup.py [--films 10000] [--seed 1] [--clips 2] [--images 10] [--write]

The site lives in ``var/bench/backup-<films>/`` (built once, reused: ``generate-catalogue
--films N --seed S``, then images and real transcoded videos through the media services). Each
operation runs as the operator runs it, a ``filmfolio`` command in its own process, timed from
start to exit. Baselines measured in the same run:

- backup: a plain copy of the database file and the media folder (not consistent while the
  site writes), and ``sqlite3 .backup`` plus ``tar`` of the media folder;
- restore: ``tar -xf`` of the same archive (no checks, no migrations, no index);
- transfer: ``pg_dump`` + ``pg_restore`` of the transferred PostgreSQL database into another
  empty one (a copy of the same rows between two PostgreSQL databases).

``--write`` replaces docs/benchmarks-ops.md with this run's tables.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import resource
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "benchmarks-ops.md"
SERVER = os.environ.get("FILMFOLIO_BENCH_PG", "postgres://postgres@127.0.0.1:5432").rstrip("/")

MEDIA = """
import django, hashlib, io, sys
django.setup()
from django.contrib.auth.models import User
from PIL import Image
from filmfolio.films.models import Film
from filmfolio.media import services
from filmfolio.films.models import Collaborator
owner = User.objects.create_user(username="bench-owner")
films = list(Film.objects.filter(visibility="public").order_by("id")[:{images}])
for number, film in enumerate(films):
    Collaborator.objects.create(film=film, user=owner, role="owner")
    buffer = io.BytesIO()
    Image.effect_noise((1920, 1080), 40 + number).convert("RGB").save(buffer, "JPEG", quality=90)
    poster = services.ImageDetails(is_poster=True)
    services.image_upload(film=film, actor=owner, data=buffer.getvalue(), details=poster)
for path in sys.argv[1:]:
    data = open(path, "rb").read()
    declared = services.UploadDeclaration(length=len(data), kind="trailer", visibility="film",
        sha256=hashlib.sha256(data).hexdigest())
    upload = services.upload_create(film=films[0], actor=owner, declared=declared)
    with open(path, "rb") as stream:
        services.upload_append(upload=upload, actor=owner, offset=0, stream=stream,
            length=len(data))
"""


def site_env(var: Path, **extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("FILMFOLIO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.dev",
        FILMFOLIO_DEBUG="0",
        DATABASE_URL=f"sqlite:///{var / 'filmfolio.sqlite3'}",
        FILMFOLIO_VAR_DIR=str(var),
        FILMFOLIO_MEDIA_ROOT=str(var / "media"),
    )
    env.update(extra)
    return env


def run(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(args, env=env, cwd=ROOT, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return result.stdout


def filmfolio(env: dict[str, str], *args: str) -> str:
    return run(env, sys.executable, "-m", "filmfolio", *args)


def timed(function: Callable[[], object]) -> float:
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def command(numbers: dict, key: str, env: dict[str, str], *args: str) -> None:
    """Run one ``filmfolio`` command: its wall time, the CPU time of its processes (children
    included), and the time the command itself reports for the work (process start excluded)."""
    cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    output = filmfolio(env, *args)
    numbers[key] = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    numbers[f"{key} cpu"] = after.ru_utime + after.ru_stime - cpu.ru_utime - cpu.ru_stime
    numbers[f"{key} work"] = float(re.findall(r" in ([0-9.]+)s", output)[0])


def make_clip(path: Path, seconds: int) -> Path:
    run(
        dict(os.environ),
        "ffmpeg",
        "-v",
        "error",
        "-y",
        "-f",
        "lavfi",
        "-i",
        f"testsrc2=size=1280x720:rate=25:duration={seconds}",
        "-f",
        "lavfi",
        "-i",
        f"sine=frequency=440:duration={seconds}",
        "-c:v",
        "libx264",
        "-preset",
        "veryfast",
        "-pix_fmt",
        "yuv420p",
        "-c:a",
        "aac",
        str(path),
    )
    return path


def build(var: Path, args: argparse.Namespace) -> None:
    """The catalogue and its media, once per catalogue size."""
    if (var / "filmfolio.sqlite3").exists():
        return
    var.mkdir(parents=True, exist_ok=True)
    env = site_env(var, FILMFOLIO_TASKS_BACKEND="django_tasks.backends.immediate.ImmediateBackend")
    filmfolio(env, "migrate", "--no-input", "-v0")
    print(f"generating {args.films} films ...", flush=True)
    filmfolio(env, "generate-catalogue", "--films", str(args.films), "--seed", str(args.seed))
    clips = [make_clip(var / f"clip-{n}.mp4", 20) for n in range(args.clips)]
    print(f"{args.images} images, {len(clips)} videos through the media services ...", flush=True)
    run(env, sys.executable, "-c", MEDIA.format(images=args.images), *map(str, clips))
    for clip in clips:
        clip.unlink()


def folder_bytes(path: Path) -> tuple[int, int]:
    files = [p for p in path.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def reset_database(name: str) -> str:
    run(dict(os.environ), "psql", f"{SERVER}/postgres", "-qc", f"DROP DATABASE IF EXISTS {name}")
    run(dict(os.environ), "psql", f"{SERVER}/postgres", "-qc", f"CREATE DATABASE {name}")
    return f"{SERVER}/{name}"


def measure(var: Path, scratch: Path) -> dict[str, float | str]:
    env = site_env(var)
    db = var / "filmfolio.sqlite3"
    numbers: dict[str, float | str] = {}
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)

    def plain_copy() -> None:
        shutil.copyfile(db, scratch / "copy.sqlite3")
        shutil.copytree(var / "media", scratch / "copy-media")

    def sqlite_tar() -> None:
        with sqlite3.connect(db) as src, sqlite3.connect(scratch / "cli.sqlite3") as dst:
            src.backup(dst)
        run(dict(os.environ), "tar", "-cf", str(scratch / "media.tar"), "-C", str(var), "media")

    numbers["process start"] = timed(lambda: filmfolio(env, "check"))
    numbers["baseline copy"] = timed(plain_copy)
    numbers["baseline sqlite backup + tar"] = timed(sqlite_tar)
    for suffix in ("tar", "tar.zst"):
        archive = scratch / f"site.{suffix}"
        command(numbers, f"backup .{suffix}", env, "backup", "--output", str(archive))
        numbers[f"size .{suffix}"] = f"{archive.stat().st_size / 2**20:,.1f} MiB"
    untar = scratch / "untar"
    untar.mkdir()
    numbers["baseline tar -xf"] = timed(
        lambda: run(dict(os.environ), "tar", "-xf", str(scratch / "site.tar"), "-C", str(untar))
    )
    for suffix in ("tar", "tar.zst"):
        fresh = scratch / f"restored-{suffix}"
        fresh.mkdir()
        archive = scratch / f"site.{suffix}"
        command(numbers, f"restore .{suffix}", site_env(fresh), "restore", str(archive))
    target = reset_database("filmfolio_ops_bench_transfer")
    command(numbers, "transfer", env, "transfer", "--to", target)
    copy = reset_database("filmfolio_ops_bench_copy")
    dump = scratch / "pg.dump"
    numbers["baseline pg_dump + pg_restore"] = timed(
        lambda: (
            run(dict(os.environ), "pg_dump", "-Fc", "-f", str(dump), target),
            run(dict(os.environ), "pg_restore", "--no-owner", "-d", copy, str(dump)),
        )
    )
    return numbers


def table(numbers: dict[str, float | str], var: Path, args: argparse.Namespace) -> str:
    media_files, media_bytes = folder_bytes(var / "media")
    db_bytes = (var / "filmfolio.sqlite3").stat().st_size
    with sqlite3.connect(var / "filmfolio.sqlite3") as conn:
        rows = sum(
            conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            ).fetchall()
        )

    def s(key: str) -> str:
        return f"{numbers[key]:.1f} s"

    def c(key: str) -> str:
        return (
            f"**{numbers[key + ' work']:.1f} s** of work ({s(key)} whole command, "
            f"{numbers[key + ' cpu']:.1f} s CPU)"
        )

    load = os.getloadavg()[0]
    return "\n".join(
        [
            f"## {time.strftime('%Y-%m-%d')}: {args.films:,} films, seed {args.seed}",
            "",
            f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
            f"{platform.python_version()}, SQLite {sqlite3.sqlite_version}; load average "
            f"{load:.1f} at the end of the run. Site: database {db_bytes / 2**20:,.1f} MiB "
            f"({rows:,} rows in all tables), {media_files} media files "
            f"{media_bytes / 2**20:,.1f} MiB ({args.images} images with their WebP widths, "
            f"{args.clips} transcoded 20 s 720p videos with their HLS ladders). Every time is a "
            f"whole command (process start included: `filmfolio check` took "
            f"{s('process start')}); the work is the time the command reports for itself, "
            "from settings loaded to archive written, site restored or index rebuilt.",
            "",
            "| operation | baseline (same run) | filmfolio |",
            "|---|---|---|",
            f"| backup | plain copy of database + media {s('baseline copy')}; "
            f"`sqlite3 .backup` + `tar` {s('baseline sqlite backup + tar')} | "
            f"`backup` to .tar {c('backup .tar')}, {numbers['size .tar']}; "
            f"to .tar.zst {c('backup .tar.zst')}, {numbers['size .tar.zst']} |",
            f"| restore | `tar -xf` of the archive {s('baseline tar -xf')} | "
            f"`restore` from .tar {c('restore .tar')}; from .tar.zst {c('restore .tar.zst')} "
            "(checksums, migrate, search index rebuilt) |",
            f"| transfer to PostgreSQL | `pg_dump` + `pg_restore` of the same rows "
            f"{s('baseline pg_dump + pg_restore')} | `transfer` {c('transfer')} (its "
            "work includes two child commands, `migrate` and `reindex` on PostgreSQL, each "
            "with its own process start; media stay local) |",
            "",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--films", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--clips", type=int, default=2)
    parser.add_argument("--images", type=int, default=10)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    var = ROOT / "var" / "bench" / f"backup-{args.films}"
    build(var, args)
    numbers = measure(var, ROOT / "var" / "bench" / f"backup-{args.films}-runs")
    text = table(numbers, var, args)
    print(text)
    if args.write:
        header = DOC.read_text().split("\n## ", 1)[0] if DOC.exists() else ""
        DOC.write_text((header.rstrip() + "\n\n" if header else "") + text)


if __name__ == "__main__":
    main()
