"""Facts in brackets after a title, as catalogues, press releases and news write them.

"THE SALT ROAD (Sweden, 2021, 58 min)", "„Der stille Fluss“ (Deutschland/Schweden 2021,
94 Min.)", "《风之屋》(中国,2015,98分钟)": the group holds two or more facts of the film (year,
running time, countries, genres), and the title stands right before it, quoted or in capitals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .facts import Facts, fact_parts_known

_GROUP = re.compile(r"[(（](?P<inner>[^()（）\n]{4,100})[)）]")
_BEFORE = 160
_DIGIT = re.compile(r"\d")
_PARTS = re.compile(r"\s*(?:,|，|、|/|;|·|\|)\s*")
# The title right before the group: quoted, or a run of capitals ("THE SALT ROAD").
_QUOTED_END = re.compile(
    r"(?:《(?P<a>[^《》]{1,60})》|„(?P<b>[^“”]{1,80})[“”]|“(?P<c>[^“”]{1,80})”|"
    r"«\s?(?P<d>[^«»]{1,80}?)\s?»|\"(?P<e>[^\"]{1,80})\"|「(?P<f>[^「」]{1,60})」|"
    r"『(?P<g>[^『』]{1,60})』)\s*$"
)
_CAPITALS_END = re.compile(r"(?:^|[\s:,–—-])(?P<t>[A-ZÀ-ÞА-ЯЁ0-9][A-ZÀ-ÞА-ЯЁ0-9'’&:.!? -]{2,80})$")
_MIN_FACTS = 2


@dataclass
class FactGroup:
    """One bracketed group of facts, the title before it (if any) and where it stands."""

    title: str | None
    facts: Facts
    start: int
    end: int


def fact_groups(text: str) -> list[FactGroup]:
    """The bracketed groups of the text that hold at least two facts of a film: with a running
    time or a title before them ("Paris (France, 1970)" is a birthplace, not a film)."""
    out = []
    for m in _GROUP.finditer(text):
        if not _DIGIT.search(m.group("inner")):
            continue  # a film's facts hold its year or its running time
        parts = [p for p in _PARTS.split(m.group("inner").strip()) if p]
        facts, known = fact_parts_known(parts)
        if known < _MIN_FACTS or known * 2 < len(parts):
            continue
        before = text[max(0, m.start() - _BEFORE) : m.start()]
        title = _title_before(re.split(r"[\n()（）]", before)[-1])
        if title or facts.runtime:
            out.append(FactGroup(title, facts, m.start(), m.end()))
    return out


@lru_cache(maxsize=4)
def first_group(text: str) -> FactGroup | None:
    """The page's first fact group: the film's own (later ones are often other films')."""
    return next(iter(fact_groups(text)), None)


def _title_before(before: str) -> str | None:
    """The quoted title or the run of capitals that ends right before the group."""
    text = before.rstrip()
    m = _QUOTED_END.search(text)
    if m:
        return next(g for g in m.groups() if g).strip()
    m = _CAPITALS_END.search(text)
    if m and sum(c.isalpha() for c in m.group("t")) >= 3:
        return m.group("t").strip(" :-–—")
    return None
