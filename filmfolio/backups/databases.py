"""The database half of an archive: a consistent copy, and what that copy held.

SQLite is copied with its online backup API in one step, which reads one snapshot while the web
server and the worker keep writing (WAL). PostgreSQL is dumped by ``pg_dump`` in custom format
from a snapshot exported by a repeatable-read transaction, and the row counts and checksums of
the manifest are read in that same transaction, so the numbers describe exactly what was dumped.
The argument lists for ``pg_dump`` and ``pg_restore`` are built by pure functions here.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sqlite3
import subprocess
from collections import defaultdict
from collections.abc import Iterable
from contextlib import closing
from pathlib import Path
from typing import Any

from django.db import connection, transaction
from django.utils.translation import gettext as _

from .errors import BackupRefusedError, RestoreRefusedError

SQLITE_MEMBER = "database/filmfolio.sqlite3"
POSTGRES_MEMBER = "database/filmfolio.pgdump"


def rows_digest(rows: Iterable[tuple[Any, ...]]) -> tuple[int, str]:
    """How many rows and the SHA-256 of their ``repr`` lines, in the order given."""
    digest = hashlib.sha256()
    count = 0
    for row in rows:
        digest.update(repr(tuple(row)).encode())
        digest.update(b"\n")
        count += 1
    return count, digest.hexdigest()


def _grouped(pairs: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = defaultdict(list)
    for app, name in pairs:
        grouped[app].append(name)
    return {app: sorted(names) for app, names in sorted(grouped.items())}


# SQLite ---------------------------------------------------------------------------------------


def sqlite_copy(source: Path, target: Path) -> None:
    """Copy the live database ``source`` to ``target`` in one backup step (one snapshot)."""
    with closing(sqlite3.connect(source, timeout=30)) as src:
        src.execute("PRAGMA busy_timeout=30000")
        with closing(sqlite3.connect(target)) as dst:
            src.backup(dst)
            # The copy stands alone: no -wal file beside it in the archive.
            dst.execute("PRAGMA journal_mode=DELETE")


def sqlite_tables(path: Path) -> dict[str, dict[str, Any]]:
    """Rows and their checksum for every table of the SQLite file ``path``, in rowid order
    (primary-key order for tables without rowids)."""
    tables: dict[str, dict[str, Any]] = {}
    with closing(sqlite3.connect(path)) as db:
        names = [
            name
            for (name,) in db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"
            )
        ]
        for name in names:
            try:
                rows = db.execute(f'SELECT * FROM "{name}" ORDER BY rowid')
            except sqlite3.OperationalError:  # WITHOUT ROWID: scanned in primary-key order
                rows = db.execute(f'SELECT * FROM "{name}"')
            count, digest = rows_digest(rows)
            tables[name] = {"rows": count, "sha256": digest}
    return tables


def sqlite_migrations(path: Path) -> dict[str, list[str]]:
    with closing(sqlite3.connect(path)) as db:
        try:
            return _grouped(db.execute("SELECT app, name FROM django_migrations"))
        except sqlite3.OperationalError:
            return {}


# PostgreSQL -----------------------------------------------------------------------------------

_VERSION = re.compile(r"\(PostgreSQL\)\s+(\d+)")


def client_major_version(program: str) -> int | None:
    """The major version of ``pg_dump``/``pg_restore``, or None when it is not installed."""
    if shutil.which(program) is None:
        return None
    output = subprocess.run(
        [program, "--version"], capture_output=True, text=True, check=False
    ).stdout
    match = _VERSION.search(output)
    return int(match.group(1)) if match else None


def check_client(program: str, server_major: int, error: type[Exception]) -> None:
    """Refuse when ``program`` is missing or older than the server (it could not read it)."""
    client = client_major_version(program)
    if client is None:
        raise error(
            _(
                "%(program)s is not installed: install the PostgreSQL client "
                "(scripts/system-deps.sh installs postgresql-client)."
            )
            % {"program": program}
        )
    if client < server_major:
        raise error(
            _(
                "%(program)s is version %(client)d but the server runs PostgreSQL %(server)d: "
                "install a client of version %(server)d or newer."
            )
            % {"program": program, "client": client, "server": server_major}
        )


def libpq_env(settings_dict: dict[str, Any]) -> dict[str, str]:
    """The libpq environment for a Django ``DATABASES`` entry (the password stays off argv)."""
    pairs = {
        "PGHOST": settings_dict.get("HOST"),
        "PGPORT": settings_dict.get("PORT"),
        "PGUSER": settings_dict.get("USER"),
        "PGPASSWORD": settings_dict.get("PASSWORD"),
        "PGDATABASE": settings_dict.get("NAME"),
    }
    return {key: str(value) for key, value in pairs.items() if value}


def pg_dump_args(*, target: Path, snapshot: str) -> list[str]:
    return [
        "pg_dump",
        "--format=custom",
        "--no-owner",
        "--no-privileges",
        f"--snapshot={snapshot}",
        f"--file={target}",
    ]


def pg_restore_args(*, source: Path) -> list[str]:
    # --clean drops what a freshly migrated, empty installation already created.
    return [
        "pg_restore",
        "--no-owner",
        "--no-privileges",
        "--clean",
        "--if-exists",
        "--single-transaction",
        "--exit-on-error",
        f"--dbname={connection.settings_dict['NAME']}",
        str(source),
    ]


def server_major_version() -> int:
    connection.ensure_connection()
    return int(connection.pg_version) // 10000  # type: ignore[attr-defined]


def _pg_tables(cursor: Any) -> dict[str, dict[str, Any]]:
    cursor.execute(
        "SELECT c.relname, array_agg(a.attname::text ORDER BY k.position) FILTER "
        "(WHERE a.attname IS NOT NULL) "
        "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "LEFT JOIN pg_index i ON i.indrelid = c.oid AND i.indisprimary "
        "LEFT JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, position) ON true "
        "LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum "
        "WHERE c.relkind = 'r' AND n.nspname = current_schema() GROUP BY c.relname "
        "ORDER BY c.relname"
    )
    tables: dict[str, dict[str, Any]] = {}
    for name, keys in cursor.fetchall():
        order = ", ".join(f'"{key}"' for key in keys) if keys else "1"
        cursor.execute(f'SELECT * FROM "{name}" ORDER BY {order}')
        count, digest = rows_digest(cursor.fetchall())
        tables[name] = {"rows": count, "sha256": digest}
    return tables


def postgres_dump(target: Path) -> tuple[dict[str, dict[str, Any]], dict[str, list[str]]]:
    """Dump the database into ``target``; return the tables and migrations of that snapshot."""
    check_client("pg_dump", server_major_version(), BackupRefusedError)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        result = subprocess.run(
            pg_dump_args(target=target, snapshot=snapshot),
            env={"PATH": _path(), **libpq_env(connection.settings_dict)},
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise BackupRefusedError(
                _("pg_dump failed: %(error)s") % {"error": result.stderr.strip()}
            )
        tables = _pg_tables(cursor)
        cursor.execute("SELECT app, name FROM django_migrations")
        migrations = _grouped(cursor.fetchall())
    return tables, migrations


def postgres_restore(source: Path) -> None:
    check_client("pg_restore", server_major_version(), RestoreRefusedError)
    connection.close()
    result = subprocess.run(
        pg_restore_args(source=source),
        env={"PATH": _path(), **libpq_env(connection.settings_dict)},
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RestoreRefusedError(
            _("pg_restore failed, the database is as it was: %(error)s")
            % {"error": result.stderr.strip()}
        )


def _path() -> str:
    return os.environ.get("PATH", "/usr/bin:/bin")
