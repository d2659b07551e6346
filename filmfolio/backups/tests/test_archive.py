"""The archive format on its own: members, manifest, checksums, compression, refusals."""

from __future__ import annotations

import hashlib
import io
import tarfile
from pathlib import Path

import pytest

from filmfolio.backups import databases
from filmfolio.backups.archive import (
    ArchiveWriter,
    Manifest,
    compression_of,
    extract,
    verify,
)
from filmfolio.backups.errors import BackupRefusedError, RestoreRefusedError

DATA = {"database/filmfolio.sqlite3": b"SQLite format 3\x00" + bytes(range(256)) * 40}
MEDIA = {"media/films/1/images/a/original.jpg": b"\xff\xd8" + b"j" * 5000}


def _manifest() -> Manifest:
    return Manifest(
        filmfolio_version="0.1.0",
        created_at="2026-01-01T00:00:00+00:00",
        database={"vendor": "sqlite", "member": "database/filmfolio.sqlite3"},
        storage="local",
        migrations={"films": ["0001_initial"]},
        tables={"films_film": {"rows": 3, "sha256": "0" * 64}},
    )


def _write(path: Path) -> Manifest:
    writer = ArchiveWriter(path, compression_of(path))
    for member, data in {**DATA, **MEDIA}.items():
        writer.add(member, io.BytesIO(data), len(data))
    manifest = _manifest()
    writer.close(manifest)
    return manifest


