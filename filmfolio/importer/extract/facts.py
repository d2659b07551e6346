"""Unlabelled fact lines: "China | 2018 | Mandarin with English Subtitles | 74min"."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .genre_words import is_genre_word
from .lexicon import COUNTRIES, LANGUAGES, is_country, is_language
from .quantities import full_date, runtime_minutes
from .specs import spec_part

_YEAR = re.compile(r"(?:1[89]|20)\d\d")
# "2004年製作", "2016年", "2015-03-21中国大陆上映", "2016.04.27 개봉": a year with a CJK word.
_CJK_YEAR = re.compile(
    r"^((?:1[89]|20)\d\d)(?:\s*年\s*(?:製作|制作|出品|完成|作品|拍摄|拍攝)?|[-./]\d{1,2}[-./]\d{1,2}"
    r"\s*\S{0,8}?\s*(?:上映|公映|公開|首映|開播|开播|개봉))$"
)
_YEAR_AND_WORDS = re.compile(r"((?:1[89]|20)\d\d)\s+(.+)")
_RATED = re.compile(r"(?:not rated|unrated|pg-13|pg|nr|g|r)\s+(.+)$", re.I)
# A capital I between spaces stands for a bar in some typesetting ("D  I  2013  I  8'").
_PARTS = re.compile(r"\s*(?:\||•|·|/|–|—)\s*|\s+I\s+")
_RUNTIME_ONLY = re.compile(
    r"^\d{1,2}\s*h(?:ours?|rs?)?\.?\s*\d{0,2}\s*(?:m|min|mins|minutes?)?\.?$|"
    r"^\d{1,3}\s*(?:m|min|mins|minutes?|mn|minuten|minutos|minuti|минути|мин|分钟|分鐘|分|분|"
    r"phút|menit|dakika|dk|perc|λεπτά|دقيقة|دقیقه|منٹ|मिनट|মিনিট|นาที|minuta|'|’|′)\.?$",
    re.I,
)
_RATING = re.compile(
    r"^(?:not rated|unrated|nr|g|pg|pg-13|r|nc-17|tv-\w+|\d{1,2}\+|[A-Z]-rated)$", re.I
)
_WITH_SUBS = re.compile(r"^(?P<lang>.+?)\s+with\s+(?P<sub>.+?)\s+subtitles?$", re.I)


# The distinguishing signs of countries on vehicles (Vienna Convention), which European film
# catalogues use as country codes.
VEHICLE_CODES = frozenset(
    [
        "A",
        "AL",
        "AND",
        "B",
        "BG",
        "BIH",
        "BY",
        "CH",
        "CY",
        "CZ",
        "D",
        "DK",
        "E",
        "EST",
        "F",
        "FIN",
        "GB",
        "GR",
        "H",
        "HR",
        "I",
        "IRL",
        "IS",
        "L",
        "LT",
        "LV",
        "M",
        "MC",
        "MD",
        "MK",
        "MNE",
        "N",
        "NL",
        "P",
        "PL",
        "RO",
        "RSM",
        "RUS",
        "S",
        "SK",
        "SLO",
        "SRB",
        "TR",
        "UA",
        "V",
    ]
)


@dataclass
class Facts:
    """Values read from one fact line."""

    year: int | None = None
    runtime: int | None = None
    countries: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    subtitles: list[str] = field(default_factory=list)
    genres: list[str] = field(default_factory=list)


def _classify(part: str, facts: Facts) -> bool:
    """Put one part into the facts; False when the part is not a known fact."""
    return bool(
        _classify_time(part, facts)
        or _classify_name(part, facts)
        or _year_and_genre(part, facts)
        or _country_and_year(part, facts)
        or spec_part(part)  # read by the spec steps; it keeps the line a fact line
        or bool(_SCREENING_COPY.fullmatch(part))
    )


# A screening copy is no fact of the film, but it keeps a line a fact line ("94', DCP").
_SCREENING_COPY = re.compile(r"(?i:dcp|blu-?ray|dvd|prores|mp4|mov|h\.?264|digital file)")
_NAME_YEAR = re.compile(r"(?P<name>\D+?)\s+(?P<year>(?:1[89]|20)\d\d)")


def is_screening_copy(value: str) -> bool:
    """True for a screening copy's format ("DCP", "Blu-ray"), which is no shooting format."""
    return bool(_SCREENING_COPY.fullmatch(value.strip()))


def _country_and_year(part: str, facts: Facts) -> bool:
    """ "Germany 2021": a country and the year, as catalogues write them."""
    m = _NAME_YEAR.fullmatch(part)
    if not (m and is_country(m.group("name"))):
        return False
    facts.countries.append(m.group("name"))
    facts.year = facts.year or int(m.group("year"))
    return True


