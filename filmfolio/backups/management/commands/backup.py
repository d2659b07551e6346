"""``filmfolio backup [--output FILE]``: one archive of the database and the media files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation

from filmfolio.backups.errors import BackupRefusedError
from filmfolio.backups.language import operator_language
from filmfolio.backups.services import site_backup


class Command(BaseCommand):
    help = (
        "Write one archive (.tar, .tar.gz or .tar.zst) of the database and every media file, "
        "with a manifest of checksums, row counts and migrations. Safe while the site runs."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--output",
            "-o",
            type=Path,
            default=None,
            help="archive to write (default: var/backups/filmfolio-<UTC time>.tar)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            with translation.override(operator_language()):
                result = site_backup(output=options["output"])
        except BackupRefusedError as error:
            raise CommandError(error.message) from error
        manifest = result.manifest
        rows = sum(table["rows"] for table in manifest.tables.values())
        self.stdout.write(
            f"{result.path}: {len(manifest.tables)} tables, {rows} rows, "
            f"{len(manifest.media_names())} media files, {result.path.stat().st_size} bytes "
            f"in {result.seconds:.1f}s"
        )
        for name in result.vanished:
            self.stderr.write(f"deleted while the backup ran, not in the archive: {name}")
