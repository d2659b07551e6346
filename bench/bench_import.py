"""Extractor speed: pages per second on one core, in-process, for 2-5 KB pages.

Each benchmark page is one corpus page (dev and seeds) followed by the next pages of the corpus
until it holds at least 2 KB, cut to at most 5 KB on a line boundary. So every page starts like a
real page and carries the mess of several (labels, prose, festivals, Chinese and Cyrillic text).

Usage:
    .venv/bin/python bench/bench_import.py [--seconds 5] [--profile]
    .venv/bin/python bench/bench_import.py --compare e5279b2 [--rounds 10]

`--compare REV...` measures this version and each given commit in the same process: every page
goes through every version in turn, so that every number has its baseline measured under the
same load. The other versions' extractor package is taken with `git archive` into a temporary
directory and imported under another name.
"""

from __future__ import annotations

import argparse
import cProfile
import importlib.util
import os
import pstats
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
MIN_BYTES, MAX_BYTES = 2048, 5120
EXTRACT = "filmfolio/importer/extract"


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


def _export(rev: str, into: Path) -> Path:
    """The extractor package of commit `rev`, unpacked under `into`; its directory."""
    tree = into / rev
    tree.mkdir()
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", rev, EXTRACT], check=True, capture_output=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    return tree / EXTRACT


def _load(name: str, directory: Path) -> Callable[[str], object]:
    """`extract_record` of the extractor package in `directory`, imported as `name` (the
    package imports only its own modules, so versions load side by side)."""
    spec = importlib.util.spec_from_file_location(
        name, directory / "__init__.py", submodule_search_locations=[str(directory)]
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module.extract_record


def compare(revs: list[str], rounds: int) -> None:
    """Pages per CPU second of this version and of each commit in `revs`, measured in one
    process: every page goes through every version in turn (the order turning page by page),
    so that a change of load weighs on all versions alike."""
    pages = bench_pages()
    with tempfile.TemporaryDirectory() as tmp:
        versions = {"this version": _load("extract_this", ROOT / EXTRACT)}
        for n, rev in enumerate(revs):
            versions[rev] = _load(f"extract_base{n}", _export(rev, Path(tmp)))
        names = list(versions)
        for name in names:  # warm-up
            for page in pages:
                versions[name](page)
        cpu = dict.fromkeys(names, 0.0)
        for r in range(rounds):
            for i, page in enumerate(pages):
                turn = (i + r) % len(names)
                for name in names[turn:] + names[:turn]:
                    start = time.process_time()
                    versions[name](page)
                    cpu[name] += time.process_time() - start
    load = os.getloadavg()
    print(f"load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} on {os.cpu_count()} cores")
    for name in names:
        rate = rounds * len(pages) / cpu[name]
        print(f"{name}: {rate:.0f} pages per CPU second ({rounds} passes of {len(pages)} pages)")


def main() -> int:
    """Print the page sizes and pages per second (median of three runs).

    Pages per CPU second is the number to compare on a shared machine: it counts only the time
    this process ran on its core. Pages per wall second is printed beside it.
    """
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--profile", action="store_true", help="print the top cProfile entries")
    parser.add_argument("--compare", nargs="+", metavar="REV", help="commits to measure beside")
    parser.add_argument("--rounds", type=int, default=10, help="passes over the pages")
    args = parser.parse_args()
    if args.compare:
        compare(args.compare, args.rounds)
        return 0
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
