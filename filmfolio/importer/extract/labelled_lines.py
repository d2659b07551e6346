"""Reading a page's labelled values across lines: next-line values, segments, spaced blocks."""

from __future__ import annotations

import re
from collections.abc import Callable

from .clean import is_chrome
from .column_table import column_values
from .credit_runs import may_start_label
from .credits import split_names
from .facts import fact_line
from .known_values import is_known_label_line
from .label_match import field_of
from .labels import Labelled, parse_line, parse_spaced
from .lexicon import is_country, is_language
from .page import Page
from .specs import spec_part

_NAME_LINE = re.compile(r"^[^\W\d_][^.:;!?|]{1,48}$")


def _name_line(text: str) -> bool:
    """A short line that may be a name: it starts with a capital (any Latin, Cyrillic or Greek
    one, "Đỗ Duy Hùng") or a letter of a script without capitals ("王兵")."""
    return bool(_NAME_LINE.match(text)) and (text[0].isupper() or not text[0].islower())


def labelled_values(page: Page) -> list[Labelled]:
    """Labelled values with next-line values and name lists continued on following lines."""
    out: list[Labelled] = []
    lines = page.zone
    spaced = _spaced_block(lines)
    i = 0
    while i < len(lines):
        line, offset = lines[i]
        lab = parse_line(line, offset) or spaced.get(i) or _role_word_line(line, offset, lines, i)
        i += 1
        segments = _line_segments(line, offset, lab)
        if segments or lab is None:
            out.extend(segments)
            continue
        if not lab.value and i < len(lines):
            i = _read_next_value(lines, i, lab, out)
            lab = out.pop()
        out.append(lab)
        continues = _continuation(lab, spaced)
        if continues is not None:
            i = _read_continued(lines, i, lab, out, continues)
    out.extend(column_values(lines))
    return [_by_value(lab) for lab in out]


_SPEC_LABELS = frozenset({"shooting_format", "sound", "color", "aspect_ratio"})


def _by_value(lab: Labelled) -> Labelled:
    """A technical label whose value is another spec's value fills that spec: "Image: couleur"
    (also the cinematographer's label) is a colour, "Son: stéréo" a sound, "Format: 2.39:1" an
    aspect ratio."""
    if lab.field not in _SPEC_LABELS and not lab.field.startswith("credit:"):
        return lab
    field = spec_part(lab.value.strip(" ."))
    if field is None or field in ("shooting_format", lab.field):
        return lab
    return Labelled(field, lab.label, lab.value, lab.start, lab.end)


def _line_segments(line: str, offset: int, lab: Labelled | None) -> list[Labelled]:
    """The segments that stand for a line in place of its label: two or more, or any when the
    line has no label of its own."""
    segments = _segments(line, offset) if lab is None or lab.value else []
    if len(segments) >= 2 or (lab is None and segments):
        return segments
    return []


_Continues = Callable[[str, int, int], bool]


def _continuation(lab: Labelled, spaced: dict[int, Labelled]) -> _Continues | None:
    """How to tell a line that continues ``lab``'s list (countries, languages, subtitles, the
    names of a credit), given the line, its offset and its index; None when nothing continues."""
    if not lab.value:
        return None
    if lab.field in _NAME_LISTS:
        known = is_country if lab.field == "country" else is_language
        return lambda nxt, noff, _i: bool(known(nxt)) and not parse_line(nxt, noff)
    if lab.field.startswith("credit:"):
        return lambda nxt, noff, i: _continues_credit(nxt, noff, i in spaced)
    return None


def _continues_credit(nxt: str, noff: int, is_spaced: bool) -> bool:
    """A line holding one more name of a credit: a short name, not a label or a fact."""
    return bool(
        _name_line(nxt.strip())
        and not parse_line(nxt, noff)
        and not is_spaced
        and not fact_line(nxt)
        and not _is_role_word(nxt)
        and not is_known_label_line(nxt)
    )


def _is_role_word(line: str) -> bool:
    """A line made of a role label only ("Buch", "Kamera"), even one too common to stand as a
    label without a colon elsewhere."""
    text = line.strip()
    if len(text) > 40 or text.count(" ") >= 4 or not may_start_label(text.split(" ", 1)[0]):
        return False
    field = field_of(text)
    return bool(field and field.startswith("credit:"))


