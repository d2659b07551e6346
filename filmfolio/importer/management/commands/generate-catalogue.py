"""``filmfolio generate-catalogue --films N --seed S``: a deterministic synthetic catalogue."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from filmfolio.importer.services import records_commit
from filmfolio.search import index
from filmfolio.importer.synthetic import CatalogueGenerator


class Command(BaseCommand):
    help = "Create a deterministic synthetic catalogue of N films for benchmarks."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--films", type=int, default=1000, help="number of films")
        parser.add_argument("--seed", type=int, default=1, help="random seed")
        parser.add_argument(
            "--no-index", action="store_true", help="leave the search index for `reindex`"
        )

    def handle(self, *args: Any, films: int, seed: int, no_index: bool, **options: Any) -> None:
        started = time.perf_counter()
        generator = CatalogueGenerator(films=films, seed=seed)
        people = generator.create_people()
        report = records_commit(records=generator.records(), batch_size=1000, update_index=False)
        counts = {} if no_index else index.rebuild()
        self.stdout.write(
            f"Generated {report.total} films and {people} people "
            f"in {time.perf_counter() - started:.1f} s; indexed {sum(counts.values())} documents."
        )
