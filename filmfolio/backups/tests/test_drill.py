"""The backup drill: a site with real media is backed up while gunicorn and the worker write,
then restored into a fresh folder and compared, row by row and file by file, with what the
manifest recorded at the moment of the backup.

Everything runs in real processes on a file-based SQLite database: ``filmfolio`` commands,
gunicorn with two workers taking API writes from a thread, and the worker transcoding a video
(its heartbeats write every 0.2 s) while ``filmfolio backup`` runs.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import tarfile
import threading
import urllib.request
from contextlib import closing
from pathlib import Path

import pytest

from filmfolio.media.tests.clips import make_clip

from .sites import (
    BUILD,
    UPLOAD,
    derived,
    file_view,
    filmfolio,
    python,
    query,
    read_manifest,
    site_env,
    start_web,
    start_worker,
    stop,
    table_view,
    wait_for,
)

pytestmark = pytest.mark.slow
# Tables that only the catalogue build writes: they must also equal the live site's rows.
SETTLED = ("people_person", "festivals_festival", "films_title", "media_image", "auth_user")


class Writer(threading.Thread):
    """Creates films drill-1, drill-2, ... through the API of the running web server."""

    def __init__(self, base: str, token: str) -> None:
        super().__init__(daemon=True)
        self.base, self.token = base, token
        self.done = 0
        self.failures: list[str] = []
        self.halt = threading.Event()

    def run(self) -> None:
        while not self.halt.is_set():
            number = self.done + 1
            body = json.dumps({"title": f"Drill {number}", "slug": f"drill-{number}"}).encode()
            request = urllib.request.Request(
                f"{self.base}/api/v1/films",
                data=body,
                method="POST",
                headers={
                    "Authorization": f"Bearer {self.token}",
                    "Content-Type": "application/json",
                },
            )
            try:
                with urllib.request.urlopen(request, timeout=60) as response:
                    assert response.status == 201
                self.done = number
            except Exception as error:  # reported by the test, never hidden
                self.failures.append(repr(error))
                return


def _snapshot(db: Path, table: str) -> list[tuple]:
    return query(db, f'SELECT * FROM "{table}" ORDER BY rowid')


@pytest.fixture(scope="module")
def drill(tmp_path_factory):
    """Build a site, back it up under load, restore it elsewhere; hand over both folders."""
    root = tmp_path_factory.mktemp("drill")
    clip = make_clip(root / "clip.mp4", seconds=3)
    live, fresh = root / "live", root / "fresh"
    live.mkdir()
    fresh.mkdir()
    env = site_env(live)
    filmfolio(env, "migrate", "--no-input", "-v0")
    filmfolio(env, "generate-catalogue", "--films", "40", "--seed", "1")
    token = python(env, BUILD.format(clip=str(clip))).strip().splitlines()[-1]
    db = live / "filmfolio.sqlite3"
    worker = start_worker(env, live)
    web = None
    try:
        wait_for(
            lambda: query(db, "SELECT state FROM media_video") == [("ready",)], 300, "transcode"
        )
        web, base = start_web(env, live)
        python(env, UPLOAD.format(clip=str(clip)))  # the worker transcodes during the backup
        writer = Writer(base, token)
        writer.start()
        wait_for(lambda: writer.done >= 3 or writer.failures, 120, "the first writes")
        before = writer.done
        archive = root / "site.tar"
        backup = filmfolio(env, "backup", "--output", str(archive))
        after = writer.done
    finally:
        if web is not None:
            writer.halt.set()
            writer.join(60)
            stop(web)
        stop(worker)
    settled = {table: _snapshot(db, table) for table in SETTLED}
    restore = filmfolio(site_env(fresh), "restore", str(archive))
    return {
        "root": root,
        "live": live,
        "fresh": fresh,
        "archive": archive,
        "writer": writer,
        "window": (before, after),
        "backup": backup,
        "restore": restore,
        "settled": settled,
    }


def test_every_row_of_every_table_is_the_manifests_moment(drill):
    manifest = read_manifest(drill["archive"])
    restored = table_view(drill["fresh"] / "filmfolio.sqlite3")
    kept = {name: view for name, view in restored.items() if not derived(name)}
    recorded = {name: view for name, view in manifest.tables.items() if not derived(name)}
    assert kept == recorded
    assert len(kept) >= 40 and sum(view["rows"] for view in kept.values()) > 1500
    # Rows of the tables nobody wrote during the drill equal the live site's, value for value.
    db = drill["fresh"] / "filmfolio.sqlite3"
    for table, rows in drill["settled"].items():
        assert _snapshot(db, table) == rows, table


def test_every_file_matches_its_checksum(drill):
    manifest = read_manifest(drill["archive"])
    media = {name: entry for name, entry in manifest.files.items() if name.startswith("media/")}
    assert file_view(drill["fresh"] / "media") == media
    kinds = {Path(name).suffix for name in media}
    assert {".jpg", ".webp", ".m3u8", ".ts", ".mp4"} <= kinds
    # Every file a restored record names is there.
    check = filmfolio(site_env(drill["fresh"]), "media-check", check=False)
    assert "record without file" not in check.stdout, check.stdout


def test_the_snapshot_is_one_consistent_moment_taken_while_the_site_wrote(drill):
    writer = drill["writer"]
    assert writer.failures == []
    before, after = drill["window"]
    db = drill["fresh"] / "filmfolio.sqlite3"
    numbers = sorted(
        int(slug.removeprefix("drill-"))
        for (slug,) in query(db, "SELECT slug FROM films_film WHERE slug LIKE 'drill-%'")
    )
    # Writes landed while the backup ran; the archive holds an unbroken prefix of them.
    assert before < len(numbers) <= after + 1
    assert numbers == list(range(1, len(numbers) + 1))
    # Each film came with its owner in the same transaction: never one without the other.
    owners = query(
        db,
        "SELECT f.slug FROM films_film f JOIN sharing_collaborator c ON c.film_id = f.id "
        "WHERE f.slug LIKE 'drill-%' AND c.role = 'owner'",
    )
    assert len(owners) == len(numbers)
    manifest = read_manifest(drill["archive"])
    assert manifest.tables["films_film"]["rows"] == 41 + len(numbers)


def test_restore_reindexes_and_reports(drill):
    manifest = read_manifest(drill["archive"])
    db = drill["fresh"] / "filmfolio.sqlite3"
    films = query(db, "SELECT count(*) FROM films_film")[0][0]
    indexed = query(db, "SELECT count(*) FROM search_searchdocument WHERE kind = 'film'")[0][0]
    assert indexed == films == manifest.tables["films_film"]["rows"]
    assert drill["restore"].stdout.startswith(f"restored the site of {manifest.created_at}")
    assert manifest.migrations["films"][0] == "0001_initial"
    assert manifest.database == {"vendor": "sqlite", "member": "database/filmfolio.sqlite3"}
    assert manifest.storage == "local"


def test_a_second_restore_is_refused_and_changes_nothing(drill):
    db = drill["fresh"] / "filmfolio.sqlite3"
    before = table_view(db)
    refused = filmfolio(site_env(drill["fresh"]), "restore", str(drill["archive"]), check=False)
    assert refused.returncode == 1
    films = before["films_film"]["rows"]
    files = len(read_manifest(drill["archive"]).media_names())
    assert refused.stderr.strip() == (
        f"CommandError: This installation is not empty (accounts: 1, films: {films}, "
        f"people: 40, festivals: 20, media files: {files}): "
        "restore into an empty installation, or add --force to replace its database and "
        "media files."
    )
    assert table_view(db) == before


def test_a_corrupt_archive_is_refused_before_anything_changes(drill):
    corrupt = drill["root"] / "corrupt.tar"
    shutil.copy(drill["archive"], corrupt)
    with tarfile.open(corrupt) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith(".mp4"))
    with corrupt.open("r+b") as handle:  # one byte inside the video's data
        handle.seek(member.offset_data + member.size // 2)
        byte = handle.read(1)
        handle.seek(-1, 1)
        handle.write(bytes([byte[0] ^ 0xFF]))
    target = drill["root"] / "empty"
    target.mkdir()
    refused = filmfolio(site_env(target), "restore", str(corrupt), check=False)
    assert refused.returncode == 1
    assert refused.stderr.strip() == (
        "CommandError: The archive is corrupt: 1 files do not match their checksums "
        f"({member.name}); nothing was restored."
    )
    # No database and no media appeared (the cache folder is made by any command's start).
    assert sorted(p.name for p in target.iterdir() if p.name != "cache") == []


def test_force_replaces_the_database_and_the_media(drill):
    fresh = drill["fresh"]
    stray = fresh / "media" / "films" / "stray.bin"
    stray.write_bytes(b"not in the archive")
    query_db = fresh / "filmfolio.sqlite3"
    with closing(sqlite3.connect(query_db)) as conn, conn:
        conn.execute("UPDATE films_film SET title = 'Changed' WHERE slug = 'backup-drill'")
    forced = filmfolio(site_env(fresh), "restore", "--force", str(drill["archive"]))
    assert forced.stdout.startswith("restored the site of ")
    manifest = read_manifest(drill["archive"])
    assert not stray.exists()
    assert file_view(fresh / "media") == {
        name: entry for name, entry in manifest.files.items() if name.startswith("media/")
    }
    restored = {n: v for n, v in table_view(query_db).items() if not derived(n)}
    assert restored == {n: v for n, v in manifest.tables.items() if not derived(n)}
    assert query(query_db, "SELECT title FROM films_film WHERE slug = 'backup-drill'") == [
        ("Backup drill",)
    ]
