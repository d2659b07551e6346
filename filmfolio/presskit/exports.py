"""Film records over HTTP: one film as JSON, a viewer's whole catalogue as JSONL or CSV.

The read-out and the file formats are the importer's (``importer.exports`` and
``importer.formats``), so a download imports again with ``filmfolio import`` and gives the same
films. This module only chooses what the viewer may see and streams it.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator

from filmfolio.core.spreadsheet import csv_writer
from filmfolio.films.access import Viewer
from filmfolio.films.models import Film
from filmfolio.importer import exports, formats
from filmfolio.importer.records import FilmRecord

film_record_for = exports.film_record_for
record_json = formats.record_json


def catalogue_records_for(viewer: Viewer) -> Iterator[FilmRecord]:
    """The record of every film ``viewer`` may see listed, in slug order, fetched in chunks."""
    return exports.records_for(Film.objects.listed_for(viewer))


def jsonl_lines(records: Iterable[FilmRecord]) -> Iterator[str]:
    """JSON Lines: one record per line."""
    for record in records:
        yield formats.record_json(record) + "\n"


def _csv_line(values: list[str]) -> str:
    buffer = io.StringIO()
    csv_writer(buffer).writerow(values)
    return buffer.getvalue()


def csv_lines(records: Iterable[FilmRecord]) -> Iterator[str]:
    """CSV in the importer's layout: a header, then one row per film."""
    yield _csv_line(formats.CSV_COLUMNS)
    for record in records:
        yield _csv_line(formats.record_cells(record))
