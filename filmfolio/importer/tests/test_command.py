"""The import-text command prints the pipeline's record as JSON; export writes safe CSV."""

import csv
import importlib
import io
import json
from io import StringIO

import pytest
from django.core.management import call_command

from filmfolio.api.tests.factories import FilmFactory
from filmfolio.importer.formats import read_rows

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


@pytest.mark.django_db
def test_csv_export_neutralises_formula_cells():
    FilmFactory(slug="formula", title="@SUM(1+1)*cmd|' /C calc'!A0")
    out = io.StringIO()
    call_command("export", "--format", "csv", stdout=out)
    header, row = list(csv.reader(io.StringIO(out.getvalue())))
    assert row[header.index("title")] == "'@SUM(1+1)*cmd|' /C calc'!A0"
    rows = list(read_rows(io.StringIO(out.getvalue()), "csv"))
    assert [r.record.title for r in rows if r.record] == ["@SUM(1+1)*cmd|' /C calc'!A0"]
