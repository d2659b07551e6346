"""PostgreSQL: the window query of multi-word name queries, main's form against the others.

    DATABASE_URL=postgres://… python bench/pg_name_plans.py [--explain]

On a catalogue already indexed (``bench_search.py --db postgres``), takes the bench's 200 pinyin
and 200 western names (seed 1) and runs the raw window query (``LIMIT 300`` public matches) in
three forms, one right after the other for every query so that the machine's load hits them
alike: ``main`` (every reading of every word), ``cte`` (the same in a materialised CTE, planned
for all matches, with the LIMIT outside) and ``current`` (the backend's query, which leaves out
readings with one-letter Latin syllables). Prints p50/p95/p99 in milliseconds; ``--explain``
prints ``EXPLAIN (ANALYZE, BUFFERS)`` of the first queries instead.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
os.environ.setdefault("FILMFOLIO_DEBUG", "0")
FORMS = ("main", "cte", "current")


def window_sql(text: str, form: str) -> tuple[str, list]:
    """The window query of ``text`` in one of ``FORMS``."""
    from filmfolio.search.backends import MatchQuery, get_backend
    from filmfolio.search.backends.base import _CANDIDATE_COLUMNS
    from filmfolio.search.backends.postgres import _alternative
    from filmfolio.search.filters import PUBLIC

    backend = get_backend()
    query = MatchQuery.from_text(text)
    match = backend.compile(query, [[PUBLIC]])
    from_sql, params = backend._match_from(match)
    where_sql, where_params = match.where()
    if form != "current":
        params[0] = " & ".join(
            "(" + " | ".join(_alternative(alt) for alt in token.alternatives) + ")"
            for token in query.tokens
        )
    inner = f"SELECT {_CANDIDATE_COLUMNS} {from_sql}{where_sql}"
    if form == "cte":
        return f"WITH m AS MATERIALIZED ({inner}) SELECT * FROM m LIMIT 300", [
            *params,
            *where_params,
        ]
    return f"{inner} LIMIT 300", [*params, *where_params]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--explain", action="store_true")
    args = parser.parse_args()
    import django

    django.setup()
    from bench_search import percentiles, query_mix
    from django.db import connection

    mix = query_mix(random.Random(1), 200)
    names = mix["pinyin name, both orders"] + mix["western names"]
    times: dict[str, list[float]] = {form: [] for form in FORMS}
    with connection.cursor() as cursor:
        for text in names[:3] if args.explain else names:
            for form in FORMS:
                sql, params = window_sql(text, form)
                if args.explain:
                    cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params)
                    print(f"== {text} ({form})")
                    print("\n".join(row[0] for row in cursor.fetchall()))
                    continue
                started = time.perf_counter()
                cursor.execute(sql, params)
                cursor.fetchall()
                times[form].append(time.perf_counter() - started)
    for form, samples in times.items():
        if samples:
            print(f"{form}: n {len(samples)}, p50 %.1f p95 %.1f p99 %.1f" % percentiles(samples))


if __name__ == "__main__":
    main()
