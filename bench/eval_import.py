"""Score the importer on the dev and seed corpora, in-process (fast) or through the command.

The 60 dev pages are also scored in two halves split by the kind of page (see "Measuring on
pages set aside" in docs/importer.md): rules are written while looking at one half and measured
on the other, then the halves swap, so a rule that only fits the pages in view shows up as a
gap between the halves.

Usage:
    .venv/bin/python bench/eval_import.py            # in-process: dev, both halves, seeds
    .venv/bin/python bench/eval_import.py --half A --details   # misses and spurious values
    .venv/bin/python bench/eval_import.py --command  # the real `filmfolio import-text` command
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "tools" / "score_import.py"
SETS = ("dev", "seeds")

# Half A: record pages (film databases, wikis, streaming and ticketing pages, listings, spec
# sheets and catalogue entries of festivals and distributors). Half B: written pages (news,
# award announcements, blogs, portfolios, press releases, crowdfunding, venue and video pages).
_HALF_A_PAGES = (1, 3, 4, 5, 6, 7, 8, 9, 11, 13, 18, 21, 23, 25, 29, 30, 31, 32, 33, 34, 35)
HALF_A = frozenset(f"{n:03d}" for n in (*_HALF_A_PAGES, 36, 38, 39, 40, 41, 42, 43, 44, 59))
HALVES = {"A": lambda pid: pid in HALF_A, "B": lambda pid: pid not in HALF_A}
HEADLINE_FIELDS = 19


def load_scorer():
    """The shared scorer as a module."""
    spec = importlib.util.spec_from_file_location("score_import", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def page_results(name: str, keep=lambda pid: True) -> list[tuple[str, dict]]:
    """(page id, the scorer's result) for the pages of one corpus set, predicted in-process."""
    from filmfolio.importer.extract import extract_record

    scorer = load_scorer()
    gold = scorer.load_gold(str(SHARED / "corpus" / name / "gold"))
    out = []
    for pid, record in gold.items():
        if not keep(pid):
            continue
        data = scorer.page_bytes(str(SHARED / "corpus" / name / "pages" / f"{pid}.txt"))
        out.append((pid, scorer.Scorer().score(record, extract_record(data).to_gold_dict())))
    return out


def score_in_process(name: str, keep=lambda pid: True) -> dict:
    """The scorer's aggregate report for one corpus set (or part of it)."""
    return load_scorer().aggregate([r for _, r in page_results(name, keep)])


def run_command_scorer(name: str) -> int:
    """Run the scorer itself with --cmd pointing at the management command."""
    cmd = f"{ROOT / '.venv' / 'bin' / 'filmfolio'} import-text --format json {{file}}"
    corpus = SHARED / "corpus" / name
    args = [
        sys.executable,
        str(SCORER),
        "--gold-dir",
        str(corpus / "gold"),
        "--pages-dir",
        str(corpus / "pages"),
        "--cmd",
        cmd,
    ]
    with tempfile.TemporaryDirectory() as tmp:
        args += ["--json", str(Path(tmp) / "report.json")]
        return subprocess.call(args, cwd=ROOT)


def print_table(reports: dict[str, dict]) -> None:
    """One row per field, one column per report."""
    names = list(reports)
    fields = list(next(iter(reports.values()))["fields"])
    print(f"{'field':24}" + "".join(f"{n:>10}" for n in names))
    print(f"{'headline':24}" + "".join(f"{reports[n]['headline']:>10.3f}" for n in names))
    for i, field in enumerate(fields):
        if i == HEADLINE_FIELDS:
            print("secondary")
        print(f"{field:24}" + "".join(f"{reports[n]['fields'][field]['f1']:>10.3f}" for n in names))


def print_details(results: list[tuple[str, dict]]) -> None:
    """What each page missed and what it predicted wrongly."""
    for pid, result in results:
        if result["diff"]:
            print(f"--- {pid}")
            print(json.dumps(result["diff"], ensure_ascii=False, indent=1))


def main() -> int:
    """Print per-field F1 for dev, its two halves and the seeds."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--command", action="store_true", help="score through the command")
    parser.add_argument("--half", choices=sorted(HALVES), help="only this half of dev")
    parser.add_argument("--details", action="store_true", help="print per-page differences")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    args = parser.parse_args()
    if args.command:
        return max(run_command_scorer(name) for name in SETS)
    if args.details:
        keep = HALVES[args.half] if args.half else (lambda pid: True)
        print_details(page_results("dev", keep))
        return 0
    scorer = load_scorer()
    dev = page_results("dev")
    reports = {
        "dev": scorer.aggregate([r for _, r in dev]),
        "half A": scorer.aggregate([r for pid, r in dev if HALVES["A"](pid)]),
        "half B": scorer.aggregate([r for pid, r in dev if HALVES["B"](pid)]),
        "seeds": score_in_process("seeds"),
    }
    if args.json:
        print(
            json.dumps(
                {
                    n: {"headline": r["headline"], **{k: v["f1"] for k, v in r["fields"].items()}}
                    for n, r in reports.items()
                },
                indent=1,
            )
        )
        return 0
    print_table(reports)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
