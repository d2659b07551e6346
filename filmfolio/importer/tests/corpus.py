"""Access to the shared corpus (test data read from ../shared, never copied into the project)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

SHARED = Path(__file__).resolve().parents[3].parent / "shared"
CORPUS = SHARED / "corpus"


def load_scorer():
    """The shared scorer as a module."""
    spec = importlib.util.spec_from_file_location(
        "score_import", SHARED / "tools" / "score_import.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pages(name: str) -> list[tuple[str, bytes, dict]]:
    """(page id, page bytes, gold record) for every page of a corpus set."""
    scorer = load_scorer()
    out = []
    for gold_path in sorted((CORPUS / name / "gold").glob("*.json")):
        pid = gold_path.stem
        data = scorer.page_bytes(str(CORPUS / name / "pages" / f"{pid}.txt"))
        out.append((pid, data, json.loads(gold_path.read_text(encoding="utf-8"))))
    return out
