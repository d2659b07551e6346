"""The style gates of `make lint` fail on what STYLE forbids: a function whose complexity is
above 10 counting boolean operators (radon, xenon), and one with more than six parameters
(ruff's pylint rules). The pre-commit hooks run the same checks."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
import tomllib
from pathlib import Path

import yaml
from radon.complexity import cc_rank, cc_visit

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent

# Six branches and six boolean operators: 13 as radon counts, 7 as mccabe (ruff's C901) does.
PLANTED_COMPLEX = """
def admit(user, film):
    if user.is_staff and film.is_public and not film.is_deleted:
        return "all"
    if user.is_member or user.is_owner or user.is_guest:
        return "some"
    if film.has_screener and film.screener_open:
        return "screener"
    if film.password and user.knows_password:
        return "password"
    for grant in user.grants:
        if grant == film.pk:
            return "grant"
    return "none"
"""

PLANTED_SIMPLE = """
def admit(user, film):
    if user.is_staff:
        return "all"
    return "none"
"""

PLANTED_PARAMETERS = """
def film_add(*, title, year, kind, runtime, country, language, actor):
    return title, year, kind, runtime, country, language, actor
"""


def _ruff(*args: str) -> subprocess.CompletedProcess[str]:
    command = [str(BIN / "ruff"), "check", "--config", str(ROOT / "pyproject.toml"), "--no-cache"]
    return subprocess.run(
        [*command, "--output-format", "concise", *args], capture_output=True, text=True, check=False
    )


def _xenon_command() -> list[str]:
    """The xenon command line `make complexity` runs, read from the Makefile."""
    makefile = (ROOT / "Makefile").read_text()
    line = re.search(r"^XENON := (.+)$", makefile, re.MULTILINE)
    assert line is not None
    words = shlex.split(line.group(1))
    return [str(BIN / "xenon"), *words[1:]]


def test_radon_counts_boolean_operators() -> None:
    [block] = cc_visit(PLANTED_COMPLEX)
    assert block.complexity == 13
    assert cc_rank(block.complexity) == "C"


def test_ruff_mccabe_alone_lets_the_planted_function_through(tmp_path: Path) -> None:
    (tmp_path / "planted.py").write_text(PLANTED_COMPLEX)
    result = _ruff("--select", "C90", str(tmp_path / "planted.py"))
    assert result.returncode == 0


def test_the_complexity_gate_fails_on_a_planted_complex_function(tmp_path: Path) -> None:
    (tmp_path / "planted.py").write_text(PLANTED_COMPLEX)
    result = subprocess.run(
        [*_xenon_command(), str(tmp_path)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 1
    assert 'planted.py:2 admit" has a rank of C' in result.stderr


def test_the_complexity_gate_passes_a_simple_function(tmp_path: Path) -> None:
    (tmp_path / "planted.py").write_text(PLANTED_SIMPLE)
    result = subprocess.run(
        [*_xenon_command(), str(tmp_path)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert result.stderr == ""


def test_ruff_refuses_more_than_six_parameters(tmp_path: Path) -> None:
    (tmp_path / "planted.py").write_text(PLANTED_PARAMETERS)
    result = _ruff(str(tmp_path / "planted.py"))
    assert result.returncode == 1
    assert "planted.py:2:5: PLR0913 Too many arguments in function definition (7 > 6)" in (
        result.stdout
    )


def test_lint_runs_the_complexity_gate_and_pre_commit_runs_lint_checks() -> None:
    makefile = (ROOT / "Makefile").read_text()
    lint = re.search(r"^lint: venv\n((?:\t.+\n)+)", makefile, re.MULTILINE)
    assert lint is not None
    assert lint.group(1).splitlines() == [
        "\t$(VENV)/bin/ruff check .",
        "\t$(VENV)/bin/ruff format --check .",
        "\t$(VENV)/bin/lint-imports --no-cache",
        "\t$(MAKE) --no-print-directory complexity",
    ]
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    [repo] = config["repos"]
    assert repo["repo"] == "local"
    assert [hook["entry"] for hook in repo["hooks"]] == [
        ".venv/bin/ruff check .",
        ".venv/bin/ruff format --check .",
        ".venv/bin/lint-imports --no-cache",
        "make --no-print-directory complexity",
    ]
    assert {hook["language"] for hook in repo["hooks"]} == {"system"}


def test_the_parameter_limit_has_no_exception_outside_tests() -> None:
    """Only pytest functions (whose parameters are fixtures) may take more than six."""
    lint = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["ruff"]["lint"]
    excepted = sorted(
        pattern
        for pattern, rules in lint["per-file-ignores"].items()
        if {"PLR0913", "PLR0917"} & set(rules)
    )
    assert excepted == ["**/tests/**", "tests/**"]


MODULE_LINE_LIMIT = 400


def _long_modules(root: Path) -> list[str]:
    """The Python modules under ``root`` (migrations left out) longer than STYLE allows."""
    return sorted(
        f"{path.relative_to(root)}: {count}"
        for path in root.rglob("*.py")
        if "migrations" not in path.parts and ".venv" not in path.parts
        for count in [len(path.read_text(encoding="utf-8").splitlines())]
        if count > MODULE_LINE_LIMIT
    )


def test_no_module_is_longer_than_four_hundred_lines() -> None:
    """STYLE: a module over 400 lines is two modules."""
    assert [
        found
        for part in ("filmfolio", "config", "tests", "bench", "scripts")
        for found in _long_modules(ROOT / part)
    ] == []


def test_the_line_limit_finds_a_planted_long_module(tmp_path: Path) -> None:
    (tmp_path / "long.py").write_text("x = 1\n" * (MODULE_LINE_LIMIT + 1))
    (tmp_path / "short.py").write_text("x = 1\n" * MODULE_LINE_LIMIT)
    assert _long_modules(tmp_path) == [f"long.py: {MODULE_LINE_LIMIT + 1}"]
