"""The title decision: labelled titles, the page's heading line, aliases, quoted titles."""

from __future__ import annotations

import re
from collections import Counter

_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")
_LATIN = re.compile(r"[A-Za-z]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_YEAR_SUFFIX = re.compile(r"\s*\((?P<year>(?:1[89]|20)\d\d)\)\s*$")
_DIR_SUFFIX = re.compile(r"\s+[-–—|]\s+(?:dir\.|directed by|a film by|trailer|official).*$", re.I)
_ALIAS = re.compile(
    r"^(?P<a>[^:,。]{1,40}?)\s*(?:又名|亦名|a\.k\.a\.|aka)\s*[:]?\s*(?P<b>[^:,。]{1,60})$"
)
_BOOK = re.compile(r"《([^《》]{1,40})》")
_HEADINGS = frozenset(
    """technical data|datos técnicos|fiche|fiche technique|ficha técnica|technical details|
    specifications|specification sheet|credits|crew|cast|synopsis|overview|details|about|
    festivals|awards|screenings|info|information|film info|剧情简介|简介|影片信息|演职员表|
    获奖情况|详情|基本信息|资料|official selection|trailer|home|news|films|programme|program|
    director statement|director's statement|biography|filmography""".replace("\n", "").split("|")
)
_HEADINGS = frozenset(h.strip() for h in _HEADINGS)


def script_of(text: str) -> str:
    """'cjk', 'cyrillic', 'latin' or 'other' for the dominant script of a title."""
    if _CJK.search(text):
        return "cjk"
    if _CYRILLIC.search(text):
        return "cyrillic"
    return "latin" if _LATIN.search(text) else "other"


def is_heading(line: str) -> bool:
    """True for a section heading, one or both halves of a bilingual heading."""
    key = line.strip().casefold().rstrip(":")
    halves = [h.strip() for h in key.split(" / ")]
    return (
        key in _HEADINGS
        or all(h in _HEADINGS for h in halves)
        or any(h in _HEADINGS for h in halves[1:])
    )


def plausible_title(line: str) -> bool:
    """A short line that reads like a title, not a sentence, quote or tagline."""
    s = line.strip()
    if not s or len(s) > 90 or len(s.split()) > 14 or is_heading(s):
        return False
    if s[0] in "\"'“‘«(©#@《" or s.endswith((".", "!", "?", ":", ",", "…")):
        return False
    if re.search(r"[?!]|https?://|www\.|\.(?:com|org|net)\b", s):
        return False
    return any(c.isalpha() for c in s)


def split_heading(line: str) -> tuple[str, str | None, int | None]:
    """(title, other-script title, year) from a heading line such as "A - B (2008)"."""
    year = None
    m = _YEAR_SUFFIX.search(line)
    if m:
        year, line = int(m.group("year")), line[: m.start()]
    line = _DIR_SUFFIX.sub("", line).strip()
    for sep in (" - ", " – ", " — ", " / "):
        if sep in line:
            a, b = (p.strip() for p in line.split(sep, 1))
            if a and b and script_of(a) != script_of(b):
                return a, b, year
    return line, None, year


def alias_titles(line: str) -> tuple[str, str] | None:
    """(local title, alias) from "X又名Y" / "X aka Y"."""
    m = _ALIAS.match(line.strip())
    return (m.group("a").strip(), m.group("b").strip()) if m else None


def quoted_title(text: str) -> str | None:
    """The title quoted most often in 《》 marks, when quoted at least twice."""
    counts = Counter(_BOOK.findall(text))
    if not counts:
        return None
    title, n = counts.most_common(1)[0]
    return title if n >= 2 else None


def order_titles(title: str, other: str | None) -> tuple[str, str | None]:
    """English before Chinese: a Latin title is the title, a CJK one the original."""
    if other and script_of(title) == "cjk" and script_of(other) == "latin":
        return other, title
    if other and other.casefold() == title.casefold():
        return title, None
    return title, other
