"""``filmfolio export [--format jsonl|csv] [-o FILE] [--all]``: films as records.

By default the export holds what the anonymous public may see (asked of `films.access`);
``--all`` exports every film, for an operator moving a catalogue. The output re-imports with
``filmfolio import`` to the same catalogue.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from filmfolio.films.access import Viewer
from filmfolio.films.models import Film
from filmfolio.importer.exports import records_for
from filmfolio.importer.formats import FORMATS, write_records


class Command(BaseCommand):
    help = "Export films as JSONL or CSV film records (public films unless --all)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--format", choices=FORMATS, default="jsonl")
        parser.add_argument("-o", "--output", help="file to write (default: standard output)")
        parser.add_argument("--all", action="store_true", help="every film, private ones too")

    def handle(self, *args: Any, **options: Any) -> None:
        films = Film.objects.all()
        if not options["all"]:
            films = films.visible_to(Viewer.anonymous())
        records = records_for(films)
        if options["output"]:
            with open(options["output"], "w", encoding="utf-8", newline="") as stream:
                count = write_records(records, stream, options["format"])
            self.stderr.write(f"Exported {count} films to {options['output']}.")
        else:
            write_records(records, self.stdout, options["format"])
