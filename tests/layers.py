"""The layer order of the apps, read from ``.importlinter``, and the checks that import-linter
cannot make: model relations, models looked up by name, template tag libraries.

Every check returns offenders as sentences naming the file or model, so a failing test says
what to move.
"""

from __future__ import annotations

import ast
import configparser
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "filmfolio"
CONFIG = ROOT / ".importlinter"
LAYERS_CONTRACT = "importlinter:contract:layers"

_LOAD = re.compile(r"{%\s*load\s+(.+?)\s*%}")


@dataclass(frozen=True)
class Layers:
    """The apps from the lowest layer up; apps of one layer are peers."""

    tiers: tuple[tuple[str, ...], ...]

    @classmethod
    def from_config(cls, path: Path = CONFIG) -> Layers:
        parser = configparser.ConfigParser()
        parser.read(path)
        lines = parser[LAYERS_CONTRACT]["layers"].strip().splitlines()
        tiers = [tuple(app.strip() for app in re.split(r"[|:]", line)) for line in lines]
        return cls(tuple(reversed(tiers)))

    def rank(self, app: str) -> int | None:
        for index, tier in enumerate(self.tiers):
            if app in tier:
                return index
        return None

    def allows(self, source: str, target: str) -> bool:
        """May ``source`` depend on ``target``? Itself and the apps of lower layers only;
        apps outside the order (Django's) are not checked."""
        if source == target:
            return True
        source_rank, target_rank = self.rank(source), self.rank(target)
        if source_rank is None or target_rank is None:
            return True
        return target_rank < source_rank

    def stack(self) -> str:
        """The order as ``docs/architecture.md`` draws it: highest layer first, peers on one
        line."""
        return "\n".join(" | ".join(tier) for tier in reversed(self.tiers))


def app_of(module: str) -> str | None:
    """``filmfolio.films.models`` -> ``films``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "filmfolio" else None


def relation_offenders(layers: Layers, edges: Iterable[tuple[str, str, str]]) -> list[str]:
    """``edges``: (model label with field, app of the model, app of the related model)."""
    return [
        f"{where} points to the app {target}, a layer above {source}"
        for where, source, target in edges
        if not layers.allows(source, target)
    ]


def model_relation_edges() -> Iterator[tuple[str, str, str]]:
    """Every foreign key, many-to-many and one-to-one declared by a first-party model."""
    from django.apps import apps

    for model in apps.get_models():
        source = app_of(model.__module__)
        if source is None:
            continue
        for field in model._meta.get_fields():
            if not field.is_relation or field.auto_created or field.related_model is None:
                continue
            target = app_of(field.related_model.__module__)  # type: ignore[union-attr]
            if target is not None:
                yield f"{model._meta.label}.{field.name}", source, target


def _literal(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _get_model_app(call: ast.Call) -> str | None:
    """The app label (``?`` if not a literal) named by ``apps.get_model("films", "Film")``
    or ``get_model("films.Film")``."""
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    if name != "get_model" or not call.args:
        return None
    first = _literal(call.args[0])
    return first.split(".")[0] if first else "?"


def _is_related_model_of_field(node: ast.AST) -> bool:
    """``…get_field(…).related_model``: a model reached by a relation's name."""
    return (
        isinstance(node, ast.Attribute)
        and node.attr == "related_model"
        and isinstance(node.value, ast.Call)
        and isinstance(node.value.func, ast.Attribute)
        and node.value.func.attr == "get_field"
    )


def source_offenders(source: str, where: str) -> list[str]:
    """Models reached around the imports in one module's ``source``: by name (import it, or
    move the code up), through a relation's ``related_model``, or through ``__class__``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if _is_related_model_of_field(node):
            line = node.lineno  # type: ignore[attr-defined]
            found.append(f"{where}:{line} reaches a model through _meta.get_field().related_model")
        if isinstance(node, ast.Call):
            target = _get_model_app(node)
            if target is not None:
                found.append(f"{where}:{node.lineno} looks up a model of {target} by name")
        if isinstance(node, ast.Attribute) and node.attr == "objects":
            value = node.value
            if isinstance(value, ast.Attribute) and value.attr == "__class__":
                found.append(f"{where}:{node.lineno} reaches a manager through __class__")
    return found


def code_offenders() -> list[str]:
    """``source_offenders`` over every first-party module but migrations and tests."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE)
        if "migrations" in relative.parts or "tests" in relative.parts:
            continue
        found += source_offenders(path.read_text(), str(relative))
    return found


def template_offenders(
    layers: Layers, text: str, app: str, where: str, libraries: dict[str, str]
) -> list[str]:
    """Tag libraries loaded by one template of ``app`` that belong to an app above it.
    ``libraries``: library name -> module (Django's ``template_libraries``)."""
    found = []
    for match in _LOAD.finditer(text):
        words = match.group(1).split()
        names = words[words.index("from") + 1 :] if "from" in words else words
        for name in names:
            target = app_of(libraries.get(name, ""))
            if target is not None and not layers.allows(app, target):
                found.append(f"{where}: {{% load {name} %}} is in {target}, above {app}")
    return found


def all_template_offenders(layers: Layers, libraries: dict[str, str]) -> list[str]:
    """``template_offenders`` over every first-party template."""
    found = []
    for path in sorted(PACKAGE.glob("*/templates/**/*.html")):
        relative = path.relative_to(PACKAGE)
        found += template_offenders(
            layers, path.read_text(), relative.parts[0], str(relative), libraries
        )
    return found


def installed_libraries() -> dict[str, str]:
    """Template tag library name -> module, as Django finds them."""
    from django.template.backends.django import get_installed_libraries

    return dict(get_installed_libraries())
