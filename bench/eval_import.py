"""Score the importer on the dev and seed corpora, in-process (fast) or through the command.

Usage:
    .venv/bin/python bench/eval_import.py            # in-process, both sets
    .venv/bin/python bench/eval_import.py --command  # the real `filmfolio import-text` command
"""

from __future__ import annotations

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


def load_scorer():
    """The shared scorer as a module."""
    spec = importlib.util.spec_from_file_location("score_import", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score_in_process(name: str) -> dict:
    """The scorer's aggregate report for one corpus set, predictions made in-process."""
    from filmfolio.importer.extract import extract_record

    scorer = load_scorer()
    gold = scorer.load_gold(str(SHARED / "corpus" / name / "gold"))
    results = []
    for pid, record in gold.items():
        data = scorer.page_bytes(str(SHARED / "corpus" / name / "pages" / f"{pid}.txt"))
        results.append(scorer.Scorer().score(record, extract_record(data).to_gold_dict()))
    return scorer.aggregate(results)


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


def main() -> int:
    """Print the headline and per-field F1 for each set."""
    if "--command" in sys.argv:
        return max(run_command_scorer(name) for name in SETS)
    for name in SETS:
        report = score_in_process(name)
        fields = {k: round(v["f1"], 3) for k, v in report["fields"].items()}
        print(f"{name}: headline F1 {report['headline']:.3f}")
        print(json.dumps(fields, indent=1))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
