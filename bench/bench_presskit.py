"""Press kit benchmark: time to render each seed film's PDF, per language.

Runs against the database the settings point to (SQLite in ``$FILMFOLIO_VAR_DIR`` by default,
PostgreSQL with ``DATABASE_URL``); migrates and loads ``filmfolio demo`` first. For every film and
language it reports the first render in the process (fonts loaded cold), then the median and
the worst of ``--repeat`` warm renders, split into the query + HTML step and the PDF step, and
the PDF's size. A cached download (the stored file) is timed too.

    python bench/bench_presskit.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
os.environ.setdefault("FILMFOLIO_DEBUG", "0")


def _setup() -> None:
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    call_command("demo", stdout=io.StringIO())


def _render(slug: str, language: str) -> tuple[float, float, int]:
    """Seconds for query + HTML, seconds for the PDF, and the PDF's size in bytes."""
    from filmfolio.films.models import Film
    from filmfolio.presskit.pdf import html_to_pdf
    from filmfolio.presskit.services import presskit_html

    started = time.perf_counter()
    film = Film.objects.get(slug=slug)
    html = presskit_html(film, language)
    middle = time.perf_counter()
    pdf = html_to_pdf(html)
    return middle - started, time.perf_counter() - middle, len(pdf)


def _cached_download(slug: str, language: str) -> float:
    """Seconds to serve the stored PDF through the view (built once before timing)."""
    from django.test import Client

    from filmfolio.films.models import Film
    from filmfolio.presskit.services import presskit_build

    presskit_build(film_id=Film.objects.get(slug=slug).pk, language=language)
    client = Client()
    url = f"/presskit/{slug}.pdf?lang={language}"
    started = time.perf_counter()
    response = client.get(url)
    b"".join(response.streaming_content)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    _setup()
    from django.db import connection

    from filmfolio.films.models import Film

    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, database {connection.vendor}"
    )
    cold_html, cold_pdf, _size = _render(Film.objects.order_by("slug")[0].slug, "en")
    print(f"first render in the process (cold fonts): {cold_html + cold_pdf:.2f} s")
    print(
        "| film | language | warm median (s) | warm max (s) | of which HTML (s) | PDF size "
        "(KiB) | cached download (ms) |"
    )
    print("|---|---|---|---|---|---|---|")
    for slug in Film.objects.order_by("slug").values_list("slug", flat=True):
        for language in ("en", "zh-hans"):
            runs = [_render(slug, language) for _ in range(args.repeat)]
            totals = [h + p for h, p, _s in runs]
            html = statistics.median(h for h, _p, _s in runs)
            cached = _cached_download(slug, language) * 1000
            print(
                f"| {slug} | {language} | {statistics.median(totals):.2f} | "
                f"{max(totals):.2f} | {html:.3f} | {runs[0][2] / 1024:.0f} | {cached:.1f} |"
            )


if __name__ == "__main__":
    main()
