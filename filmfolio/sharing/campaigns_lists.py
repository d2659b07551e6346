"""Recipient lists of a campaign, pasted or uploaded as CSV: name, e-mail, organisation, language.

The header is optional and tolerant (any order, any case, "email"/"e-mail"/"mail",
"organisation"/"organization"/"company", "lang", and the Chinese names); without one the
columns are taken in that order. Commas, semicolons or tabs separate the cells. A file is read
as UTF-8 (with or without a byte-order mark), else in the encoding charset-normalizer finds
(GB18030 for lists saved by Chinese spreadsheets). Every row is checked before anything is
made; one bad row refuses the list with each row's number and reason, and a repeated e-mail is
reported with the row it repeats.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from dataclasses import dataclass

import charset_normalizer
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from filmfolio.core.errors import ValidationFailedError

MAX_RECIPIENTS = 500
MAX_LIST_BYTES = 1_000_000
COLUMNS = ("name", "email", "organisation", "language")
HEADER_NAMES = {
    "name": "name",
    "recipient": "name",
    "full name": "name",
    "姓名": "name",
    "名字": "name",
    "email": "email",
    "e-mail": "email",
    "mail": "email",
    "email address": "email",
    "e-mail address": "email",
    "邮箱": "email",
    "电子邮件": "email",
    "电子邮箱": "email",
    "organisation": "organisation",
    "organization": "organisation",
    "company": "organisation",
    "org": "organisation",
    "机构": "organisation",
    "单位": "organisation",
    "language": "language",
    "lang": "language",
    "语言": "language",
}
LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$")


@dataclass(frozen=True)
class Recipient:
    """One row of a campaign's list (``row`` is its line number in the list, from 1)."""

    row: int
    name: str
    email: str
    organisation: str = ""
    language: str = ""


def decode_list(data: bytes) -> str:
    """The text of an uploaded list: UTF-8 (a byte-order mark dropped), else the encoding
    charset-normalizer finds likeliest; refuses what cannot be read."""
    if len(data) > MAX_LIST_BYTES:
        raise _refused(_("The list is larger than 1 MB."))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise _refused(_("The list's text encoding could not be recognised."))
    name = codecs.lookup(best.encoding).name
    name = {"gb2312": "gb18030", "gbk": "gb18030"}.get(name, name)
    return data.decode(name)


def _refused(message: str, rows: list[str] | None = None) -> ValidationFailedError:
    return ValidationFailedError(message, errors={"recipients": rows or [message]})


def _delimiter(text: str) -> str:
    """The separator the list's first line uses most: a comma, a semicolon or a tab."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    return max((",", ";", "\t"), key=first.count)


def _header(cells: list[str]) -> dict[str, int] | None:
    """Column positions named by a header row, or None when the row is not a header."""
    named: dict[str, int] = {}
    for index, cell in enumerate(cells):
        key = HEADER_NAMES.get(cell.strip().lower().lstrip("\ufeff"))
        if key is not None:
            named.setdefault(key, index)
    return named if "email" in named and len(named) >= 2 else None


def _cell(cells: list[str], columns: dict[str, int], key: str) -> str:
    index = columns.get(key)
    return cells[index].strip() if index is not None and index < len(cells) else ""


def _row_problem(recipient: Recipient) -> str | None:
    if not recipient.name or len(recipient.name) > 200:
        return _("name the recipient in at most 200 characters")
    try:
        validate_email(recipient.email)
    except ValidationError:
        return _("“%(email)s” is not an e-mail address") % {"email": recipient.email[:80]}
    if len(recipient.organisation) > 200:
        return _("the organisation is longer than 200 characters")
    if recipient.language and not LANGUAGE_TAG.match(recipient.language):
        return _("“%(language)s” is not a language code such as en or zh-hans") % {
            "language": recipient.language[:20]
        }
    return None


def _rows(text: str) -> list[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(text))
    try:
        return [(reader.line_num, cells) for cells in reader if any(c.strip() for c in cells)]
    except csv.Error as error:
        raise _refused(_("The list cannot be read as CSV: %(error)s") % {"error": error}) from None


def _table(text: str) -> tuple[dict[str, int], list[tuple[int, list[str]]]]:
    """The column positions and the data rows (with their line numbers) of a list."""
    rows = _rows(text.lstrip("\ufeff"))
    columns = _header(rows[0][1]) if rows else None
    if columns is not None:
        rows = rows[1:]
    if not rows:
        raise _refused(_("The list names no recipients."))
    if len(rows) > MAX_RECIPIENTS:
        raise _refused(_("A campaign goes to at most %(n)d recipients.") % {"n": MAX_RECIPIENTS})
    return columns or {key: index for index, key in enumerate(COLUMNS)}, rows


def parse_recipients(text: str) -> list[Recipient]:
    """The recipients of a list, or ``ValidationFailedError`` naming every bad or repeated row
    (``errors["recipients"]``: one message per row)."""
    columns, rows = _table(text)
    recipients: list[Recipient] = []
    problems: list[str] = []
    seen: dict[str, int] = {}
    for line, cells in rows:
        values = [_cell(cells, columns, key) for key in COLUMNS]
        recipient = Recipient(line, values[0], values[1].lower(), values[2], values[3].lower())
        problem = _row_problem(recipient)
        if problem is None and recipient.email in seen:
            problem = _("%(email)s is already on row %(row)d") % {
                "email": recipient.email,
                "row": seen[recipient.email],
            }
        if problem is not None:
            problems.append(_("Row %(row)d: %(problem)s.") % {"row": line, "problem": problem})
        seen.setdefault(recipient.email, line)
        recipients.append(recipient)
    if problems:
        raise _refused(_("Nothing was sent: correct the list and try again."), problems)
    return recipients
