"""The parsing of labelled lines, in the layouts a label and its value take on a page.

A labelled line is "Label: value", "Label : value", "Label | value |", a label glued to its
value ("Режисиран отКолин"), or a label alone on its line with the value on the next line.
Labels are matched to fields by `label_match` (bilingual labels on either half).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .label_match import field_of
from .label_table import _MAX_LABEL, _NEEDS_SEPARATOR, _TABLE
from .specs import spec_part

_BULLET = re.compile(r"^\s*(?:[•·*▪►◦‣∙-]|\d{1,2}[.)])\s+")
_SEP = re.compile(r"^(?P<label>[^:|]{1,60}?)\s*[:|]\s*(?P<value>.*?)\s*\|?\s*$")
_BY_LABEL = re.compile(
    r"^(?P<label>(?:co-)?(?:directed|written|produced|edited|photographed|narrated|"
    r"animated|music|screenplay|story|shot) by|réalisé par|écrit par|produit par|"
    r"un film de|a film by|ein film von|dirigid[oa] por|escrito por|regia di|"
    r"режисиран от|написано от)\s+(?P<value>\S.*)$",
    re.I,
)
_GLUED_START = re.compile(r"[^\W\d_a-zа-яё]|[\"'“«(]")
_EDGE_BARS = re.compile(r"^[\s|]+|[\s|]+$")


# The first four letters of every label that may be glued to its value.
_GLUED_PREFIXES = frozenset(k[:4] for k in _TABLE if len(k) >= 4 and k not in _NEEDS_SEPARATOR)


@dataclass(frozen=True)
class Labelled:
    """One labelled value: the field it fills, the label as written, value and its offsets."""

    field: str
    label: str
    value: str
    start: int
    end: int


def parse_line(line: str, offset: int) -> Labelled | None:
    """A labelled value on one line (the value may be empty), or None."""
    found = _parse_text(line)
    if found is None:
        return None
    field, label, value, vstart = found
    start = offset + vstart
    return Labelled(field, label, value, start, start + len(value))


def clear_caches() -> None:
    """Forget the lines of earlier pages (the cache serves the steps of one page)."""
    _parse_text.cache_clear()


@lru_cache(maxsize=1024)
def _parse_text(line: str) -> tuple[str, str, str, int] | None:
    """(field, label, value, value offset in the line); cached because every step asks."""
    bullet = _BULLET.match(line)
    body_start = bullet.end() if bullet else len(line) - len(line.lstrip())
    body = line[body_start:].rstrip()
    if not body:
        return None
    found = _separated(body) or _by_label(body) or _bare(body) or _glued(body)
    if found is None:
        return None
    field, label, value, vstart = found
    return field, label, value, body_start + vstart


def _separated(body: str) -> tuple[str, str, str, int] | None:
    m = _SEP.match(body)
    if not m:
        return None
    field = field_of(m.group("label"))
    if field is None:
        return None
    value = _EDGE_BARS.sub("", m.group("value"))
    vstart = m.start("value") + m.group("value").find(value) if value else len(body)
    return field, m.group("label").strip(), value, vstart


def _by_label(body: str) -> tuple[str, str, str, int] | None:
    m = _BY_LABEL.match(body)
    if not m or len(body) > 120:
        return None
    field = field_of(m.group("label")) or "credit:" + _by_category(m.group("label"))
    return field, m.group("label"), m.group("value").strip(), m.start("value")


def _by_category(label: str) -> str:
    key = label.casefold()
    for word, cat in (
        ("writ", "writer"),
        ("produc", "producer"),
        ("edit", "editor"),
        ("photo", "cinematography"),
        ("music", "music"),
        ("narrat", "cast"),
        ("anim", "animation"),
        ("screenplay", "writer"),
        ("story", "writer"),
    ):
        if word in key:
            return cat
    return "director"


def _bare(body: str) -> tuple[str, str, str, int] | None:
    """A label alone on its line (value on the next line)."""
    if len(body) > 60:
        return None
    field = field_of(body, bare=True)
    if field is None:
        return None
    return field, body.strip(), "", len(body)


def _glued(body: str) -> tuple[str, str, str, int] | None:
    """A label glued to its value, the value starting with a capital or a CJK character."""
    low = body.casefold()
    if low[:4] not in _GLUED_PREFIXES:  # no label of four or more letters starts the line
        return None
    for size in range(min(len(body) - 1, _MAX_LABEL), 3, -1):
        key = low[:size]
        if key in _TABLE and key not in _NEEDS_SEPARATOR and _glued_start(key, body[size]):
            if body[size - 1].isupper() or body[size - 1] == " ":
                continue
            return _TABLE[key], body[:size], body[size:].strip(), size
    return None


def parse_spaced(line: str, offset: int) -> Labelled | None:
    """ "Director Gustaf Broms": a label and its value parted by a space only.

    Only a candidate: such a line counts when it stands in a block of labelled lines (the
    caller checks its neighbours), since prose also starts with label words.
    """
    body = line.strip()
    if len(body) > 100 or len(body) < 5 or body.endswith((".", "!", "?", ":")):
        return None
    low = body.casefold()
    # Only a space may end the label: the sizes tried are the spaces' places, longest first.
    size = low.rfind(" ", 0, min(len(body) - 2, _MAX_LABEL) + 1)
    while size >= 2:
        field = _spaced_label_field(low, size)
        if field is None:
            size = low.rfind(" ", 0, size)
            continue
        value = body[size + 1 :].strip()
        if not (_starts_a_value(value) or spec_part(value)):  # "Ljud mono", "Färg svartvit"
            return None
        start = offset + line.find(body) + size + 1
        return Labelled(field, body[:size], value, start, start + len(value))
    return None


def _spaced_label_field(low: str, size: int) -> str | None:
    """The field of the label made of the first ``size`` characters, when a single space
    follows it and its field takes a short value."""
    if low[size] != " " or low[size - 1] == " ":
        return None
    field = _TABLE.get(low[:size])
    return None if field in ("synopsis", "skip") else field


def _starts_a_value(value: str) -> bool:
    """A value after a spaced label starts with a capital, a digit or a non-ASCII letter."""
    return bool(value) and (value[0].isupper() or value[0].isdigit() or not value[0].isascii())


_NUMBER_FIELDS = frozenset({"runtime", "year", "release_date", "budget"})


def _glued_start(key: str, ch: str) -> bool:
    """Whether a value may start with `ch` right after the label `key`.

    A capital, a CJK character or a quote may always start it; a lower-case letter only after
    a long label of several words or of non-ASCII letters ("Ngôn ngữtiếng Việt"), where a word
    of the value cannot be mistaken for the rest of the label.
    """
    if _GLUED_START.match(ch):
        return True
    if ch.isdigit():  # "Durasi115 menit", "上映時間10分": numbers only in number fields
        return _TABLE[key] in _NUMBER_FIELDS
    return ch.isalpha() and len(key) >= 6 and (" " in key or not key.isascii())
