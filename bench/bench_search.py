"""Search benchmark: index build time, index size and query latency percentiles.

    python bench/bench_search.py --films 1000000 --seed 1 --db sqlite|postgres
        [--reuse] [--workers W] [--compact] [--replicate K] [--no-rebuild] [--queries Q]
        [--write-doc]

One database per catalogue size: ``--db sqlite`` uses ``search-N.sqlite3`` in
``$FILMFOLIO_VAR_DIR`` (default ``var/bench/``); ``--db postgres`` uses ``$DATABASE_URL``
(default ``postgres://postgres@127.0.0.1:5432/filmfolio_bench_N``, created when missing).
Without ``--reuse`` an empty database is filled with ``filmfolio generate-catalogue --films N
--seed S --no-index`` (a million films take about 11 minutes on SQLite, 20 on PostgreSQL);
with it the catalogue already there is measured. ``--replicate K`` copies the catalogue K-1
more times with SQL (films, titles, credits, people, names, countries, languages, genres,
festival entries; ids offset, slugs suffixed) for a quick large catalogue.

The index is rebuilt with ``--workers`` helper processes (default: one per core), reporting
the CPU time of this process and of the helpers. Each query of a fixed, seeded mix then runs
through the service (``search.selectors``: access, typo check, bounded window, estimated
total, ranking, facets, page rows; what the page calls) and through the raw backend query (the
engine's window of matches, ranked, top 20), in the same run. ``--write-doc`` replaces this
run's section of ``docs/benchmarks-search.md``.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
os.environ.setdefault("FILMFOLIO_DEBUG", "0")  # query logging would distort the timings
DOC = ROOT / "docs" / "benchmarks-search.md"
REPLICATED = (
    "people.Person",
    "people.PersonName",
    "films.Film",
    "films.Title",
    "films.Credit",
    "films.FilmCountry",
    "films.FilmLanguage",
    "films.Film_genres",
    "festivals.Entry",
)


def percentiles(samples: list[float]) -> tuple[float, float, float]:
    """p50, p95 and p99 in milliseconds."""
    ordered = sorted(samples)

    def at(fraction: float) -> float:
        return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] * 1000

    return at(0.50), at(0.95), at(0.99)


def timed(function: Callable[[], object]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one call (CPU: this process, which includes SQLite)."""
    started, cpu = time.perf_counter(), time.process_time()
    function()
    return time.perf_counter() - started, time.process_time() - cpu


def index_size() -> int:
    """Bytes used by the search tables, their indexes and full-text structures."""
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT sum(pg_total_relation_size(c)) FROM unnest(ARRAY["
                "'search_searchdocument', 'search_searchfacetvalue', 'search_searchterm',"
                "'search_searchsuggestion']::regclass[]) AS c"
            )
            return int(cursor.fetchone()[0])
        cursor.execute("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'search%'")
        return int(cursor.fetchone()[0] or 0)


def replicate(times: int) -> None:
    """Copy the catalogue ``times - 1`` more times in SQL (see the module docstring)."""
    from django.apps import apps
    from django.db import connection, transaction

    models = [apps.get_model(*label.split(".")) for label in REPLICATED[:-2]]
    models.append(apps.get_model("films", "Film").genres.through)
    models.append(apps.get_model("festivals", "Entry"))
    offsets = {}
    with connection.cursor() as cursor:
        for model in models:
            cursor.execute(f"SELECT coalesce(max(id), 0) FROM {model._meta.db_table}")
            offsets[model] = cursor.fetchone()[0]
    concat = "{} || %s"
    with transaction.atomic(), connection.cursor() as cursor:
        for copy in range(1, times):
            for model in models:
                columns, values, params = [], [], []
                for field in model._meta.concrete_fields:
                    column = connection.ops.quote_name(field.column)
                    columns.append(column)
                    target = field.related_model if field.is_relation else None
                    if field.primary_key:
                        values.append(f"{column} + {offsets[model] * copy}")
                    elif target is not None and target in offsets:
                        values.append(f"{column} + {offsets[target] * copy}")
                    elif field.name == "slug":
                        values.append(concat.format(column))
                        # unique across runs: a copy of a copy gets another suffix
                        params.append(f"-r{copy}x{offsets[model]}")
                    else:
                        values.append(column)
                table = model._meta.db_table
                cursor.execute(
                    f"INSERT INTO {table} ({', '.join(columns)}) SELECT {', '.join(values)} "
                    f"FROM {table} WHERE id <= %s",
                    [*params, offsets[model]],
                )
        if connection.vendor == "postgresql":
            for model in models:
                table = model._meta.db_table
                cursor.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT max(id) FROM {table}))"
                )


