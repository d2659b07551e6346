"""CSV cells that would start a spreadsheet formula are written as text and read back whole."""

from __future__ import annotations

import csv
import io

import pytest

from filmfolio.core.spreadsheet import csv_writer, neutralised_cell, restored_cell


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ('=HYPERLINK("http://example.invalid","x")', '\'=HYPERLINK("http://example.invalid","x")'),
        ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("'=1", "''=1"),
        ("'Til Dawn", "'Til Dawn"),
        ("Out of Focus", "Out of Focus"),
        ("a=b", "a=b"),
        ("", ""),
        ("虚焦", "虚焦"),
    ],
)
def test_cells_are_neutralised_and_restored(value, written):
    assert neutralised_cell(value) == written
    assert restored_cell(written) == value


def test_the_writer_neutralises_every_cell_of_a_row():
    buffer = io.StringIO()
    csv_writer(buffer).writerow(["=1+2", "plain", "@me"])
    assert buffer.getvalue() == "'=1+2,plain,'@me\n"
    assert next(csv.reader(io.StringIO(buffer.getvalue()))) == ["'=1+2", "plain", "'@me"]