def _classify_time(part: str, facts: Facts) -> bool:
    """A year, a running time, a rating or a date."""
    if _YEAR.fullmatch(part):
        facts.year = facts.year or int(part)
    elif m := _CJK_YEAR.match(part):
        facts.year = facts.year or int(m.group(1))
    elif _RUNTIME_ONLY.match(part):
        facts.runtime = runtime_minutes(part)
    else:
        return bool(_RATING.match(part) or (full_date(part) and len(part) < 40))
    return True


def _classify_name(part: str, facts: Facts) -> bool:
    """Languages with subtitles, subtitles, a country, a language or a genre."""
    if m := _WITH_SUBS.match(part):
        facts.languages.append(m.group("lang"))
        facts.subtitles.append(m.group("sub"))
    elif part.endswith("字幕") and len(part) <= 8:
        facts.subtitles.append(part)
    elif is_country(part):
        facts.countries.append(part)
    elif is_language(part):
        facts.languages.append(part)
    elif is_genre_word(part):
        facts.genres.append(part)
    else:
        return False
    return True


def _year_and_genre(part: str, facts: Facts) -> bool:
    """ "2016 Comédie" and "Not Rated 24 Dec 2009": a year or rating with genres or a date."""
    m = _YEAR_AND_WORDS.fullmatch(part)
    if m and all(is_genre_word(g) for g in m.group(2).split(",")):
        facts.year = facts.year or int(m.group(1))
        facts.genres.extend(g.strip() for g in m.group(2).split(","))
        return True
    m = _RATED.match(part)
    return bool(m and full_date(m.group(1)))


def fact_parts_known(parts: list[str]) -> tuple[Facts, int]:
    """The facts among the parts and how many parts state a fact of the film."""
    facts = Facts()
    known = 0
    for part in parts:
        before = Facts(facts.year, facts.runtime, *(list(x) for x in _lists(facts)))
        if _classify(part.strip().removesuffix("."), facts) and facts != before:
            known += 1
    return facts, known


def _lists(facts: Facts) -> tuple[list[str], ...]:
    return facts.countries, facts.languages, facts.subtitles, facts.genres


def is_runtime(part: str) -> bool:
    """True for a part that is only a running time ("88 min", "1h 30", "77'")."""
    return bool(_RUNTIME_ONLY.match(part.strip()))


def _lone_name(part: str) -> bool:
    key = part.casefold()
    known = key in COUNTRIES or key in LANGUAGES
    return not known and (is_country(part) or is_language(part))


def fact_parts(text: str) -> Facts | None:
    """The facts among the comma- or bar-separated parts of a text; unknown parts are skipped."""
    facts = Facts()
    for part in re.split(r"\s*(?:,|\||/|–|—|·)\s*", text):
        if part.strip():
            _classify(part.strip(), facts)
    return None if facts == Facts() else facts


def fact_line(line: str) -> Facts | None:
    """The facts of a line made only of known facts, else None (callers must not change them)."""
    return _fact_text(line.strip())


def clear_caches() -> None:
    """Forget the lines of earlier pages (the cache serves the steps of one page)."""
    _fact_text.cache_clear()


@lru_cache(maxsize=1024)
def _fact_text(line: str) -> Facts | None:
    line = line.removesuffix(".")
    if not _may_be_fact_line(line):
        return None
    found = _all_facts([p for p in _PARTS.split(line) if p.strip()])
    if found is None and line.count(",") >= 2 and _short_parts(line):
        # "Belgesel, 2022, Türkiye, 88 dk": commas part a fact line only when every part is a
        # fact, so a sentence with commas never passes.
        found = _all_facts([p for p in _COMMA_PARTS.split(line) if p.strip()], min_parts=3)
    return found


def _short_parts(line: str) -> bool:
    """Every comma-parted part is short, as facts are (a sentence's parts are not)."""
    return all(len(p) <= 30 for p in line.split(","))


_COMMA_PARTS = re.compile(r"\s*(?:,|，|\||•|·|/|–|—)\s*")


def _all_facts(parts: list[str], min_parts: int = 1) -> Facts | None:
    """The facts of the parts when every part is a fact, else None."""
    if len(parts) < min_parts:
        return None
    if len(parts) == 1 and _lone_name(parts[0].strip()):
        # A name alone on its line counts only when the short word lists know it: CLDR also
        # names countries and languages with words of other languages ("Belanda", "Jawa").
        return None
    facts = Facts()
    codes, rest = _vehicle_codes(parts)
    if not rest or not all(_classify(p.strip(), facts) for p in rest):
        return None
    facts.countries[:0] = codes
    return None if facts == Facts() else facts


def _vehicle_codes(parts: list[str]) -> tuple[list[str], list[str]]:
    """(countries' vehicle codes, the other parts): a code ("D", "CH", "F") counts beside
    other facts only."""
    if len(parts) < 2:
        return [], parts
    codes = [p.strip() for p in parts if p.strip() in VEHICLE_CODES]
    return codes, [p for p in parts if p.strip() not in codes]


def _may_be_fact_line(line: str) -> bool:
    """Short, and not ending like a sentence or a label."""
    return bool(line) and len(line) <= 120 and not line.endswith((".", ":", "?", "!"))
