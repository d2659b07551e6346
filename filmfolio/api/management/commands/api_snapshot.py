"""``filmfolio api_snapshot [--check]``: rewrite (or check) the OpenAPI snapshot file."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from filmfolio.api.openapi import SNAPSHOT_PATH, snapshot_is_current, write_snapshot


class Command(BaseCommand):
    help = "Write the API's OpenAPI document to filmfolio/api/openapi.snapshot.json."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--check", action="store_true", help="Fail when the snapshot is out of date."
        )

    def handle(self, *args: Any, check: bool = False, **options: Any) -> None:
        if check:
            if not snapshot_is_current():
                raise CommandError(f"{SNAPSHOT_PATH} is out of date: run `filmfolio api_snapshot`.")
            self.stdout.write("OpenAPI snapshot is current.")
            return
        path = write_snapshot()
        self.stdout.write(f"Wrote {path}")
