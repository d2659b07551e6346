"""Checking an import file before anything is written: every row, every field.

`check_file` reads a whole JSONL or CSV file and returns its valid records and the problems of
its invalid rows (with row number and field path), including slugs used by two rows. The
import command commits only when no row has a problem.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _

from .formats import Row, read_rows
from .records import FilmRecord


@dataclass
class ImportCheck:
    """The outcome of checking one file."""

    records: list[FilmRecord] = field(default_factory=list)
    invalid: list[Row] = field(default_factory=list)
    total_rows: int = 0

    @property
    def ok(self) -> bool:
        return not self.invalid

    @property
    def invalid_rows(self) -> int:
        return len(self.invalid)

    def problem_lines(self) -> list[str]:
        """One line per problem: "row 12, credits.0.role: ..."."""
        return [
            _("row %(n)s, %(path)s: %(message)s") % {"n": row.number, "path": path, "message": m}
            for row in self.invalid
            for path, messages in row.problems.items()
            for m in messages
        ]


def check_file(path: Path, fmt: str) -> ImportCheck:
    """Read and validate every row of a file (UTF-8, a byte-order mark allowed)."""
    return check_bytes(path.read_bytes(), fmt)


def check_bytes(data: bytes, fmt: str) -> ImportCheck:
    """Read and validate every row of a file's bytes (UTF-8, a byte-order mark allowed)."""
    check = ImportCheck()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        message = _("The file is not UTF-8 text (line %(line)s).") % {"line": line}
        check.invalid.append(Row(line, problems={"file": [message]}))
        return check
    slugs: dict[str, int] = {}
    for row in read_rows(io.StringIO(text, newline=""), fmt):
        check.total_rows += 1
        _check_slug(row, slugs)
        if row.problems:
            check.invalid.append(row)
        elif row.record is not None:
            check.records.append(row.record)
    return check


def _check_slug(row: Row, slugs: dict[str, int]) -> None:
    slug = row.record.slug if row.record else None
    if not slug:
        return
    if slug in slugs:
        message = _("The slug “%(slug)s” is already used by row %(n)s.") % {
            "slug": slug,
            "n": slugs[slug],
        }
        row.problems.setdefault("slug", []).append(message)
    else:
        slugs[slug] = row.number
