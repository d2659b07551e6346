"""``filmfolio reindex``: rebuild the search index from scratch."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from filmfolio.search import index, registry


class Command(BaseCommand):
    help = "Rebuild the search index of every registered kind (or of the kinds given)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "kinds",
            nargs="*",
            help="Kinds to rebuild: " + ", ".join(k.kind for k in registry.kinds()),
        )
        parser.add_argument("--batch-size", type=int, default=index.REBUILD_BATCH_SIZE)
        parser.add_argument(
            "--workers",
            type=int,
            default=None,
            help="helper processes that build documents (default: one per core; 1: none)",
        )

        parser.add_argument(
            "--compact",
            action="store_true",
            help=(
                "on PostgreSQL, rewrite the search tables after the rebuild to give back the "
                "space of the old rows (searches wait while it runs)"
            ),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        known = {item.kind for item in registry.kinds()}
        if unknown := sorted(set(options["kinds"]) - known):
            raise CommandError(
                f"Unknown kind {', '.join(unknown)}; choose from {', '.join(sorted(known))}."
            )
        if options["batch_size"] < 1:
            raise CommandError("--batch-size must be at least 1.")
        started = time.perf_counter()
        shown = {"at": started}

        def progress(kind: str, count: int) -> None:
            now = time.perf_counter()
            if options["verbosity"] >= 2 or now - shown["at"] >= 5:
                shown["at"] = now
                self.stderr.write(f"{kind}: {count} documents ({now - started:.0f}s)")

        counts = index.rebuild(
            options["kinds"] or None,
            batch_size=options["batch_size"],
            workers=options["workers"],
            compact=options["compact"],
            progress=progress,
        )
        for kind, count in counts.items():
            self.stdout.write(f"{kind}: {count}")
        self.stdout.write(f"done in {time.perf_counter() - started:.1f}s")