def query_mix(rng: random.Random, count: int) -> dict[str, list[str]]:
    """Queries by category, drawn from the catalogue itself (deterministic for a seed)."""
    from filmfolio.films.models import Title
    from filmfolio.people.models import Person, PersonName

    top = Title.objects.order_by("-id").values_list("id", flat=True).first() or 0
    picks = sorted(rng.randrange(1, top + 1) for _ in range(count * 4))
    titles = list(Title.objects.filter(id__in=picks).values_list("text", flat=True))
    chinese = [t for t in titles if re.search(r"[\u4e00-\u9fff]{2}", t)]
    latin_words = sorted({w for t in titles for w in re.findall(r"[A-Za-z]{4,}", t)})
    names = list(
        PersonName.objects.filter(script="latin", order="family_first")
        .order_by("id")
        .values_list("name", "person__display_name")[: count * 20]
    )
    people = list(Person.objects.order_by("id").values_list("display_name", flat=True)[:5000])
    mix: dict[str, list[str]] = {"chinese 1-2 chars": [], "pinyin name, both orders": []}
    for text in chinese[:count]:
        run = re.search(r"[\u4e00-\u9fff]{2,}", text).group(0)
        start = rng.randrange(len(run) - 1)
        mix["chinese 1-2 chars"].append(run[start : start + rng.choice((1, 2))])
    for family_first, given_first in rng.sample(names, min(count, len(names))):
        mix["pinyin name, both orders"].append(rng.choice((family_first, given_first)))
    mix["english title words"] = [
        " ".join(rng.sample(latin_words, 2)) if rng.random() < 0.3 else rng.choice(latin_words)
        for _ in range(count)
    ]
    western = [p for p in people if not re.search(r"[\u4e00-\u9fff]", p)]
    mix["western names"] = rng.sample(western, min(count, len(western)))
    mix["autocomplete"] = [
        rng.choice(latin_words + [n for n, _g in names[:500]])[: rng.choice((2, 3, 4, 5))]
        for _ in range(count)
    ]
    return mix


def _measure(queries: list, service: Callable, raw: Callable | None) -> tuple[list, list]:
    service_times, raw_times = [], []
    for item in queries:
        service_times.append(timed(lambda i=item: service(i)))
        if raw is not None:
            raw_times.append(timed(lambda i=item: raw(i)))
    return service_times, raw_times


def run_queries(mix: dict[str, list[str]], rng: random.Random) -> list[tuple[str, ...]]:
    """Latency rows: category, n, service p50/p95/p99, raw p50/p95/p99."""
    from filmfolio.films.access import Viewer
    from filmfolio.search.backends import MatchQuery, get_backend
    from filmfolio.search.filters import PUBLIC, token
    from filmfolio.search.query import SearchRequest
    from filmfolio.search.selectors import autocomplete_for, catalogue_page_for, search_page_for

    viewer = Viewer.anonymous()
    backend = get_backend()
    rows = []
    for category, queries in mix.items():
        if category == "autocomplete":
            service, raw = _measure(
                queries,
                lambda t: autocomplete_for(viewer, t),
                lambda t: backend.suggestion_ids(t.lower(), limit=200),
            )
        else:
            service, raw = _measure(
                queries,
                lambda t: search_page_for(viewer, SearchRequest(text=t)),
                lambda t: backend.raw_ids(MatchQuery.from_text(t), 20),
            )
        rows.append(_row(category, service, raw))
    countries = ["CN", "TW", "US", "FR", "HK", "DE", "JP"]
    words = ["documentary", "river", "city", "山", "城市", "zhang", "wang"]
    broad = [
        SearchRequest(text=rng.choice(words), facets={"country": (rng.choice(countries),)})
        for _ in range(max(20, len(mix["autocomplete"]) // 2))
    ]

    def broad_raw(request: SearchRequest) -> object:
        groups = [[token("country", request.facets["country"][0])], [PUBLIC]]
        match = backend.compile(MatchQuery.from_text(request.text), groups)
        return backend.window(match, limit=300)

    rows.append(
        _row(
            "faceted broad (word + country)",
            *_measure(broad, lambda r: search_page_for(viewer, r), broad_raw),
        )
    )
    browse = [SearchRequest(facets={"country": (c,)}) for c in countries * 3]

    def browse_raw(request: SearchRequest) -> object:
        groups = [[token("kind", "film")], [token("country", request.facets["country"][0])]]
        return backend.window(backend.compile(None, [*groups, [PUBLIC]]), limit=300)

    rows.append(
        _row(
            "catalogue browse + facets",
            *_measure(browse, lambda r: catalogue_page_for(viewer, r), browse_raw),
        )
    )
    return rows


def _row(category: str, service: list, raw: list) -> tuple[str, ...]:
    """Percentiles of wall time and of CPU time, service then raw."""
    cells = [category, str(len(service))]
    for samples in (service, raw):
        for part in (0, 1):
            values = [sample[part] for sample in samples]
            cells += [f"{v:.1f}" for v in percentiles(values)] if values else ["-"] * 3
    return tuple(cells)


def _create_database(url: str) -> None:
    """Create the PostgreSQL database of ``url`` if it does not exist yet."""
    import dj_database_url
    import psycopg
    from psycopg import sql

    settings = dj_database_url.parse(url)
    server = {
        "host": settings["HOST"] or None,
        "port": settings["PORT"] or None,
        "user": settings["USER"] or None,
        "password": settings["PASSWORD"] or None,
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as conn:
        if not conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [settings["NAME"]]
        ).fetchone():
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(settings["NAME"])))


