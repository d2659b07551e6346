"""Search benchmark: index build time, index size and query latency percentiles.

Runs against the database the settings point to (SQLite in ``$FILMFOLIO_VAR_DIR`` by default,
PostgreSQL with ``DATABASE_URL``). With ``--films N`` it first fills an empty database with
``filmfolio generate-catalogue --films N --seed S``. Each query of a fixed, seeded mix runs
through the service (``search.selectors``, what the page calls: access, facets, ranking) and
through the raw backend query (the engine alone), in the same run.

    python bench/bench_search.py --films 100000 --seed 1 [--queries 200] [--no-rebuild]
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
os.environ.setdefault("FILMFOLIO_DEBUG", "0")  # query logging would distort the timings


def _setup() -> None:
    import django

    django.setup()


def percentiles(samples: list[float]) -> tuple[float, float, float]:
    """p50, p95 and p99 in milliseconds."""
    ordered = sorted(samples)

    def at(fraction: float) -> float:
        return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] * 1000

    return at(0.50), at(0.95), at(0.99)


def timed(function: Callable[[], object]) -> float:
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def index_size() -> int:
    """Bytes used by the search tables and their full-text structures."""
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT sum(pg_total_relation_size(c)) FROM unnest(ARRAY["
                "'search_searchdocument', 'search_searchfacetvalue', 'search_searchterm'"
                "]::regclass[]) AS c"
            )
            return int(cursor.fetchone()[0])
        try:
            cursor.execute("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'search%'")
            return int(cursor.fetchone()[0] or 0)
        except Exception:  # dbstat is an optional SQLite module
            cursor.execute("PRAGMA page_count")
            pages = cursor.fetchone()[0]
            cursor.execute("PRAGMA page_size")
            return int(pages * cursor.fetchone()[0])


def query_mix(rng: random.Random, count: int) -> dict[str, list[str]]:
    """Queries by category, drawn from the catalogue itself."""
    from filmfolio.films.models import Title
    from filmfolio.people.models import Person, PersonName

    titles = list(Title.objects.order_by("?").values_list("text", flat=True)[: count * 4])
    chinese = [t for t in titles if re.search(r"[\u4e00-\u9fff]{2}", t)]
    latin_words = [w for t in titles for w in re.findall(r"[A-Za-z]{4,}", t)]
    pinyin_names = list(
        PersonName.objects.filter(script="latin", order="family_first")
        .order_by("?")
        .values_list("name", "person__display_name")[:count]
    )
    western = list(Person.objects.order_by("?").values_list("display_name", flat=True)[:count])
    mix: dict[str, list[str]] = {"chinese 1-2 chars": [], "pinyin name, both orders": []}
    for text in chinese[:count]:
        run = re.search(r"[\u4e00-\u9fff]{2,}", text).group(0)
        start = rng.randrange(len(run) - 1)
        mix["chinese 1-2 chars"].append(run[start : start + rng.choice((1, 2))])
    for family_first, given_first in pinyin_names:
        mix["pinyin name, both orders"].append(rng.choice((family_first, given_first)))
    mix["english title words"] = [
        " ".join(rng.sample(latin_words, 2)) if rng.random() < 0.3 else rng.choice(latin_words)
        for _ in range(count)
    ]
    mix["western names"] = western[:count]
    mix["autocomplete"] = [rng.choice(latin_words)[: rng.choice((3, 4, 5))] for _ in range(count)]
    return mix


def run_queries(mix: dict[str, list[str]], rng: random.Random) -> list[tuple[str, ...]]:
    """Latency rows: category, n, service p50/p95/p99, raw p50/p95/p99."""
    from filmfolio.search.backends import MatchQuery, get_backend
    from filmfolio.search.query import SearchRequest
    from filmfolio.search.selectors import autocomplete_for, catalogue_page_for, search_page_for
    from filmfolio.sharing.access import Viewer

    viewer = Viewer.anonymous()
    backend = get_backend()
    rows = []
    for category, queries in mix.items():
        service, raw = [], []
        for text in queries:
            if category == "autocomplete":
                service.append(timed(lambda t=text: autocomplete_for(viewer, t)))
                query = MatchQuery.from_text(text, prefix=True)
            else:
                request = SearchRequest(text=text)
                service.append(timed(lambda r=request: search_page_for(viewer, r)))
                query = MatchQuery.from_text(text)
            raw.append(timed(lambda q=query: backend.raw_ids(q, 20)))
        rows.append(_row(category, service, raw))
    broad, broad_raw = [], []
    countries = ["CN", "TW", "US", "FR", "HK", "DE", "JP"]
    broad_words = ["documentary", "the", "记录", "城市", "river", "zhang"]
    for _ in range(max(20, len(mix["autocomplete"]) // 2)):
        facets = {"country": (rng.choice(countries),)}
        request = SearchRequest(text=rng.choice(broad_words), facets=facets, sort="relevance")
        broad.append(timed(lambda r=request: search_page_for(viewer, r)))
        broad_raw.append(timed(lambda r=request: backend.raw_ids(MatchQuery.from_text(r.text), 20)))
    rows.append(_row("faceted broad (word + country)", broad, broad_raw))
    browse = [
        timed(lambda c=c: catalogue_page_for(viewer, SearchRequest(facets={"country": (c,)})))
        for c in countries * 3
    ]
    rows.append(_row("catalogue browse + facets", browse, []))
    return rows


def _row(category: str, service: list[float], raw: list[float]) -> tuple[str, ...]:
    cells = [category, str(len(service))]
    cells += [f"{v:.1f}" for v in percentiles(service)] if service else ["-"] * 3
    cells += [f"{v:.1f}" for v in percentiles(raw)] if raw else ["-"] * 3
    return tuple(cells)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--films", type=int, default=0, help="generate this many films first")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--queries", type=int, default=200, help="queries per category")
    parser.add_argument("--no-rebuild", action="store_true", help="measure the existing index")
    args = parser.parse_args()
    _setup()
    from django.core.management import call_command
    from django.db import connection

    from filmfolio.films.models import Film
    from filmfolio.search import index

    call_command("migrate", verbosity=0)
    if args.films and not Film.objects.exists():
        call_command("generate-catalogue", films=args.films, seed=args.seed)
    films = Film.objects.count()
    print(f"# Search benchmark: {films} films on {connection.vendor}")
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    if not args.no_rebuild:
        started = time.perf_counter()
        counts = index.rebuild()
        print(f"index build: {time.perf_counter() - started:.1f} s {counts}")
    print(f"index size: {index_size() / 1e6:.1f} MB")
    rng = random.Random(args.seed)
    mix = query_mix(rng, args.queries)
    rows = run_queries(mix, rng)
    header = ("query kind", "n", "service p50", "p95", "p99", "raw p50", "p95", "p99")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print("(milliseconds)")


if __name__ == "__main__":
    main()
