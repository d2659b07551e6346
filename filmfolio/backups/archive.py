"""The archive: one tar file (plain, gzip or zstd by its suffix) with a JSON manifest.

Layout: ``database/<file>`` (the SQLite copy or the ``pg_dump`` file), ``media/<name>`` for
every stored media file, and ``manifest.json`` last, which lists every other member with its
SHA-256 and size. Reading extracts into a staging folder and checks every member against the
manifest before anything else happens.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import shutil
import subprocess
import tarfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from django.utils.translation import gettext as _

from .errors import BackupRefusedError, RestoreRefusedError

MANIFEST = "manifest.json"
FORMAT = 1
CHUNK = 1024 * 1024


@dataclass
class Manifest:
    """What the archive holds and what the site looked like at the moment of the backup."""

    filmfolio_version: str
    created_at: str
    database: dict[str, Any]
    storage: str
    migrations: dict[str, list[str]]
    tables: dict[str, dict[str, Any]]
    files: dict[str, dict[str, Any]] = field(default_factory=dict)
    format: int = FORMAT

    def to_json(self) -> bytes:
        return json.dumps(self.__dict__, indent=1, sort_keys=True, ensure_ascii=False).encode()

    @classmethod
    def from_json(cls, data: bytes) -> Manifest:
        values = json.loads(data)
        if not isinstance(values, dict) or values.get("format") != FORMAT:
            raise RestoreRefusedError(_("The archive's manifest is not one Filmfolio can read."))
        known = set(cls.__dataclass_fields__)
        return cls(**{key: value for key, value in values.items() if key in known})

    def media_names(self) -> list[str]:
        return sorted(name.removeprefix("media/") for name in self.files if is_media(name))


def is_media(member: str) -> bool:
    return member.startswith("media/")


class _HashingReader:
    """Reads a file while computing its SHA-256 (tar copies through ``read``)."""

    def __init__(self, handle: IO[bytes]) -> None:
        self.handle = handle
        self.digest = hashlib.sha256()
        self.size = 0

    def read(self, size: int = -1) -> bytes:
        data = self.handle.read(size)
        self.digest.update(data)
        self.size += len(data)
        return data


def compression_of(path: Path) -> str:
    """``zst``, ``gz`` or ``""`` (plain tar) from the file name."""
    name = path.name
    if name.endswith((".tar.zst", ".tzst")):
        return "zst"
    if name.endswith((".tar.gz", ".tgz")):
        return "gz"
    return ""


class ArchiveWriter:
    """Streams members into a tar file; ``add`` returns the member's checksum and size."""

    def __init__(self, path: Path, kind: str) -> None:
        self.path = path
        self.files: dict[str, dict[str, Any]] = {}
        self._zstd: subprocess.Popen[bytes] | None = None
        if kind == "zst":
            if shutil.which("zstd") is None:
                raise BackupRefusedError(
                    _("The zstd program is missing: install it, or write a .tar or .tar.gz file.")
                )
            self._zstd = subprocess.Popen(
                ["zstd", "-q", "-f", "-T0", "-o", str(path)], stdin=subprocess.PIPE
            )
            assert self._zstd.stdin is not None
            # The archive stays open across add() calls: closed by close() or abort().
            self.tar = tarfile.open(fileobj=self._zstd.stdin, mode="w|")  # noqa: SIM115
        elif kind == "gz":
            self.tar = tarfile.open(path, mode="w:gz", compresslevel=6)  # noqa: SIM115
        else:
            self.tar = tarfile.open(path, mode="w")  # noqa: SIM115

    def add(self, member: str, handle: IO[bytes], size: int) -> dict[str, Any]:
        info = tarfile.TarInfo(member)
        info.size = size
        info.mtime = int(time.time())
        info.mode = 0o644
        reader = _HashingReader(handle)
        self.tar.addfile(info, reader)  # type: ignore[arg-type]
        if reader.size != size:
            raise OSError(f"{member} changed size while it was read")
        entry = {"sha256": reader.digest.hexdigest(), "bytes": size}
        self.files[member] = entry
        return entry

    def add_path(self, member: str, path: Path) -> dict[str, Any]:
        with path.open("rb") as handle:
            return self.add(member, handle, path.stat().st_size)

    def close(self, manifest: Manifest) -> None:
        manifest.files = dict(sorted(self.files.items()))
        data = manifest.to_json()
        info = tarfile.TarInfo(MANIFEST)
        info.size = len(data)
        info.mtime = int(time.time())
        info.mode = 0o644
        self.tar.addfile(info, io.BytesIO(data))
        self.tar.close()
        if self._zstd is not None:
            assert self._zstd.stdin is not None
            self._zstd.stdin.close()
            if self._zstd.wait() != 0:
                raise OSError("zstd failed")

    def abort(self) -> None:
        with contextlib.suppress(Exception):
            self.tar.close()
        if self._zstd is not None:
            with contextlib.suppress(Exception):
                assert self._zstd.stdin is not None
                self._zstd.stdin.close()
            self._zstd.wait()
        self.path.unlink(missing_ok=True)


