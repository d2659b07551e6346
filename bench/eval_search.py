"""Search relevance: MRR and nDCG@10 of the relevance set, per query group and overall.

    python bench/eval_search.py [--failures] [--write-doc]

Loads each catalogue of ``filmfolio/search/relevance_set.py`` in turn into one database
(``filmfolio demo``; ``filmfolio generate-catalogue`` with the set's size and seed), indexes
it and runs its queries through the search page's selector. The database is
``$DATABASE_URL`` when set (PostgreSQL; its catalogue records are deleted first, so give it a
database of its own), otherwise a fresh ``relevance.sqlite3`` in ``$FILMFOLIO_VAR_DIR``
(default ``var/bench/``). ``--failures`` lists the queries that miss a rank; ``--write-doc``
replaces this database's table in the "Search relevance" section of ``docs/benchmarks.md``.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
os.environ.setdefault("FILMFOLIO_DEBUG", "0")
DOC = ROOT / "docs" / "benchmarks.md"


def _prepare() -> None:
    if not os.environ.get("DATABASE_URL"):
        var = Path(os.environ.get("FILMFOLIO_VAR_DIR", ROOT / "var" / "bench"))
        var.mkdir(parents=True, exist_ok=True)
        path = var / "relevance.sqlite3"
        path.unlink(missing_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    import django

    django.setup()


def clear_catalogue() -> None:
    """Delete the catalogue records and the search index (vocabularies stay)."""
    from filmfolio.accounts.models import Organisation
    from filmfolio.festivals.models import Festival
    from filmfolio.films.models import Film
    from filmfolio.people.models import Person
    from filmfolio.search.models import SearchDocument, SearchTerm

    for model in (SearchDocument, SearchTerm, Film, Festival, Person, Organisation):
        model.objects.all().delete()


def load(catalogue: str) -> None:
    """Load one catalogue of the relevance set and index it."""
    from io import StringIO

    from django.core.management import call_command

    from filmfolio.search import index
    from filmfolio.search.relevance_set import GENERATED_FILMS, GENERATED_SEED

    clear_catalogue()
    if catalogue == "demo":
        call_command("demo", stdout=StringIO())
    else:
        call_command(
            "generate-catalogue",
            films=GENERATED_FILMS,
            seed=GENERATED_SEED,
            no_index=True,
            stdout=StringIO(),
        )
    index.rebuild()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--failures", action="store_true", help="list the queries that miss")
    parser.add_argument("--write-doc", action="store_true", help="update docs/benchmarks.md")
    args = parser.parse_args()
    _prepare()
    from django.core.management import call_command
    from django.db import connection

    from filmfolio.search.evaluation import evaluate, summarise, table
    from filmfolio.search.relevance_set import QUERIES

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    outcomes = []
    for catalogue in ("demo", "generated"):
        load(catalogue)
        outcomes += evaluate([q for q in QUERIES if q.catalogue == catalogue])
    lines = [
        f"database: {connection.vendor}; {len(outcomes)} queries; "
        f"{datetime.date.today().isoformat()}; machine: {platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}; "
        f"{time.perf_counter() - started:.0f} s",
        "",
        table(summarise(outcomes)),
    ]
    output = "\n".join(lines)
    print(output)
    if args.failures:
        for outcome in outcomes:
            if not outcome.passed:
                query = outcome.query
                print(f"MISS [{query.catalogue}/{query.group}] {query.text!r}: {query.expected}")
                print(f"     got {list(outcome.addresses[:5])}")
    if args.write_doc:
        _write_doc(connection.vendor, output)


def _write_doc(vendor: str, body: str) -> None:
    """Replace (or add) this database's table in the "Search relevance" section."""
    start, end = f"<!-- relevance: {vendor} -->", f"<!-- /relevance: {vendor} -->"
    section = f"{start}\n{body}\n{end}"
    text = DOC.read_text()
    if start in text:
        before, rest = text.split(start, 1)
        text = before + section + rest.split(end, 1)[1]
    else:
        text = text.rstrip() + "\n\n" + section + "\n"
    DOC.write_text(text)


if __name__ == "__main__":
    main()
