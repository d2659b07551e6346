"""Backing up and restoring a whole site: the database and every media file in one archive.

``site_backup`` copies the database first (one snapshot) and the media files after it: media
files are written before the records that name them commit, so every file the snapshot names is
already there. ``site_restore`` checks the whole archive before it changes anything, then puts
the database and the files in place, runs the migrations the archive lacks and rebuilds the
search index.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection, connections, models
from django.db.migrations.loader import MigrationLoader
from django.utils.translation import gettext as _

from filmfolio.festivals.models import Festival
from filmfolio.films.models import Film
from filmfolio.people.models import Person
from filmfolio.search import index

from . import databases, media_files
from .archive import ArchiveWriter, Manifest, compression_of, extract, verify
from .errors import BackupRefusedError, RestoreRefusedError


@dataclass
class BackupResult:
    """The archive written, its manifest, and media files deleted while the backup ran."""

    path: Path
    manifest: Manifest
    seconds: float
    vanished: list[str] = field(default_factory=list)


@dataclass
class RestoreResult:
    """What came back: the manifest of the archive and the search documents rebuilt."""

    manifest: Manifest
    media_files: int
    search_documents: dict[str, int]
    seconds: float


def default_output() -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    return Path(settings.VAR_DIR) / "backups" / f"filmfolio-{stamp}.tar"


def _database_into(writer: ArchiveWriter, scratch: Path) -> tuple[dict, dict, dict]:
    if connection.vendor == "sqlite":
        copy = scratch / "filmfolio.sqlite3"
        databases.sqlite_copy(Path(connection.settings_dict["NAME"]), copy)
        tables, migrations = databases.sqlite_tables(copy), databases.sqlite_migrations(copy)
        writer.add_path(databases.SQLITE_MEMBER, copy)
        return {"vendor": "sqlite", "member": databases.SQLITE_MEMBER}, tables, migrations
    if connection.vendor == "postgresql":
        dump = scratch / "filmfolio.pgdump"
        tables, migrations = databases.postgres_dump(dump)
        writer.add_path(databases.POSTGRES_MEMBER, dump)
        described = {
            "vendor": "postgresql",
            "member": databases.POSTGRES_MEMBER,
            "server_major": databases.server_major_version(),
        }
        return described, tables, migrations
    raise BackupRefusedError(
        _("Backups support SQLite and PostgreSQL, not %(vendor)s.") % {"vendor": connection.vendor}
    )


def site_backup(*, output: Path | None = None) -> BackupResult:
    """Write one archive of the database and the media files to ``output`` (a new file).

    The archive appears under its name only once it is complete."""
    started = time.perf_counter()
    output = Path(output or default_output()).absolute()
    if output.exists():
        raise BackupRefusedError(
            _("%(path)s already exists: choose another file name.") % {"path": output}
        )
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(f".{output.name}.part")
    writer = ArchiveWriter(partial, compression_of(output))
    try:
        with tempfile.TemporaryDirectory(dir=output.parent, prefix=".backup-") as scratch:
            described, tables, migrations = _database_into(writer, Path(scratch))
            taken_at = datetime.now(UTC).isoformat()
            vanished = media_files.add_all(writer)
        manifest = Manifest(
            filmfolio_version=version("filmfolio"),
            created_at=taken_at,
            database=described,
            storage=media_files.storage_kind(),
            migrations=migrations,
            tables=tables,
        )
        writer.close(manifest)
    except BaseException:
        writer.abort()
        raise
    os.replace(partial, output)
    return BackupResult(output, manifest, time.perf_counter() - started, vanished)


def installation_contents() -> list[str]:
    """What this installation already holds ("films: 3", "media files: 12"); empty when empty."""
    existing = set(connection.introspection.table_names())
    held = []
    content: list[tuple[type[models.Model], str]] = [
        (get_user_model(), _("accounts")),
        (Film, _("films")),
        (Person, _("people")),
        (Festival, _("festivals")),
    ]
    for model, label in content:
        if model._meta.db_table in existing:
            count = model._default_manager.count()
            if count:
                held.append(f"{label}: {count}")
    files = sum(1 for _name in media_files.names())
    if files:
        held.append(f"{_('media files')}: {files}")
    return held


def _check_compatible(manifest: Manifest) -> None:
    vendor = manifest.database.get("vendor")
    if vendor != connection.vendor:
        raise RestoreRefusedError(
            _(
                "The archive holds a %(archive)s database but this installation uses "
                "%(here)s: restore it on a %(archive)s installation (then use "
                "`filmfolio transfer` to move to PostgreSQL)."
            )
            % {"archive": vendor, "here": connection.vendor}
        )
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    newer = sorted(
        f"{app}.{name}"
        for app, names in manifest.migrations.items()
        for name in names
        if (app, name) not in known
    )
    if newer:
        raise RestoreRefusedError(
            _(
                "The archive was made by a newer Filmfolio (%(version)s; migrations %(names)s "
                "are unknown here): upgrade this installation first."
            )
            % {"version": manifest.filmfolio_version, "names": ", ".join(newer[:5])}
        )


def _database_from(manifest: Manifest, staging: Path) -> None:
    staged = staging / manifest.database["member"]
    if connection.vendor == "postgresql":
        databases.postgres_restore(staged)
        return
    target = Path(connection.settings_dict["NAME"])
    connections.close_all()
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(staged, target)  # a rename on the same file system


def site_restore(*, archive: Path, force: bool = False) -> RestoreResult:
    """Bring back the site in ``archive`` on this installation, which must be empty unless
    ``force`` (then its database and media files are replaced). A damaged or corrupt archive,
    or one from another database engine or a newer version, is refused with nothing changed."""
    started = time.perf_counter()
    var = Path(settings.VAR_DIR)
    var.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=var, prefix=".restore-") as scratch:
        staging = Path(scratch)
        manifest, found = extract(Path(archive), staging)
        verify(manifest, found)
        _check_compatible(manifest)
        held = installation_contents()
        if held and not force:
            raise RestoreRefusedError(
                _(
                    "This installation is not empty (%(held)s): restore into an empty "
                    "installation, or add --force to replace its database and media files."
                )
                % {"held": ", ".join(held)}
            )
        _database_from(manifest, staging)
        if force:
            media_files.delete_all()
        restored = media_files.put_all(staging, manifest.media_names())
    call_command("migrate", interactive=False, verbosity=0)
    documents = index.rebuild(None)
    return RestoreResult(manifest, restored, documents, time.perf_counter() - started)
