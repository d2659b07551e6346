"""``filmfolio reindex``: rebuild the search index from scratch."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from filmfolio.search import index, registry


class Command(BaseCommand):
    help = "Rebuild the search index of every registered kind (or of the kinds given)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "kinds",
            nargs="*",
            help="Kinds to rebuild: " + ", ".join(k.kind for k in registry.kinds()),
        )
        parser.add_argument("--batch-size", type=int, default=index.BATCH_SIZE)

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        counts = index.rebuild(options["kinds"] or None, batch_size=options["batch_size"])
        for kind, count in counts.items():
            self.stdout.write(f"{kind}: {count}")
        self.stdout.write(f"done in {time.perf_counter() - started:.1f}s")
