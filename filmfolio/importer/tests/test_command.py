"""The import-text command prints the pipeline's record as JSON."""

import importlib
import json
from io import StringIO

from .corpus import PAGES

command = importlib.import_module("filmfolio.importer.management.commands.import-text")


def test_json_output_for_a_film_page():
    out = StringIO()
    cmd = command.Command(stdout=out)
    cmd.handle(file=str(PAGES / "lantern-keepers.txt"), format="json")
    record = json.loads(out.getvalue())
    assert record["title"] == "The Lantern Keepers"
    assert record["type"] == "documentary short"
    assert record["runtime_minutes"] == 14
    assert record["directors"] == ["Mei Lin Hartmann"]


def test_text_output():
    out = StringIO()
    command.Command(stdout=out).handle(file=str(PAGES / "lantern-keepers.txt"), format="text")
    assert "title: The Lantern Keepers" in out.getvalue()
