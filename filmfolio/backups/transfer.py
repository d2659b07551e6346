"""Moving a running SQLite site to an empty PostgreSQL database (``filmfolio transfer``).

The live database is first copied with SQLite's online backup API, so the move reads one
consistent moment while the site keeps serving. The target gets its schema from the migrations
(run in a child process against the target address), then, in one transaction, every table is
emptied of what the migrations loaded and filled with ``COPY`` from the snapshot in dependency
order; the sequences are moved past the copied ids and the row counts of every table are
compared before the commit. Media files stay where they are or are uploaded to the S3 storage
configured by the ``FILMFOLIO_S3_*`` variables. The search index is rebuilt on PostgreSQL last
(derived data: it is not copied).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import dj_database_url
from django.apps import apps
from django.conf import settings
from django.core.files.storage import Storage
from django.core.management.color import no_style
from django.db import DatabaseError, connection, connections, models, transaction
from django.db.migrations.loader import MigrationLoader
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from filmfolio.media import storage as media
from filmfolio.search.models import SearchDocument, SearchFacetValue, SearchSuggestion, SearchTerm

from . import databases, media_files
from .errors import TransferRefusedError

SOURCE = "transfer_source"
TARGET = "transfer_target"
# Derived from the other tables and rebuilt on the target by `reindex`.
REBUILT: tuple[type[models.Model], ...] = (
    SearchDocument,
    SearchFacetValue,
    SearchSuggestion,
    SearchTerm,
)
COPY_CHUNK = 5000


@dataclass
class TransferResult:
    """Rows per table copied, media files uploaded, documents indexed, and the environment
    the site runs with from now on."""

    tables: dict[str, int]
    media_files: int
    search_output: str
    seconds: float
    environment: dict[str, str]


def copied_models() -> list[type[models.Model]]:
    """Every table the site's models own, tables they point to first (the search index is
    rebuilt instead). Cycles, if any, are covered by PostgreSQL's deferred foreign keys."""
    candidates = [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed
        and not model._meta.proxy
        and not model._meta.swapped
        and model not in REBUILT
    ]
    members = set(candidates)
    ordered: list[type[models.Model]] = []
    done: set[type[models.Model]] = set()

    def visit(model: type[models.Model], path: set[type[models.Model]]) -> None:
        if model in done or model in path:
            return
        path.add(model)
        for field in model._meta.local_concrete_fields:
            target = field.related_model
            if isinstance(target, type) and target is not model and target in members:
                visit(target, path)
        path.discard(model)
        done.add(model)
        ordered.append(model)

    for model in sorted(candidates, key=lambda m: m._meta.db_table):
        visit(model, set())
    return ordered


