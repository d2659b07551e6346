"""The pages of ``docs/`` name only code that exists: every file path and every ``app.module``
they quote in backticks is found in the tree, so a module that moves takes its mentions along
(decision records under ``docs/decisions/`` are history and are not read)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "filmfolio"
APPS = sorted(p.parent.name for p in PACKAGE.glob("*/apps.py"))
PAGES = sorted((ROOT / "docs").glob("*.md"))

# Files that are not in this tree: the file of the hls.js package the vendored copy comes from.
OUTSIDE = {"dist/hls.min.js"}

QUOTED = re.compile(r"`([^`\n]+)`")
FILE = re.compile(r"[\w./-]+/[\w.-]+\.(?:py|html|js|css|po|toml|cfg|md)")
FILE_NAME = re.compile(r"[\w.-]+\.(?:py|html|js|css|po|toml|cfg|md|json)")
APP_DIR = re.compile(rf"(?:filmfolio/)?(?:{'|'.join(APPS)})/(?:[\w-]+/)*")
MODULE = re.compile(rf"(?:filmfolio\.)?({'|'.join(APPS)})\.([a-z_][a-z0-9_]*)(?:\.[\w.]+)?")


def _quoted(page: Path) -> list[tuple[int, str]]:
    return [
        (number, match.group(1).strip().split("::")[0])
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1)
        for match in QUOTED.finditer(line)
    ]


def _file_exists(path: str, page: Path) -> bool:
    """A path as the docs write it: from the repository, from ``filmfolio/``, from the app the
    page is about, from any app, or inside an app's ``templates/`` or ``static/``."""
    places = [ROOT, PACKAGE, PACKAGE / page.stem]
    places += [PACKAGE / app for app in APPS]
    places += [PACKAGE / app / kind for app in APPS for kind in ("templates", "static")]
    return path in OUTSIDE or any((place / path).exists() for place in places)


def _module_exists(app: str, name: str) -> bool:
    """``app.name``: a module or package of the app, or a name its ``__init__`` defines."""
    folder = PACKAGE / app
    if (folder / f"{name}.py").exists() or (folder / name).is_dir():
        return True
    tree = ast.parse((folder / "__init__.py").read_text(encoding="utf-8"))
    return name in {target for node in ast.walk(tree) for target in _defined(node)}


def _defined(node: ast.AST) -> list[str]:
    if isinstance(node, ast.FunctionDef | ast.ClassDef):
        return [node.name]
    if isinstance(node, ast.Assign):
        return [t.id for t in node.targets if isinstance(t, ast.Name)]
    if isinstance(node, ast.ImportFrom | ast.Import):
        return [alias.asname or alias.name for alias in node.names]
    return []


def _names_something(text: str, page: Path) -> bool:
    """Whether a quoted text of ``page`` that looks like a path or a module names one."""
    if FILE.fullmatch(text):
        return _file_exists(text, page)
    if APP_DIR.fullmatch(text):
        return (PACKAGE / text.removeprefix("filmfolio/")).exists()
    module = None if FILE_NAME.fullmatch(text) else MODULE.fullmatch(text)
    return module is None or _module_exists(*module.groups())


def missing_in(page: Path) -> list[str]:
    return [
        f"{page.name}:{number}: {text}"
        for number, text in _quoted(page)
        if not _names_something(text, page)
    ]


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_every_quoted_path_and_module_exists(page):
    assert missing_in(page) == []


def test_the_check_finds_a_moved_module(tmp_path):
    page = tmp_path / "sharing.md"
    page.write_text(
        "Policy in `filmfolio/sharing/access.py`, `sharing/reindex.py` and `films/editing/`;\n"
        "`sharing.access.can_view_film` decides. `films/access.py`, `films.access`,\n"
        "`films/changes.py::film_changed`, `web/base.html`, `search/autocomplete.js` exist.\n",
        encoding="utf-8",
    )
    assert missing_in(page) == [
        "sharing.md:1: filmfolio/sharing/access.py",
        "sharing.md:1: sharing/reindex.py",
        "sharing.md:1: films/editing/",
        "sharing.md:2: sharing.access.can_view_film",
    ]
