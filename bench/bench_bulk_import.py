"""Bulk import speed: N films from JSONL into an empty catalogue, against a bare baseline.

Steps, in a fresh SQLite database in a temporary directory (or DATABASE_URL if set):
1. Write N synthetic films (`synthetic.CatalogueGenerator`, seed 1) to a JSONL file; the
   generator's people are deleted again, so the import creates every person, as it would when
   moving a catalogue to a new site.
2. Time `filmfolio import FILE.jsonl` (read, validate every row, commit in one transaction),
   with the split between checking and committing. The search-index update the command queues
   for the worker is timed separately.
3. Baseline: read back every row the import wrote (films, children, people, festivals ...),
   empty those tables, and time inserting the same rows again with bare `executemany` in one
   transaction: the floor for writing exactly these rows with these indexes.

Usage:
    .venv/bin/python bench/bench_bulk_import.py [--films 100000]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup_django(var_dir: str) -> None:
    """Django with the dev settings and a database in `var_dir` (unless DATABASE_URL is set)."""
    os.environ["FILMFOLIO_VAR_DIR"] = var_dir
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def write_jsonl(path: Path, films: int) -> float:
    """The synthetic catalogue as JSONL; returns the seconds it took."""
    from filmfolio.importer.formats import record_json
    from filmfolio.importer.synthetic import CatalogueGenerator
    from filmfolio.people.models import Person

    started = time.perf_counter()
    generator = CatalogueGenerator(films=films, seed=1)
    generator.create_people()
    with path.open("w", encoding="utf-8") as stream:
        for record in generator.records():
            stream.write(record_json(record) + "\n")
    Person.objects.all().delete()
    return time.perf_counter() - started


def timed_import(path: Path) -> dict[str, float]:
    """Check and commit the file as `filmfolio import` does; wall and CPU seconds of each."""
    from filmfolio.importer.imports import check_file
    from filmfolio.importer.services import records_commit

    wall, cpu = time.perf_counter(), time.process_time()
    check = check_file(path, "jsonl")
    assert check.ok, check.problem_lines()[:5]
    checked_wall, checked_cpu = time.perf_counter(), time.process_time()
    report = records_commit(records=check.records, batch_size=2000, update_index=False)
    done_wall, done_cpu = time.perf_counter(), time.process_time()
    index_wall, index_cpu = index_everything(report)
    return {
        "films": report.total,
        "check_wall": checked_wall - wall,
        "check_cpu": checked_cpu - cpu,
        "commit_wall": done_wall - checked_wall,
        "commit_cpu": done_cpu - checked_cpu,
        "total_wall": done_wall - wall,
        "total_cpu": done_cpu - cpu,
        "index_wall": index_wall,
        "index_cpu": index_cpu,
    }


def index_everything(report) -> tuple[float, float]:
    """(wall, CPU seconds) of the search-index work the import queues for the worker."""
    from filmfolio.importer.services import _created_kinds
    from filmfolio.search import index
    from filmfolio.search.choices import DocumentKind

    wall, cpu = time.perf_counter(), time.process_time()
    work = [(DocumentKind.FILM, report.film_ids), *_created_kinds(report.log).items()]
    for kind, ids in work:
        for start in range(0, len(ids), index.BATCH_SIZE):
            index.update_ids(kind, ids[start : start + index.BATCH_SIZE])
    return time.perf_counter() - wall, time.process_time() - cpu


def written_tables() -> list:
    """The models the import writes, parents before children."""
    from filmfolio.accounts.models import Organisation
    from filmfolio.festivals.models import Award, Edition, Entry, Festival, Section
    from filmfolio.films.models import (
        Credit,
        Film,
        FilmCompany,
        FilmCountry,
        FilmLanguage,
        FilmLink,
        FilmText,
        Title,
    )
    from filmfolio.people.models import Person, PersonBiography, PersonName

    return [
        Person,
        PersonName,
        PersonBiography,
        Organisation,
        Festival,
        Edition,
        Section,
        Award,
        Film,
        Title,
        FilmCountry,
        FilmLanguage,
        FilmText,
        FilmLink,
        FilmCompany,
        Credit,
        Entry,
        Film.genres.through,
    ]


def baseline() -> tuple[int, float, float]:
    """(rows, wall seconds, CPU seconds) to insert every written row again, bare executemany."""
    from django.db import connection, transaction

    quote = connection.ops.quote_name
    dumped = []
    with connection.cursor() as cursor:
        for model in written_tables():
            table = quote(model._meta.db_table)
            cursor.execute(f"SELECT * FROM {table}")
            columns = [quote(c[0]) for c in cursor.description]
            dumped.append((table, columns, cursor.fetchall()))
        with transaction.atomic():
            for table, _, _ in reversed(dumped):
                cursor.execute(f"DELETE FROM {table}")
    started, cpu = time.perf_counter(), time.process_time()
    with transaction.atomic(), connection.cursor() as cursor:
        for table, columns, rows in dumped:
            marks = ", ".join(["%s"] * len(columns))
            sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"
            cursor.executemany(sql, rows)
    rows = sum(len(rows) for _, _, rows in dumped)
    return rows, time.perf_counter() - started, time.process_time() - cpu


def main() -> int:
    """Print the import time, its split, and the baseline."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--films", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-bulk-") as var_dir:
        setup_django(var_dir)
        from django.db import connection

        path = Path(var_dir) / "films.jsonl"
        generated = write_jsonl(path, args.films)
        size = path.stat().st_size / 2**20
        print(f"database: {connection.vendor}; {args.films} films, {size:.0f} MiB of JSONL")
        print(f"generated the file in {generated:.1f} s")
        t = timed_import(path)
        rate = t["films"] / t["total_wall"]
        print(
            f"import: {t['total_wall']:.1f} s wall, {t['total_cpu']:.1f} s CPU "
            f"({rate:.0f} films/s); check {t['check_wall']:.1f} s wall / {t['check_cpu']:.1f} s "
            f"CPU, commit {t['commit_wall']:.1f} s wall / {t['commit_cpu']:.1f} s CPU"
        )
        print(
            f"search index (queued for the worker, not part of the import): "
            f"{t['index_wall']:.1f} s wall, {t['index_cpu']:.1f} s CPU"
        )
        rows, wall, cpu = baseline()
        print(f"baseline: {rows} rows with bare executemany in {wall:.1f} s wall, {cpu:.1f} s CPU")
        connection.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
