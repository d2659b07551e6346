"""The media half of an archive: every file of the configured storage (local files or S3
objects), read and written through Django's storage API under the same names."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from django.core.files.storage import Storage

from filmfolio.media import storage as media

from .archive import ArchiveWriter


def storage_kind(storage: Storage | None = None) -> str:
    """``local`` for files on this machine, ``s3`` for object storage."""
    storage = storage or media.media_storage()
    return "s3" if type(storage).__module__.startswith("storages.") else "local"


def names(storage: Storage | None = None, prefix: str = "") -> Iterator[str]:
    """Every stored file name under ``prefix`` (the whole storage by default), sorted."""
    storage = storage or media.media_storage()
    try:
        dirs, files = storage.listdir(prefix)
    except (FileNotFoundError, NotADirectoryError):
        return
    join = (lambda name: f"{prefix}/{name}") if prefix else (lambda name: name)
    for file in sorted(files):
        yield join(file)
    for sub in sorted(dirs):
        yield from names(storage, join(sub))


def add_all(writer: ArchiveWriter) -> list[str]:
    """Add every media file to the archive; return the names that vanished while the backup
    ran (deleted after the database snapshot, so the snapshot's records may still name them)."""
    storage = media.media_storage()
    vanished = []
    for name in names(storage):
        try:
            size = storage.size(name)
            with storage.open(name, "rb") as handle:
                writer.add(f"media/{name}", handle, size)
        except FileNotFoundError:
            vanished.append(name)
    return vanished


def put_all(staging: Path, listed: list[str]) -> int:
    """Store every staged media file under its name (moved into place on local storage)."""
    for name in listed:
        media.move_in(name, staging / "media" / name)
    return len(listed)


def delete_all() -> int:
    """Delete every stored media file (restore with ``--force``)."""
    storage = media.media_storage()
    existing = list(names(storage))
    for name in existing:
        storage.delete(name)
    return len(existing)