def _role_word_line(
    line: str, offset: int, lines: list[tuple[str, int]], i: int
) -> Labelled | None:
    """A role label alone on its line with a credit's names on the next line: "Buch" then
    "A · B" in a credits block of one label and one value a line."""
    if not _is_role_word(line) or i + 1 >= len(lines):
        return None
    nxt = lines[i + 1][0].strip()
    if not (_name_line(nxt) and split_names(nxt)) or _is_role_word(nxt):
        return None
    label = line.strip()
    start = offset + line.find(label)
    return Labelled(field_of(label) or "", label, "", start, start + len(label))


def _read_continued(
    lines: list[tuple[str, int]], i: int, lab: Labelled, out: list[Labelled], continues: _Continues
) -> int:
    """Append the lines from ``i`` on that continue ``lab``'s list; return the index after."""
    while i < len(lines):
        nxt, noff = lines[i]
        if not continues(nxt, noff, i):
            break
        stripped = nxt.strip()
        start = noff + nxt.find(stripped)
        out.append(Labelled(lab.field, lab.label, stripped, start, start + len(stripped)))
        i += 1
    return i


_SEGMENT_SPLIT = re.compile(r"\s+/\s+|\s+\|\s+|(?<=[^\s\d])/(?=[^\s\d])|(?<=\d)/(?=[^\W\d])")


def _read_next_value(
    lines: list[tuple[str, int]], i: int, lab: Labelled, out: list[Labelled]
) -> int:
    """Append `lab` with its value from the lines after it; return the index after the value.

    The value may follow one blank line (wiki infoboxes) or the same label in a second
    language on its own line ("Duración" / "Runtime" / value).
    """
    j = i
    for _ in range(3):
        if j >= len(lines):
            break
        nxt, noff = lines[j]
        if not nxt.strip():
            j += 1
            continue
        twin = parse_line(nxt, noff)
        if twin is not None and not twin.value and twin.field == lab.field and j == i:
            j += 1
            continue
        joined = _next_line_value(lab, nxt, noff)
        if joined is not None:
            out.append(joined)
            return j + 1
        break
    out.append(lab)
    return i


def _segments(line: str, offset: int) -> list[Labelled]:
    """Labelled values among the " / "-separated segments of one line
    ("公開 / 上映時間:118分 / 製作:2013年(日本)"), when there are two segments or more."""
    if not _may_hold_segments(line):
        return []
    parts = _SEGMENT_SPLIT.split(line)
    if len(parts) < 2:
        return []
    found = []
    pos = 0
    for part in parts:
        start = line.find(part, pos)
        pos = start + len(part)
        lab = parse_line(part, offset + start) if _has_colon(part) else None
        if lab is not None and lab.value:
            found.append(lab)
    return found


def _may_hold_segments(line: str) -> bool:
    """A line short enough, with a separator and a colon."""
    return len(line) <= 200 and ("/" in line or "|" in line) and _has_colon(line)


def _has_colon(text: str) -> bool:
    return ":" in text or "：" in text


_SPACED_RUN = 3
_NAME_LISTS = frozenset({"country", "language", "subtitles"})


def _spaced_block(lines: list[tuple[str, int]]) -> dict[int, Labelled]:
    """Space-parted "Label Value" lines that stand in a run of at least three labelled lines."""
    found: dict[int, Labelled] = {}
    run: list[int] = []
    spaced: dict[int, Labelled] = {}

    def close() -> None:
        if len(run) >= _SPACED_RUN and sum(1 for j in run if j in spaced) >= 2:
            found.update({j: spaced[j] for j in run if j in spaced})

    for i, (line, offset) in enumerate(lines):
        if not line.strip():
            continue
        if parse_line(line, offset):
            run.append(i)
            continue
        lab = parse_spaced(line, offset)
        if lab is None:
            close()
            run = []
            continue
        spaced[i] = lab
        run.append(i)
    close()
    return found


def _next_line_value(lab: Labelled, nxt: str, noff: int) -> Labelled | None:
    """The label with its value read from the next line, when that line can be its value."""
    if not nxt.strip() or parse_line(nxt, noff) is not None or is_chrome(nxt):
        return None
    if lab.field != "synopsis" and len(nxt.strip()) > 200:
        return None
    stripped = nxt.strip().lstrip("•·*- ").strip()
    start = noff + nxt.find(stripped)
    return Labelled(lab.field, lab.label, stripped, start, start + len(stripped))
