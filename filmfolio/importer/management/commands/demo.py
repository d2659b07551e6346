"""``filmfolio demo``: load the demo catalogue (the three seed films). Safe to run again."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand

from filmfolio.importer.records import FilmRecord
from filmfolio.importer.services import records_commit

DEMO_FILE = Path(__file__).resolve().parents[2] / "demo" / "films.json"


class Command(BaseCommand):
    help = "Load the demo catalogue: three films with their people, festivals and organisations."

    def handle(self, *args: Any, **options: Any) -> None:
        records = [FilmRecord.model_validate(item) for item in json.loads(DEMO_FILE.read_text())]
        report = records_commit(records=records)
        self.stdout.write(
            f"Demo catalogue: {len(report.created)} films created, {len(report.updated)} updated."
        )
