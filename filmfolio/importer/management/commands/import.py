"""``filmfolio import FILE.jsonl|FILE.csv [--dry-run]``: many films in one transaction.

Every row is validated first. If any row is invalid, the command prints each invalid row and
field with a plain message, writes nothing and exits with status 1. Otherwise all films are
committed together (all or nothing). ``--dry-run`` validates and reports without writing.
The search index follows in the same transaction: a replaced film made private leaves search,
and new public films appear in it, when the import commits.

The command runs as the operator, with no user: records may replace any film and link any
existing person or festival by name or slug, those of private films included (the "New film
from text" pages link only what their user may credit or enter).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError

from filmfolio.importer.formats import FORMATS, format_of
from filmfolio.importer.imports import check_file
from filmfolio.importer.services import records_commit


class Command(BaseCommand):
    help = "Import films from a JSONL or CSV file of film records, all or nothing."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="a .jsonl or .csv file of film records")
        parser.add_argument("--dry-run", action="store_true", help="validate and report only")
        parser.add_argument("--format", choices=FORMATS, help="default: from the file name")
        parser.add_argument("--batch-size", type=int, default=2000)

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        fmt = options["format"] or format_of(path.name)
        if fmt is None:
            raise CommandError("Name the format with --format jsonl or --format csv.")
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        started = time.perf_counter()
        check = check_file(path, fmt)
        if not check.ok:
            for line in check.problem_lines():
                self.stderr.write(line)
            raise CommandError(
                f"{check.invalid_rows} of {check.total_rows} rows are invalid; nothing was written."
            )
        if options["dry_run"]:
            self.stdout.write(
                f"{len(check.records)} films are valid; nothing was written (dry run)."
            )
            return
        try:
            report = records_commit(records=check.records, batch_size=options["batch_size"])
        except DatabaseError as error:
            message = f"The database refused the import; nothing was written: {error}"
            raise CommandError(message) from error
        self.stdout.write(
            f"Imported {report.total} films ({len(report.created)} new, "
            f"{len(report.updated)} replaced) in {time.perf_counter() - started:.1f} s."
        )