def _children_cpu() -> float:
    """CPU seconds of this process's finished child processes (the rebuild's helpers)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _prepare(args: argparse.Namespace) -> None:
    # one database per catalogue size, so a run never measures another size's catalogue
    if args.db == "postgres":
        os.environ.setdefault(
            "DATABASE_URL", f"postgres://postgres@127.0.0.1:5432/filmfolio_bench_{args.films}"
        )
        _create_database(os.environ["DATABASE_URL"])
    else:
        var = Path(os.environ.get("FILMFOLIO_VAR_DIR", ROOT / "var" / "bench"))
        var.mkdir(parents=True, exist_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{var / f'search-{args.films}.sqlite3'}"
    import logging

    import django

    django.setup()
    # the rebuild's phases (documents written, full-text index built) with their times
    logging.basicConfig(format="%(message)s")
    logging.getLogger("filmfolio.search.index").setLevel(logging.INFO)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--films", type=int, default=10000, help="generate this many films")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--reuse", action="store_true", help="measure the catalogue there")
    parser.add_argument("--replicate", type=int, default=1, help="copy the catalogue K times")
    parser.add_argument("--queries", type=int, default=200, help="queries per category")
    parser.add_argument("--no-rebuild", action="store_true", help="measure the existing index")
    parser.add_argument(
        "--workers", type=int, default=None, help="rebuild helper processes (default: cores)"
    )
    parser.add_argument(
        "--compact", action="store_true", help="give the old rows' space back (PostgreSQL)"
    )
    parser.add_argument("--write-doc", action="store_true", help="update the results doc")
    args = parser.parse_args()
    _prepare(args)
    from django.core.management import call_command
    from django.db import connection

    from filmfolio.films.models import Film
    from filmfolio.search import index

    call_command("migrate", verbosity=0)
    if not args.reuse and not Film.objects.exists():
        started = time.perf_counter()
        call_command("generate-catalogue", films=args.films, seed=args.seed, no_index=True)
        print(f"catalogue generated in {time.perf_counter() - started:.0f} s")
    if args.replicate > 1:
        started = time.perf_counter()
        replicate(args.replicate)
        print(f"replicated x{args.replicate} in {time.perf_counter() - started:.0f} s")
    lines = [f"films: {Film.objects.count()}, database: {connection.vendor}"]
    lines.append(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    if not args.no_rebuild:
        started, cpu = time.perf_counter(), time.process_time()
        helpers_cpu = _children_cpu()
        counts = index.rebuild(workers=args.workers, compact=args.compact)
        lines.append(
            f"index build: {time.perf_counter() - started:.1f} s wall, "
            f"{time.process_time() - cpu:.1f} s CPU in this process + "
            f"{_children_cpu() - helpers_cpu:.1f} s in helper processes; documents: "
            + ", ".join(f"{kind} {count}" for kind, count in counts.items())
        )
    lines.append(f"index size: {index_size() / 1e6:.1f} MB")
    rng = random.Random(args.seed)
    rows = run_queries(query_mix(rng, args.queries), rng)
    header = (
        "query kind", "n",
        "service wall p50", "p95", "p99", "service CPU p50", "p95", "p99",
        "raw wall p50", "p95", "p99", "raw CPU p50", "p95", "p99",
    )  # fmt: skip
    table = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    table += ["| " + " | ".join(row) + " |" for row in rows]
    with open("/proc/loadavg") as loadavg:
        lines.append(f"load average at the end (other work on the machine): {loadavg.read()[:14]}")
    output = "\n".join([*lines, "", *table, "", "(milliseconds)"])
    print(output)
    if args.write_doc:
        _write_doc(f"{connection.vendor}, {Film.objects.count()} films", output)


def _write_doc(title: str, body: str) -> None:
    """Replace (or add) the section of this run in the results document."""
    start, end = f"<!-- bench: {title} -->", f"<!-- /bench: {title} -->"
    section = f"{start}\n### {title}\n\n{body}\n{end}"
    text = DOC.read_text() if DOC.exists() else "# Search benchmark\n"
    if start in text:
        before, rest = text.split(start, 1)
        text = before + section + rest.split(end, 1)[1]
    else:
        text = text.rstrip() + "\n\n" + section + "\n"
    DOC.write_text(text)


if __name__ == "__main__":
    main()
