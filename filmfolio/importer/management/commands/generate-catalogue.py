"""``filmfolio generate-catalogue --films N --seed S``: a deterministic synthetic catalogue.

A benchmark tool must never touch real records: the generator finds people and festivals by
name, so on a database with a real catalogue it would credit real people with invented films
and enter invented films at real festivals. It therefore writes only to an empty catalogue and
refuses, changing nothing, when any film, person, festival or organisation is already there.
"""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from filmfolio.accounts.models import Organisation
from filmfolio.festivals.models import Festival
from filmfolio.films.models import Film
from filmfolio.importer.services import records_commit
from filmfolio.importer.synthetic import CatalogueGenerator
from filmfolio.people.models import Person
from filmfolio.search import index

HELP = (
    "Create a deterministic synthetic catalogue of N films for benchmarks. It runs only on an "
    "empty catalogue (no films, people, festivals or organisations) and otherwise stops without "
    "changing anything, so invented films never credit real people or join real festivals: "
    "give it a database of its own (DATABASE_URL or FILMFOLIO_VAR_DIR)."
)


def existing_records() -> dict[str, int]:
    """How many records of each kind the generator could be mixed up with (non-zero only)."""
    counts = {
        "films": Film.objects.count(),
        "people": Person.objects.count(),
        "festivals": Festival.objects.count(),
        "organisations": Organisation.objects.count(),
    }
    return {name: count for name, count in counts.items() if count}


class Command(BaseCommand):
    help = HELP

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--films", type=int, default=1000, help="number of films")
        parser.add_argument("--seed", type=int, default=1, help="random seed")
        parser.add_argument(
            "--no-index", action="store_true", help="leave the search index for `reindex`"
        )

    def handle(self, *args: Any, films: int, seed: int, no_index: bool, **options: Any) -> None:
        found = existing_records()
        if found:
            held = ", ".join(f"{count} {name}" for name, count in found.items())
            raise CommandError(
                _(
                    "This database already holds records (%(held)s). generate-catalogue writes "
                    "only to an empty catalogue, so that invented films never credit real people "
                    "or join real festivals; nothing was changed. Give it a database of its own."
                )
                % {"held": held}
            )
        started = time.perf_counter()
        generator = CatalogueGenerator(films=films, seed=seed)
        people = generator.create_people()
        report = records_commit(records=generator.records(), batch_size=1000, update_index=False)
        counts = {} if no_index else index.rebuild()
        self.stdout.write(
            f"Generated {report.total} films and {people} people "
            f"in {time.perf_counter() - started:.1f} s; indexed {sum(counts.values())} documents."
        )