@pytest.mark.parametrize("name", ["site.tar", "site.tar.gz", "site.tar.zst"])
def test_round_trip_in_every_compression(tmp_path, name):
    path = tmp_path / name
    written = _write(path)
    staging = tmp_path / "staging"
    manifest, found = extract(path, staging)
    verify(manifest, found)
    assert manifest == written
    assert manifest.files == {
        member: {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
        for member, data in sorted({**DATA, **MEDIA}.items())
    }
    assert manifest.media_names() == ["films/1/images/a/original.jpg"]
    assert (staging / "media/films/1/images/a/original.jpg").read_bytes() == MEDIA[
        "media/films/1/images/a/original.jpg"
    ]


def _rewrite(source: Path, target: Path, change) -> None:
    """Copy the tar ``source`` to ``target`` with ``change(name, data)`` applied to members."""
    with tarfile.open(source) as old, tarfile.open(target, "w") as new:
        for info in old:
            member = old.extractfile(info)
            assert member is not None
            data = member.read()
            changed = change(info.name, data)
            if changed is None:
                continue
            name, data = changed
            copy = tarfile.TarInfo(name)
            copy.size = len(data)
            new.addfile(copy, io.BytesIO(data))


def test_a_changed_byte_is_refused_by_its_checksum(tmp_path):
    _write(tmp_path / "good.tar")

    def flip(name, data):
        return (name, b"\x00" + data[1:]) if name.startswith("media/") else (name, data)

    _rewrite(tmp_path / "good.tar", tmp_path / "bad.tar", flip)
    manifest, found = extract(tmp_path / "bad.tar", tmp_path / "staging")
    with pytest.raises(RestoreRefusedError) as refused:
        verify(manifest, found)
    assert refused.value.message == (
        "The archive is corrupt: 1 files do not match their checksums "
        "(media/films/1/images/a/original.jpg); nothing was restored."
    )


def test_a_missing_or_extra_member_is_refused(tmp_path):
    _write(tmp_path / "good.tar")

    def drop_media_add_other(name, data):
        if name.startswith("media/"):
            return ("media/films/1/stray.bin", data)
        return (name, data)

    _rewrite(tmp_path / "good.tar", tmp_path / "bad.tar", drop_media_add_other)
    manifest, found = extract(tmp_path / "bad.tar", tmp_path / "staging")
    with pytest.raises(RestoreRefusedError) as refused:
        verify(manifest, found)
    assert "2 files do not match" in refused.value.message
    assert "media/films/1/images/a/original.jpg, media/films/1/stray.bin" in refused.value.message


@pytest.mark.parametrize("suffix", [".tar", ".tar.gz", ".tar.zst"])
def test_a_truncated_archive_is_refused(tmp_path, suffix):
    _write(tmp_path / f"good{suffix}")
    data = (tmp_path / f"good{suffix}").read_bytes()
    (tmp_path / f"cut{suffix}").write_bytes(data[: len(data) // 2])
    with pytest.raises(RestoreRefusedError) as refused:
        extract(tmp_path / f"cut{suffix}", tmp_path / "staging")
    assert refused.value.message.startswith("The archive is damaged or incomplete (")


def test_entries_outside_the_layout_are_refused(tmp_path):
    _write(tmp_path / "good.tar")
    _rewrite(
        tmp_path / "good.tar",
        tmp_path / "bad.tar",
        lambda name, data: ("../escape.txt", data) if name.startswith("media/") else (name, data),
    )
    with pytest.raises(RestoreRefusedError) as refused:
        extract(tmp_path / "bad.tar", tmp_path / "staging")
    assert refused.value.message == "The archive holds an unexpected entry: ../escape.txt."
    assert not (tmp_path / "escape.txt").exists()


def test_an_archive_without_manifest_is_refused(tmp_path):
    _write(tmp_path / "good.tar")
    _rewrite(
        tmp_path / "good.tar",
        tmp_path / "bad.tar",
        lambda name, data: None if name == "manifest.json" else (name, data),
    )
    with pytest.raises(RestoreRefusedError) as refused:
        extract(tmp_path / "bad.tar", tmp_path / "staging")
    assert refused.value.message == "The archive has no manifest; nothing was restored."


def test_no_file_at_the_path(tmp_path):
    with pytest.raises(RestoreRefusedError) as refused:
        extract(tmp_path / "none.tar", tmp_path / "staging")
    assert refused.value.message == f"There is no archive at {tmp_path / 'none.tar'}."


def test_compression_follows_the_name():
    assert [compression_of(Path(n)) for n in ["a.tar", "a.tar.gz", "a.tgz", "a.tar.zst"]] == [
        "",
        "gz",
        "gz",
        "zst",
    ]


def test_pg_dump_must_be_as_new_as_the_server():
    installed = databases.client_major_version("pg_dump")
    assert isinstance(installed, int) and installed >= 12
    databases.check_client("pg_dump", installed, BackupRefusedError)
    with pytest.raises(BackupRefusedError) as refused:
        databases.check_client("pg_dump", installed + 1, BackupRefusedError)
    assert refused.value.message == (
        f"pg_dump is version {installed} but the server runs PostgreSQL {installed + 1}: "
        f"install a client of version {installed + 1} or newer."
    )
    with pytest.raises(BackupRefusedError) as missing:
        databases.check_client("pg_dump-not-installed", installed, BackupRefusedError)
    assert missing.value.message.startswith("pg_dump-not-installed is not installed")


def test_pg_dump_arguments_name_the_snapshot_and_keep_the_password_off_the_command_line():
    args = databases.pg_dump_args(target=Path("/x/dump"), snapshot="00000003-1")
    assert args == [
        "pg_dump",
        "--format=custom",
        "--no-owner",
        "--no-privileges",
        "--snapshot=00000003-1",
        "--file=/x/dump",
    ]
    env = databases.libpq_env(
        {"HOST": "db", "PORT": 5433, "USER": "u", "PASSWORD": "secret", "NAME": "ff"}
    )
    assert env == {
        "PGHOST": "db",
        "PGPORT": "5433",
        "PGUSER": "u",
        "PGPASSWORD": "secret",
        "PGDATABASE": "ff",
    }


def test_rows_digest_is_order_sensitive_and_exact():
    count, digest = databases.rows_digest([(1, "a"), (2, None)])
    expected = hashlib.sha256(b"(1, 'a')\n(2, None)\n").hexdigest()
    assert (count, digest) == (2, expected)
    assert databases.rows_digest([(2, None), (1, "a")])[1] != digest