def _filmfolio(database_url: str, *args: str) -> str:
    """Run a ``filmfolio`` command against ``database_url`` in a child process."""
    env = {**os.environ, "DATABASE_URL": database_url}
    result = subprocess.run(
        [sys.executable, "-m", "filmfolio", *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise TransferRefusedError(
            _("`filmfolio %(command)s` on the target failed: %(error)s")
            % {"command": " ".join(args), "error": result.stderr.strip()[-2000:]}
        )
    return result.stdout


@contextmanager
def _aliases(snapshot: Path, target: dict[str, Any]) -> Iterator[None]:
    configured = connections.configure_settings(
        {
            "default": dict(settings.DATABASES["default"]),
            SOURCE: {"ENGINE": "django.db.backends.sqlite3", "NAME": str(snapshot)},
            TARGET: target,
        }
    )
    for alias in (SOURCE, TARGET):
        connections.settings[alias] = configured[alias]
    try:
        yield
    finally:
        for alias in (SOURCE, TARGET):
            connections[alias].close()
            del connections[alias]
            del connections.settings[alias]


def _check_source_migrated(snapshot: Path) -> None:
    recorded = databases.sqlite_migrations(snapshot)
    applied = {(app, name) for app, names in recorded.items() for name in names}
    missing = sorted(set(MigrationLoader(None).disk_migrations) - applied)
    if missing:
        raise TransferRefusedError(
            _("This site has migrations to run first (%(names)s): run `filmfolio migrate`.")
            % {"names": ", ".join(f"{app}.{name}" for app, name in missing[:5])}
        )


def _check_target_empty() -> None:
    target = connections[TARGET]
    try:
        tables = target.introspection.table_names()
    except DatabaseError as error:
        raise TransferRefusedError(
            _("Cannot open the target database %(name)s: %(error)s")
            % {"name": target.settings_dict["NAME"], "error": str(error).strip()}
        ) from error
    if tables:
        raise TransferRefusedError(
            _(
                "The target database %(name)s is not empty (%(count)d tables): transfer only "
                "into a new, empty PostgreSQL database."
            )
            % {"name": target.settings_dict["NAME"], "count": len(tables)}
        )


def _copy_table(model: type[models.Model], cursor: Any) -> int:
    target = connections[TARGET]
    quote = target.ops.quote_name
    fields = model._meta.local_concrete_fields
    rows = (
        model._base_manager.using(SOURCE)
        .order_by("pk")
        .values_list(*[field.attname for field in fields])
        .iterator(chunk_size=COPY_CHUNK)
    )
    columns = ", ".join(quote(field.column) for field in fields)
    count = 0
    with cursor.copy(f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(
                [
                    field.get_db_prep_save(value, connection=target)
                    for field, value in zip(fields, row, strict=True)
                ]
            )
            count += 1
    return count


def _copy_rows(progress: Callable[[str, int], None] | None) -> dict[str, int]:
    target = connections[TARGET]
    order = copied_models()
    tables = [model._meta.db_table for model in (*order, *REBUILT)]
    copied: dict[str, int] = {}
    with transaction.atomic(using=TARGET), target.cursor() as cursor:
        # What the migrations loaded (vocabularies, content types) comes from the site instead.
        cursor.execute(
            "TRUNCATE " + ", ".join(target.ops.quote_name(name) for name in tables) + " CASCADE"
        )
        for model in order:
            copied[model._meta.db_table] = _copy_table(model, cursor.cursor)
            if progress is not None:
                progress(model._meta.db_table, copied[model._meta.db_table])
        for statement in target.ops.sequence_reset_sql(no_style(), order):
            cursor.execute(statement)
        for model in order:
            source = model._base_manager.using(SOURCE).count()
            there = model._base_manager.using(TARGET).count()
            if source != there or there != copied[model._meta.db_table]:
                raise TransferRefusedError(
                    _("%(table)s has %(source)d rows here but %(target)d on the target.")
                    % {"table": model._meta.db_table, "source": source, "target": there}
                )
    return copied


def _drop_tables() -> None:
    target = connections[TARGET]
    with target.cursor() as cursor:
        for name in target.introspection.table_names(cursor):
            cursor.execute(f"DROP TABLE IF EXISTS {target.ops.quote_name(name)} CASCADE")


def s3_storage() -> Storage:
    """The storage described by the ``FILMFOLIO_S3_*`` variables."""
    backend = settings.S3_STORAGE
    return import_string(backend["BACKEND"])(**backend["OPTIONS"])


def _check_s3(target: Storage) -> None:
    try:
        target.listdir("")
    except Exception as error:  # botocore raises many kinds: unreachable, no bucket, denied
        raise TransferRefusedError(
            _("Cannot use the S3 bucket %(bucket)s: %(error)s")
            % {"bucket": settings.S3_STORAGE["OPTIONS"]["bucket_name"], "error": error}
        ) from error


def media_to(target: Storage) -> int:
    """Upload every local media file to ``target`` under the same name, checking each size."""
    source = media.media_storage()
    count = 0
    for name in media_files.names(source):
        with source.open(name, "rb") as handle:
            saved = target.save(name, handle)
        if saved != name or target.size(name) != source.size(name):
            raise TransferRefusedError(_("%(name)s did not arrive whole on S3.") % {"name": name})
        count += 1
    return count


def _check_request(address: str, media_target: str) -> dict[str, Any]:
    try:
        target = dict(dj_database_url.parse(address))
    except ValueError as error:
        raise TransferRefusedError(str(error)) from error
    if target["ENGINE"] != "django.db.backends.postgresql":
        raise TransferRefusedError(
            _("--to takes a PostgreSQL address (postgres://user@host:5432/name).")
        )
    if connection.vendor != "sqlite":
        raise TransferRefusedError(
            _("transfer copies a SQLite site; this site already uses %(vendor)s.")
            % {"vendor": connection.vendor}
        )
    if media_target == "s3" and media_files.storage_kind() != "local":
        raise TransferRefusedError(_("The media files are already on S3."))
    return target


def site_transfer(
    *,
    address: str,
    media_target: str = "local",
    progress: Callable[[str, int], None] | None = None,
) -> TransferResult:
    """Copy this SQLite site to the empty PostgreSQL database at ``address`` (and its media to
    S3 when ``media_target`` is ``s3``); the site itself is left untouched."""
    started = time.perf_counter()
    target = _check_request(address, media_target)
    bucket = s3_storage() if media_target == "s3" else None
    if bucket is not None:
        _check_s3(bucket)
    var = Path(settings.VAR_DIR)
    var.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=var, prefix=".transfer-") as scratch:
        snapshot = Path(scratch) / "snapshot.sqlite3"
        databases.sqlite_copy(Path(connection.settings_dict["NAME"]), snapshot)
        _check_source_migrated(snapshot)
        with _aliases(snapshot, target):
            _check_target_empty()
            try:
                _filmfolio(address, "migrate", "--no-input", "-v0")
                tables = _copy_rows(progress)
            except BaseException:
                with suppress(DatabaseError):  # keep the first error, not a second one
                    _drop_tables()
                raise
    uploaded = media_to(bucket) if bucket is not None else 0
    search = _filmfolio(address, "reindex")
    environment = {"DATABASE_URL": address}
    if bucket is not None:
        environment["FILMFOLIO_STORAGE"] = "s3"
    return TransferResult(tables, uploaded, search, time.perf_counter() - started, environment)
