"""``filmfolio restore FILE [--force]``: bring a backup back on an empty installation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation

from filmfolio.backups.errors import RestoreRefusedError
from filmfolio.backups.language import operator_language
from filmfolio.backups.services import site_restore


class Command(BaseCommand):
    help = (
        "Restore an archive written by `filmfolio backup`: checks every checksum first, then "
        "puts back the database and media files, migrates and rebuilds the search index."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", type=Path)
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace the database and media files of an installation that is not empty",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            with translation.override(operator_language()):
                result = site_restore(archive=options["archive"], force=options["force"])
        except RestoreRefusedError as error:
            raise CommandError(error.message) from error
        manifest = result.manifest
        documents = sum(result.search_documents.values())
        self.stdout.write(
            f"restored the site of {manifest.created_at} (Filmfolio {manifest.filmfolio_version}):"
            f" {len(manifest.tables)} tables, {result.media_files} media files, "
            f"{documents} search documents in {result.seconds:.1f}s"
        )
