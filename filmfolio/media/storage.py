"""File names and storage operations for media, through Django's storage API.

Names are chosen here from record ids, never from the uploader's file name. The default storage
is local files; S3-compatible storage works the same way (``FILMFOLIO_STORAGE=s3``), with
short-lived presigned URLs for serving.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import Storage, storages

from .conf import media_setting

ROOT = "films"


def media_storage() -> Storage:
    """The storage holding every media file."""
    return storages["default"]


def image_dir(film_id: int, public_id: object) -> str:
    return f"{ROOT}/{film_id}/images/{public_id}"


def video_dir(film_id: int, public_id: object) -> str:
    return f"{ROOT}/{film_id}/videos/{public_id}"


def local_path(name: str) -> Path | None:
    """The local path of a stored file, or None when the storage is not local."""
    try:
        return Path(media_storage().path(name))
    except NotImplementedError:
        return None


def read_text(name: str) -> str:
    """The stored text file ``name`` (a playlist), decoded as UTF-8."""
    with media_storage().open(name, "rb") as handle:
        return handle.read().decode()


def put(name: str, content: bytes | IO[bytes]) -> str:
    """Store ``content`` under exactly ``name``, replacing any file of that name."""
    storage = media_storage()
    if storage.exists(name):
        storage.delete(name)
    wrapped = ContentFile(content) if isinstance(content, bytes) else File(content)
    saved = storage.save(name, wrapped)
    if saved != name:
        raise RuntimeError(f"storage renamed {name} to {saved}")
    return saved


class _MovableFile(File):
    """A local file that local storage may move into place (rename) instead of copying."""

    def temporary_file_path(self) -> str:
        return str(self.name)


def move_in(name: str, path: Path) -> str:
    """Store the local scratch file ``path`` under ``name``; on local storage it is renamed
    (``path`` is gone afterwards), elsewhere uploaded."""
    storage = media_storage()
    if storage.exists(name):
        storage.delete(name)
    with path.open("rb") as handle:
        saved = storage.save(name, _MovableFile(handle, name=str(path)))
    if saved != name:
        raise RuntimeError(f"storage renamed {name} to {saved}")
    return saved


def fetch_to(name: str, target: Path) -> Path:
    """A local file with the content of ``name``: the stored file itself when local."""
    local = local_path(name)
    if local is not None:
        return local
    with media_storage().open(name, "rb") as src, target.open("wb") as dst:
        shutil.copyfileobj(src, dst, 1024 * 1024)
    return target


def walk(prefix: str) -> Iterator[str]:
    """Every stored file name under ``prefix``."""
    storage = media_storage()
    try:
        dirs, files = storage.listdir(prefix)
    except (FileNotFoundError, NotADirectoryError):
        return
    for file in files:
        yield f"{prefix}/{file}"
    for sub in dirs:
        yield from walk(f"{prefix}/{sub}")


def delete_tree(prefix: str) -> int:
    """Delete every file under ``prefix``; return how many were deleted."""
    storage = media_storage()
    names = list(walk(prefix))
    for name in names:
        storage.delete(name)
    local = local_path(prefix)
    if local is not None and local.is_dir():
        shutil.rmtree(local, ignore_errors=True)
    return len(names)


def presigned_url(name: str, *, method: str = "GET") -> str:
    """A URL valid for a few minutes (S3), for a viewer already allowed to see the file."""
    seconds = int(media_setting("PRESIGNED_URL_SECONDS"))
    storage = media_storage()
    try:
        return storage.url(name, expire=seconds, http_method=method)  # type: ignore[call-arg]
    except TypeError:
        return storage.url(name)