@contextlib.contextmanager
def _opened(path: Path) -> Iterator[tarfile.TarFile]:
    if compression_of(path) == "zst":
        process = subprocess.Popen(
            ["zstd", "-q", "-d", "-c", str(path)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        assert process.stdout is not None
        try:
            with tarfile.open(fileobj=process.stdout, mode="r|") as tar:
                yield tar
        finally:
            process.stdout.close()
            status = process.wait()
        if status != 0:
            raise OSError(f"zstd exited with status {status}")
    else:
        with path.open("rb") as raw, tarfile.open(fileobj=raw, mode="r|*") as tar:
            yield tar


def _safe_member(info: tarfile.TarInfo) -> bool:
    name = info.name
    if not info.isfile() or name.startswith("/") or ".." in Path(name).parts:
        return False
    return name == MANIFEST or name.startswith(("database/", "media/"))


def extract(path: Path, staging: Path) -> tuple[Manifest, dict[str, dict[str, Any]]]:
    """Unpack ``path`` into ``staging``; return the manifest and what was found (sha256, bytes)
    per member. Raises ``RestoreRefusedError`` for anything that is not a readable archive."""
    if not path.is_file():
        raise RestoreRefusedError(_("There is no archive at %(path)s.") % {"path": path})
    found: dict[str, dict[str, Any]] = {}
    manifest_data = None
    try:
        with _opened(path) as tar:
            for info in tar:
                if not _safe_member(info):
                    raise RestoreRefusedError(
                        _("The archive holds an unexpected entry: %(name)s.") % {"name": info.name}
                    )
                source = tar.extractfile(info)
                assert source is not None
                if info.name == MANIFEST:
                    manifest_data = source.read()
                    continue
                target = staging / info.name
                target.parent.mkdir(parents=True, exist_ok=True)
                reader = _HashingReader(source)
                with target.open("wb") as out:
                    shutil.copyfileobj(reader, out, CHUNK)  # type: ignore[misc]
                found[info.name] = {"sha256": reader.digest.hexdigest(), "bytes": reader.size}
    except (tarfile.TarError, EOFError, OSError) as error:
        raise RestoreRefusedError(
            _("The archive is damaged or incomplete (%(error)s); nothing was restored.")
            % {"error": error}
        ) from error
    if manifest_data is None:
        raise RestoreRefusedError(_("The archive has no manifest; nothing was restored."))
    return Manifest.from_json(manifest_data), found


def verify(manifest: Manifest, found: dict[str, dict[str, Any]]) -> None:
    """Every member the manifest lists is present with its checksum, and nothing else."""
    bad = sorted(
        name
        for name in set(manifest.files) | set(found)
        if manifest.files.get(name) != found.get(name)
    )
    if bad:
        shown = ", ".join(bad[:5]) + (" …" if len(bad) > 5 else "")
        raise RestoreRefusedError(
            _(
                "The archive is corrupt: %(count)d files do not match their checksums "
                "(%(names)s); nothing was restored."
            )
            % {"count": len(bad), "names": shown}
        )
