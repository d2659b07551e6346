"""The import-text command prints the pipeline's record as JSON."""

import importlib
import json
from io import StringIO

from .corpus import CORPUS

command = importlib.import_module("filmfolio.importer.management.commands.import-text")


def test_json_output_for_a_seed_page():
    out = StringIO()
    cmd = command.Command(stdout=out)
    cmd.handle(file=str(CORPUS / "seeds" / "pages" / "002.txt"), format="json")
    record = json.loads(out.getvalue())
    assert record["title"] == "The Home Gleaners"
    assert record["type"] == "short"


def test_text_output():
    out = StringIO()
    command.Command(stdout=out).handle(
        file=str(CORPUS / "seeds" / "pages" / "002.txt"), format="text"
    )
    assert "title: The Home Gleaners" in out.getvalue()
