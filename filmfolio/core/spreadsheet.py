"""CSV cells that a spreadsheet opens as text, never as a formula.

A spreadsheet treats a cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
as a formula (``=HYPERLINK(...)``, ``=cmd|...``). Every CSV file the site writes goes through
``csv_writer``, which puts a ``'`` before such a cell (the spreadsheets' own sign for "this is
text"). A cell that already starts with apostrophes before such a character gets one more, so
``restored_cell`` (used by the importer's reader) gives back exactly the value that was written.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from typing import Any

FORMULA_START = re.compile(r"'*[=+\-@\t\r]")


def neutralised_cell(value: str) -> str:
    """``value`` with a leading ``'`` when a spreadsheet would read it as a formula."""
    return f"'{value}" if FORMULA_START.match(value) else value


def restored_cell(value: str) -> str:
    """The value ``neutralised_cell`` was given (cells it left alone come back unchanged)."""
    return value[1:] if value.startswith("'") and FORMULA_START.match(value) else value


class SafeCsvWriter:
    """``csv.writer`` whose rows are neutralised cell by cell."""

    def __init__(self, stream: Any) -> None:
        self._writer = csv.writer(stream, lineterminator="\n")

    def writerow(self, values: Iterable[str]) -> None:
        self._writer.writerow([neutralised_cell(str(value)) for value in values])


def csv_writer(stream: Any) -> SafeCsvWriter:
    """A CSV writer for ``stream`` (one row per line) that neutralises formula cells."""
    return SafeCsvWriter(stream)
