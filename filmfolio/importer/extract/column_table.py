"""Tables rendered as text with their labels on one line and the values under them.

"Format Language Subtitles Sound" over "35mm English None Stereo": a header line of three to
eight single-word labels, two or more of them known, and under it a line of as many single-word
cells. Each known column gives a labelled value; placeholders ("None", "-") and screening copies
under a format column (DCP, Blu-ray: how the film is shown, not how it was shot) are left out.
Later rows are other copies of the film and are not read.
"""

from __future__ import annotations

from .facts import is_screening_copy
from .label_match import field_of
from .labels import Labelled
from .specs import is_placeholder

_MIN_COLUMNS, _MAX_COLUMNS = 3, 8
# Fields whose values are single words; names of people take several and are left out.
_ONE_WORD_FIELDS = frozenset(
    {"shooting_format", "aspect_ratio", "sound", "color", "language", "subtitles", "country"}
    | {"year", "runtime"}
)


def column_values(lines: list[tuple[str, int]]) -> list[Labelled]:
    """The labelled values of the first row under each table header among the lines."""
    out: list[Labelled] = []
    known: dict[str, str | None] = {}  # the page's words repeat: each is looked up once
    for i in range(len(lines) - 1):
        heads = lines[i][0].split()
        if not _MIN_COLUMNS <= len(heads) <= _MAX_COLUMNS or _has_colon(lines[i][0]):
            continue
        fields = _column_fields(heads, known)
        if fields is not None:
            out.extend(_row(heads, fields, *lines[i + 1]))
    return out


def _column_fields(heads: list[str], known: dict[str, str | None]) -> list[str | None] | None:
    """The field of each header word, when two or more are known; None (as soon as that
    cannot be) otherwise."""
    fields: list[str | None] = []
    found = 0
    for n, head in enumerate(heads):
        if found + len(heads) - n < 2:
            return None
        if head not in known:
            known[head] = _column_field(head)
        fields.append(known[head])
        found += known[head] is not None
    return fields if found >= 2 else None


def _has_colon(line: str) -> bool:
    return ":" in line or "：" in line


def _column_field(head: str) -> str | None:
    field = field_of(head)
    return field if field in _ONE_WORD_FIELDS else None


def _row(heads: list[str], fields: list[str | None], line: str, offset: int) -> list[Labelled]:
    """The cells of the row under a header, one per known column; none when the counts differ."""
    cells = line.split()
    if len(cells) != len(heads) or _has_colon(line) or any(field_of(c) for c in cells):
        return []  # a row of labels is another header, not values
    out, pos = [], 0
    for head, field, cell in zip(heads, fields, cells, strict=True):
        start = line.find(cell, pos)
        pos = start + len(cell)
        if field is None or is_placeholder(cell):
            continue
        if field == "shooting_format" and is_screening_copy(cell):
            continue
        out.append(Labelled(field, head, cell, offset + start, offset + pos))
    return out
