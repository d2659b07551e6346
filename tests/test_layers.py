"""The layers of ``.importlinter`` hold beyond imports: foreign keys, models looked up by name
and template tag libraries follow the same order (import-linter checks the imports in
``make lint``)."""

from __future__ import annotations

import configparser
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests import layers

LAYERS = layers.Layers.from_config()

# Known offenders, each deleted with its move (the test below fails on a stale entry).
KNOWN: set[str] = set()


def _without_line(offender: str) -> str:
    return re.sub(r":\d+ ", " ", offender)


def _unexpected(offenders: list[str]) -> list[str]:
    return [o for o in offenders if _without_line(o) not in KNOWN]


def test_every_app_has_a_layer():
    apps = {p.parent.name for p in layers.PACKAGE.glob("*/apps.py")}
    assert sorted(a for a in apps if LAYERS.rank(a) is None) == []


def test_model_relations_point_down():
    offenders = layers.relation_offenders(LAYERS, layers.model_relation_edges())
    assert offenders == [], "\n".join(offenders)


def test_no_model_is_reached_around_the_imports():
    offenders = _unexpected(layers.code_offenders())
    assert offenders == [], "\n".join(offenders)


def test_templates_load_tag_libraries_of_lower_layers():
    offenders = layers.all_template_offenders(LAYERS, layers.installed_libraries())
    assert _unexpected(offenders) == [], "\n".join(_unexpected(offenders))


def test_known_offenders_still_exist():
    """An entry of ``KNOWN`` that no longer occurs is deleted from it."""
    found = layers.code_offenders() + layers.all_template_offenders(
        LAYERS, layers.installed_libraries()
    )
    assert sorted(KNOWN - {_without_line(o) for o in found}) == []


def test_the_peers_contract_names_a_layer():
    parser = configparser.ConfigParser()
    parser.read(layers.CONFIG)
    modules = parser["importlinter:contract:peers"]["modules"].split()
    assert tuple(m.removeprefix("filmfolio.") for m in modules) in LAYERS.tiers


def test_the_architecture_page_draws_the_contract():
    page = (layers.ROOT / "docs" / "architecture.md").read_text()
    drawn = page.split("\n## Layers\n", 1)[1].split("```", 2)[1].strip()
    assert drawn == LAYERS.stack()


# The checks fail on planted violations -----------------------------------------------------


def test_a_foreign_key_upward_is_named():
    edges = [
        ("people.Person.favourite_film", "people", "films"),
        ("films.Credit.person", "films", "people"),
    ]
    assert layers.relation_offenders(LAYERS, edges) == [
        "people.Person.favourite_film points to the app films, a layer above people"
    ]


def test_peers_may_not_point_at_each_other():
    assert not LAYERS.allows("media", "festivals")
    assert not LAYERS.allows("festivals", "sharing")
    assert LAYERS.allows("festivals", "films")


def test_tunnels_are_named():
    source = textwrap.dedent(
        """
        from django.apps import apps
        Film = apps.get_model("films", "Film")
        Entry = Film._meta.get_field("festival_entries").related_model
        people = directors[0].__class__.objects.all()
        ok = field.related_model
        """
    )
    assert layers.source_offenders(source, "people/x.py") == [
        "people/x.py:3 looks up a model of films by name",
        "people/x.py:4 reaches a model through _meta.get_field().related_model",
        "people/x.py:5 reaches a manager through __class__",
    ]


def test_a_template_loading_a_library_above_is_named():
    libraries = {"presskit": "filmfolio.presskit.templatetags.presskit", "i18n": "django.x"}
    text = "{% load i18n presskit %}{% load film_jsonld from presskit %}"
    assert layers.template_offenders(LAYERS, text, "films", "films/x.html", libraries) == [
        "films/x.html: {% load presskit %} is in presskit, above films",
        "films/x.html: {% load presskit %} is in presskit, above films",
    ]
    assert layers.template_offenders(LAYERS, text, "web", "web/x.html", libraries) == []


@pytest.mark.slow
def test_import_linter_fails_on_an_upward_import(tmp_path: Path):
    """The contract itself: the same config with a planted module importing upward fails."""
    planted = layers.PACKAGE / "core" / "planted_upward_import.py"
    planted.write_text('"""Planted."""\n\nimport filmfolio.web.views  # noqa: F401\n')
    try:
        result = subprocess.run(
            [str(Path(sys.executable).parent / "lint-imports"), "--no-cache"],
            cwd=layers.ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
    finally:
        planted.unlink()
    assert result.returncode == 1
    assert "filmfolio.core.planted_upward_import -> filmfolio.web.views" in result.stdout
