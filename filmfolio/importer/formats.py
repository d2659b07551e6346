"""The two file formats of film records: JSON Lines and CSV.

JSONL: one record per line, a JSON object with the `FilmRecord` fields (fields at their default
left out). CSV: one film per row; scalar fields are plain columns, budget and specs are spread
over columns (a JSON object in a `budget` or `specs` column is read too: the press kit's
catalogue export), and every list (titles, genres, countries, languages, texts, links, companies,
credits, festivals) is one column holding JSON. An empty cell means "not stated". The column
list is `CSV_COLUMNS`; docs/importer.md shows an example.

Reading never raises on bad content: each row comes back as a `Row` with either the record or
the plain-language problems of that row, by field path.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import IO, Any

from django.utils.translation import gettext as _
from pydantic import ValidationError

from filmfolio.core.spreadsheet import csv_writer, restored_cell

from .records import FilmRecord, validation_messages

SCALAR_COLUMNS = [
    "slug",
    "title",
    "year",
    "completion_date",
    "kind",
    "runtime_minutes",
    "visibility",
    "is_first_time_filmmaker",
    "is_student_project",
]
BUDGET_COLUMNS = {
    "budget_amount": "amount",
    "budget_currency": "currency",
    "budget_as_stated": "as_stated",
}
SPEC_COLUMNS = ["shooting_format", "sound", "aspect_ratio", "color"]
LIST_COLUMNS = [
    "titles",
    "genres",
    "countries",
    "languages",
    "texts",
    "links",
    "companies",
    "credits",
    "festivals",
]
CSV_COLUMNS = [*SCALAR_COLUMNS, *BUDGET_COLUMNS, *SPEC_COLUMNS, *LIST_COLUMNS]
# Also read: budget and specs as one JSON object each (the press kit's catalogue export).
OBJECT_COLUMNS = ["budget", "specs"]
FORMATS = ("jsonl", "csv")


@dataclass
class Row:
    """One row of an import file: its number, and its record or its problems by field path."""

    number: int
    record: FilmRecord | None = None
    problems: dict[str, list[str]] = field(default_factory=dict)


def format_of(path: str) -> str | None:
    """The format named by a file's extension, or None."""
    lower = path.lower()
    if lower.endswith((".jsonl", ".ndjson", ".json")):
        return "jsonl"
    return "csv" if lower.endswith(".csv") else None


def read_rows(stream: IO[str], fmt: str) -> Iterator[Row]:
    """Every row of a JSONL or CSV stream, validated."""
    if fmt == "csv":
        yield from _csv_rows(stream)
    else:
        yield from _jsonl_rows(stream)


def _jsonl_rows(stream: IO[str]) -> Iterator[Row]:
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            record = FilmRecord.model_validate_json(line)
        except ValidationError as error:
            yield Row(number, problems=_json_problems(error))
        else:
            yield Row(number, record=record)


def _json_problems(error: ValidationError) -> dict[str, list[str]]:
    if any(item["type"] == "json_invalid" for item in error.errors()):
        return {"record": [_("This line is not a JSON object: %(e)s") % {"e": _first(error)}]}
    return validation_messages(error)


def _first(error: ValidationError) -> str:
    return str(error.errors()[0]["msg"])


def _csv_rows(stream: IO[str]) -> Iterator[Row]:
    reader = csv.DictReader(stream)
    header_problem = _header_problem(reader.fieldnames)
    if header_problem:
        yield Row(0, problems={"header": [header_problem]})
        return
    number = 0
    try:
        for number, cells in enumerate(reader, start=1):
            yield _csv_row(number, cells)
    except csv.Error as error:
        # A cell longer than the csv module's limit: the rest of the file cannot be read.
        message = _("This row cannot be read as CSV (%(e)s); long texts fit in a JSON Lines file.")
        yield Row(number + 1, problems={"record": [message % {"e": error}]})


def _csv_row(number: int, cells: dict[Any, Any]) -> Row:
    data, problems = _csv_data(_restored(cells))
    if problems:
        return Row(number, problems=problems)
    try:
        return Row(number, record=FilmRecord.model_validate(data))
    except ValidationError as error:
        return Row(number, problems=validation_messages(error))


def _header_problem(fieldnames: Sequence[str] | None) -> str:
    """What is wrong with a CSV header (unknown columns, no title column), else ""."""
    known = {*CSV_COLUMNS, *OBJECT_COLUMNS}
    unknown = [c for c in fieldnames or [] if c not in known]
    if unknown:
        message = _("The first line names columns that are not known: %(c)s (see the sample file).")
        return message % {"c": ", ".join(unknown)}
    if "title" not in (fieldnames or []):
        return _("The first line must name the columns, a “title” column among them.")
    return ""


def _restored(cells: dict[Any, Any]) -> dict[Any, Any]:
    """The row's cells as they were before the writer neutralised formula-like cells."""
    return {k: restored_cell(v) if isinstance(v, str) else v for k, v in cells.items()}


def _csv_data(cells: dict[str, Any]) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """The record data of one CSV row, and the columns whose JSON cannot be read."""
    data = _csv_values(cells)
    problems: dict[str, list[str]] = {}
    if None in cells:
        problems["record"] = [_("This row has more cells than the header has columns.")]
    for column in [*LIST_COLUMNS, *OBJECT_COLUMNS]:
        if not cells.get(column):
            continue
        try:
            data[column] = json.loads(cells[column])
        except json.JSONDecodeError as error:
            problems[column] = [_("This cell is not valid JSON: %(e)s") % {"e": error.msg}]
    return data, problems


def _csv_values(cells: dict[str, Any]) -> dict[str, Any]:
    """The scalar, budget and spec values of one CSV row (empty cells left out)."""
    data: dict[str, Any] = {column: cells[column] for column in SCALAR_COLUMNS if cells.get(column)}
    budget = {key: cells[c] for c, key in BUDGET_COLUMNS.items() if cells.get(c)}
    if budget:
        data["budget"] = budget
    specs = {c: cells[c] for c in SPEC_COLUMNS if cells.get(c)}
    if specs:
        data["specs"] = specs
    return data


def record_json(record: FilmRecord) -> str:
    """One JSONL line (without the newline): fields at their default left out."""
    data = record.model_dump(mode="json", exclude_defaults=True)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def record_cells(record: FilmRecord) -> list[str]:
    """The CSV cells of one record, in `CSV_COLUMNS` order."""
    data = record.model_dump(mode="json")
    cells = [_cell(data.get(c)) for c in SCALAR_COLUMNS]
    budget = data.get("budget") or {}
    cells += [_cell(budget.get(key)) for key in BUDGET_COLUMNS.values()]
    cells += [_cell(data["specs"].get(c)) for c in SPEC_COLUMNS]
    lists = record.model_dump(mode="json", include=set(LIST_COLUMNS), exclude_defaults=True)
    for column in LIST_COLUMNS:
        value = lists.get(column)
        cells.append(json.dumps(value, ensure_ascii=False, separators=(",", ":")) if value else "")
    return cells


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def write_records(records: Iterable[FilmRecord], stream: Any, fmt: str) -> int:
    """Write records as JSONL or CSV; returns how many."""
    count = 0
    if fmt == "csv":
        writer = csv_writer(stream)
        writer.writerow(CSV_COLUMNS)
        for record in records:
            writer.writerow(record_cells(record))
            count += 1
        return count
    for record in records:
        stream.write(record_json(record) + "\n")
        count += 1
    return count
