"""Access to the evaluation corpus (test data read from ../shared, never copied into the
project) and the project's own page fixtures (``tests/pages``).

Tests that measure the importer on the corpus run where the corpus is (CI has it) and are
skipped, with the reason in pytest's summary, on a clone without it beside the project.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[3].parent / "shared"
CORPUS = SHARED / "corpus"
SCORER = SHARED / "tools" / "score_import.py"
AVAILABLE = SCORER.is_file() and (CORPUS / "seeds").is_dir() and (CORPUS / "dev").is_dir()
MISSING_REASON = f"the importer's evaluation corpus is not beside the project ({CORPUS})"
needs_corpus = pytest.mark.skipif(not AVAILABLE, reason=MISSING_REASON)

# Page texts written for the tests, owned by the project.
PAGES = Path(__file__).resolve().parent / "pages"


def load_scorer():
    """The shared scorer as a module."""
    spec = importlib.util.spec_from_file_location("score_import", SCORER)
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


def page_params(name: str) -> list:
    """``pages(name)`` as pytest parameters; one skipped parameter when the corpus is missing."""
    if not AVAILABLE:
        return [pytest.param("-", b"", {}, marks=needs_corpus)]
    return pages(name)
