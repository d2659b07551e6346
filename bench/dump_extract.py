"""Dump what the extractor reads from every corpus and benchmark page, to compare two versions.

Every dev and seed page (as the scorer reads its bytes) and every benchmark page
(`bench_import.bench_pages`) is extracted, and the whole record - every field, the evidence with
its offsets, confidences and rules, and the warnings - is written as JSON, one key per page. Two
dumps of two versions of the code must be identical when a change is meant to keep results.

Usage:
    .venv/bin/python bench/dump_extract.py OUT.json
    diff <(python -m json.tool A.json) <(python -m json.tool B.json)
"""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


def dump() -> dict[str, dict]:
    """Page key -> the full extracted record as plain data."""
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_import import bench_pages

    from filmfolio.importer.extract import extract_record

    out: dict[str, dict] = {}
    for name in ("dev", "seeds"):
        for path in sorted((CORPUS / name / "pages").glob("*.txt")):
            out[f"{name}/{path.stem}"] = dataclasses.asdict(extract_record(path.read_bytes()))
    pages = bench_pages()
    for i, page in enumerate(pages):
        out[f"bench/{i:03d}"] = dataclasses.asdict(extract_record(page))
        # The same text in another order of pages: other neighbours, other line caches.
        mixed = pages[-1 - i] + "\n\n" + page
        out[f"mixed/{i:03d}"] = dataclasses.asdict(extract_record(mixed))
    return out


def main() -> int:
    """Write the dump to the path given."""
    Path(sys.argv[1]).write_text(
        json.dumps(dump(), ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
