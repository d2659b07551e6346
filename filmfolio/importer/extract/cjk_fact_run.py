"""Chinese and Japanese facts glued into one run without separators.

Chinese listings often print the facts of a film one after another with nothing between them:
"纪录片大陆2017" (kind, region, year), "剧情/香港/2019年/98分钟", "片长88分钟导演张三" (a label
glued to its value, then the next label). The run is read left to right: a year, a running
time, a genre word, a country or region; it counts only when every character is read, so a
sentence never passes. A run of labels is split at each label, the value of each running up to
the next one, when the run starts with a label and holds two at least.
"""

from __future__ import annotations

import re

from .facts import Facts
from .field_steps import _apply_fact_line
from .genre_words import is_genre_word
from .label_match import field_of
from .labels import Labelled, parse_line
from .lexicon import is_country, is_language
from .page import Page
from .record import ExtractedRecord

_RUN = re.compile(r"^[\u4e00-\u9fff\d/|·、 ]{4,40}$")
_YEAR = re.compile(r"(?:19|20)\d\d(?:年)?")
_RUNTIME = re.compile(r"(\d{1,3})\s?(?:分钟|分鐘|分)")
_SEPARATORS = "/|·、 "
_LONGEST = 8


def _word_at(run: str, i: int) -> tuple[str, str] | None:
    """(kind, word) of the longest known word starting at ``i``."""
    for size in range(min(_LONGEST, len(run) - i), 1, -1):
        word = run[i : i + size]
        if is_genre_word(word):
            return "genre", word
        if is_country(word):
            return "country", word
        if is_language(word):
            return "language", word
    return None


def _label_at(run: str, i: int) -> tuple[str, str] | None:
    """(label, field) of a field label of two to four characters starting at ``i``."""
    for size in (4, 3, 2):
        field = field_of(run[i : i + size])
        if field and field != "skip":
            return run[i : i + size], field
    return None


_CJK_LINE = re.compile(r"^[\u4e00-\u9fff][\u4e00-\u9fff\d·、,/ ]{4,80}$")


def glued_labels(line: str, offset: int) -> list[Labelled]:
    """The labelled values of a run of labels glued to their values ("片长88分钟导演张三"): two
    labels at least, the first at the start, each value up to the next label."""
    run = line.rstrip()
    if not _CJK_LINE.match(run):
        return []
    marks: list[tuple[int, str, str]] = []
    i = 0
    while i < len(run) - 1:
        found = _label_at(run, i)
        if found and (not marks or i > marks[-1][0] + len(marks[-1][1])):
            marks.append((i, *found))
            i += len(found[0])
        else:
            i += 1
    if len(marks) < 2 or marks[0][0] != 0:
        return []
    out = []
    for (at, label, field), nxt in zip(marks, [*marks[1:], (len(run), "", "")], strict=True):
        value = run[at + len(label) : nxt[0]].strip(" ,、/")
        if not value:
            return []
        start = offset + at + len(label)
        out.append(Labelled(field, label, value, start, start + len(value)))
    return out


def glued_label_lines(page: Page) -> list[Labelled]:
    """The glued label runs of the page's lines that no other layout read."""
    out: list[Labelled] = []
    for line, offset in page.zone:
        if len(line) >= 6 and not parse_line(line, offset):
            out.extend(glued_labels(line, offset))
    return out


def _token(run: str, i: int, facts: Facts) -> int:
    """Read one fact at ``i`` into ``facts``; the index after it, or ``i`` when none fits."""
    if run[i] in _SEPARATORS:
        return i + 1
    m = _RUNTIME.match(run, i)
    if m:
        facts.runtime = facts.runtime or int(m.group(1))
        return m.end()
    m = _YEAR.match(run, i)
    if m and (m.group().endswith("年") or not run[m.end() : m.end() + 1].isdigit()):
        facts.year = facts.year or int(m.group()[:4])
        return m.end()
    found = _word_at(run, i)
    if found is None:
        return i
    kind, word = found
    {"genre": facts.genres, "country": facts.countries, "language": facts.languages}[kind].append(
        word
    )
    return i + len(word)


def glued_facts(line: str) -> Facts | None:
    """The facts of a glued run such as "纪录片大陆2017", when every character is read."""
    run = line.strip()
    if not _RUN.match(run) or run.isdigit():
        return None
    facts, i = Facts(), 0
    while i < len(run):
        after = _token(run, i, facts)
        if after == i:
            return None
        i = after
    kinds = sum(bool(x) for x in (facts.year, facts.runtime, facts.genres, facts.countries))
    return facts if kinds >= 2 else None


def apply_glued_facts(rec: ExtractedRecord, page: Page, genre_field: bool) -> None:
    """Fill what is still empty from the glued fact runs of the page's head."""
    for line, offset in page.zone[:40]:
        facts = glued_facts(line) if 4 <= len(line) <= 40 else None
        if facts:
            _apply_fact_line(rec, facts, (offset, offset + len(line)), genre_field)
