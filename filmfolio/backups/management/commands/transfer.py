"""``filmfolio transfer --to postgres://… [--media s3]``: move this SQLite site to PostgreSQL."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation

from filmfolio.backups.errors import TransferRefusedError
from filmfolio.backups.language import operator_language
from filmfolio.backups.transfer import site_transfer


class Command(BaseCommand):
    help = (
        "Copy this SQLite site (while it runs) to an empty PostgreSQL database, every table "
        "with its sequences, then rebuild the search index there. --media s3 also uploads the "
        "media files to the bucket named by the FILMFOLIO_S3_* variables."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--to", required=True, help="postgres://user@host:5432/name (empty)")
        parser.add_argument("--media", choices=["local", "s3"], default="local")

    def handle(self, *args: Any, **options: Any) -> None:
        def progress(table: str, rows: int) -> None:
            if options["verbosity"] >= 2:
                self.stderr.write(f"{table}: {rows}")

        try:
            with translation.override(operator_language()):
                result = site_transfer(
                    address=options["to"], media_target=options["media"], progress=progress
                )
        except TransferRefusedError as error:
            raise CommandError(error.message) from error
        rows = sum(result.tables.values())
        self.stdout.write(
            f"copied {len(result.tables)} tables, {rows} rows, "
            f"{result.media_files} media files to S3 in {result.seconds:.1f}s"
        )
        self.stdout.write(result.search_output.strip())
        self.stdout.write("From now on, run the site with:")
        for name, value in result.environment.items():
            self.stdout.write(f"  {name}={value}")
