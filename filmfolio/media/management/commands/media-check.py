"""``filmfolio media-check``: report files without records and records without files.

Exits with status 1 when anything is out of place; ``--delete-orphans`` removes files no record
points to (records without files are only reported: they need a person to decide).
"""

from __future__ import annotations

import sys

from django.core.management.base import BaseCommand, CommandParser

from filmfolio.media.services.check import media_check


class Command(BaseCommand):
    help = "Compare media files in storage with the media records."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--delete-orphans", action="store_true")

    def handle(self, *args, **options) -> None:
        report = media_check(delete_orphans=options["delete_orphans"])
        for name in report.orphan_files:
            self.stdout.write(f"file without record: {name}")
        for name in report.missing_files:
            self.stdout.write(f"record without file: {name}")
        for path in report.orphan_staging:
            self.stdout.write(f"staging file without an open upload: {path}")
        self.stdout.write(
            f"{len(report.orphan_files)} files without records, "
            f"{len(report.missing_files)} records without files"
        )
        if not report.ok:
            sys.exit(1)
