"""Extractor speed: pages per second on one core, in-process, for 2-5 KB pages.

Each benchmark page is one corpus page (dev and seeds) followed by the next pages of the corpus
until it holds at least 2 KB, cut to at most 5 KB on a line boundary. So every page starts like a
real page and carries the mess of several (labels, prose, festivals, Chinese and Cyrillic text).

Usage:
    .venv/bin/python bench/bench_import.py [--seconds 5] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
MIN_BYTES, MAX_BYTES = 2048, 5120


def corpus_texts() -> list[str]:
    """Every dev and seed page text, without a leading `# source:` line."""
    texts = []
    for name in ("dev", "seeds"):
        for path in sorted((CORPUS / name / "pages").glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            if text.startswith("# source:"):
                text = text.split("\n", 1)[1]
            texts.append(text)
    return texts


def bench_pages() -> list[str]:
    """One 2-5 KB page per corpus page, as described in the module docstring."""
    texts = corpus_texts()
    pages = []
    for i in range(len(texts)):
        page = texts[i]
        j = i
        while len(page.encode()) < MIN_BYTES:
            j = (j + 1) % len(texts)
            page += "\n\n" + texts[j]
        while len(page.encode()) > MAX_BYTES:
            page = page.rsplit("\n", 1)[0] if "\n" in page else page[: MAX_BYTES // 4]
        pages.append(page)
    return pages


def run(pages: list[str], seconds: float) -> tuple[int, float, float]:
    """(pages, wall seconds, CPU seconds of this process): whole passes for about `seconds`."""
    from filmfolio.importer.extract import extract_record

    for page in pages:  # warm-up: imports, regex compilation, caches
        extract_record(page)
    done = 0
    start, cpu_start = time.perf_counter(), time.process_time()
    while time.perf_counter() - start < seconds:
        for page in pages:
            extract_record(page)
        done += len(pages)
    return done, time.perf_counter() - start, time.process_time() - cpu_start


def main() -> int:
    """Print the page sizes and pages per second (median of three runs).

    Pages per CPU second is the number to compare on a shared machine: it counts only the time
    this process ran on its core. Pages per wall second is printed beside it.
    """
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--profile", action="store_true", help="print the top cProfile entries")
    args = parser.parse_args()
    pages = bench_pages()
    sizes = sorted(len(p.encode()) for p in pages)
    kib = sum(sizes) / len(sizes) / 1024
    print(f"{len(pages)} pages, {sizes[0]}-{sizes[-1]} bytes (mean {kib:.1f} KiB)")
    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(run, pages, args.seconds)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
        return 0
    cpu_rates, wall_rates = [], []
    for _ in range(3):
        done, wall, cpu = run(pages, args.seconds / 3)
        cpu_rates.append(done / cpu)
        wall_rates.append(done / wall)
    cpu_rates.sort()
    wall_rates.sort()
    runs = ", ".join(f"{r:.0f}" for r in cpu_rates)
    print(f"extractor: {cpu_rates[1]:.0f} pages per CPU second (one core; runs: {runs})")
    print(f"extractor: {wall_rates[1]:.0f} pages per wall second (shared machine)")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
