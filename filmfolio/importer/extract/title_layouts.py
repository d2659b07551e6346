"""Where a page's layout, not a label, says which line is the title.

* An entry of a catalogue or festival journal: the title (and its title in a second language)
  over the maker's name over a line of facts with a running time ("J'ai un frère / I Have a
  Brother / Emmanuel Vigier / Panorama, 77', Cinéma 1").
* A heading that names an event ("Film Fest in New Jersey", "第2回 …映画祭", "36th …") or is only
  the words of a site's tabs ("기본 정보 출연진", "Overview Cast Crew") is not the film's title.
* A heading right under a post's date is the post's headline: a title the running text names
  takes its place.
* In Chinese and Japanese text 《》 mark the titles of works: a work so marked at least twice
  beats a heading line the page never repeats (a site's or a section's name).
* A page that writes its headings in two languages side by side ("Sinopsis Synopsis", "Ficha
  Técnica Technical Sheet") writes its title so too ("Nuestra querida criatura Our beloved
  creature"): the line is two titles.

Each check is a precompiled pattern or a set lookup on a few lines of the page's head.
"""

from __future__ import annotations

import itertools
import re

from . import title
from .label_match import field_of
from .quantities import runtime_minutes

# A line of facts holding a running time: "77'", "58 minutes", "18 min", "88分钟", "80분".
_RUNTIME = re.compile(
    r"(?:^|[\s,(|/–-])\d{1,3}\s?(?:['’′]|min\b|mins\b|minutes?\b|minutos?\b|minuti\b|"
    r"minuten\b|minuty\b|perc\b|dk\b|dakika\b|phút\b|menit\b|мин|分钟|分鐘|分|분|دقیقه|دقيقة)",
    re.I,
)
# A person's name: two to four capitalised words of letters ("Amaya Sumpsi", "Jean-Luc Ory").
_PARTICLES = frozenset(
    ["de", "da", "van", "von", "der", "del", "di", "le", "la", "bin", "al", "ibn"]
)
_NAME_PUNCT = frozenset("'’.-")
_DIGIT = re.compile(r"\d")
_DATE_LINE = re.compile(
    r"^(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|"
    r"jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch|donnerstag|freitag|samstag|"
    r"sonntag|lunes|martes|miércoles|jueves|viernes|sábado|domingo)\b.{0,30}(?:19|20)\d\d|"
    r"\d{1,2}[./-]\d{1,2}[./-](?:19|20)\d\d|(?:19|20)\d\d[./-]\d{1,2}[./-]\d{1,2}|"
    r"(?:19|20)\d\d年\d{1,2}月\d{1,2}日)",
    re.I,
)

# An event named by its edition, or by an event word of a CJK language.
_EVENT = re.compile(
    r"^(?:第\s?[\d一二三四五六七八九十百]+\s?[回届屆]|제\s?\d+\s?회|"
    r"(?:(?:the|a|az|der|die|das|la|le|il|el|o|de)\s+)?\d+(?:st|nd|rd|th|e|ème|er|"
    r"ª|º|°|\.)\s)|映画祭|电影节|電影節|影展|영화제",
    re.I,
)
# A festival word: a heading holding one is weak (films are named after festivals too).
_FESTIVAL_WORD = re.compile(
    r"\b(?:film\s?fest(?:ival)?|fest(?:ival)?s?|festiwal|festivali|festivalu|fesztivál|"
    r"filmfestspiele|filmfestival|фестивал[ьяю]?|φεστιβάλ|liên hoan phim)\b|"
    r"جشنواره|مهرجان|פסטיבל",
    re.I,
)
# The words of a site's tabs and boxes, in many languages: a line made only of them is chrome.
_UI_WORDS = re.compile(
    r"기본\s?정보|출연진|제작진|줄거리|출연|포토|동영상|리뷰|평점|상세\s?정보|"
    r"基本信息|基本資料|演职员表?|演職員表?|剧照|劇照|影评|影評|详情|詳情|简介|簡介|"
    r"基本情報|作品情報|キャスト|スタッフ|レビュー|あらすじ|解説|"
    r"\b(?:overview|cast|crew|details|reviews?|photos?|videos?|trailers?|info|media|"
    r"résumé|casting|équipe|fiche|besetzung|stab|übersicht|reparto|equipo|ficha|"
    r"elenco|trama|scheda|обзор|актёры|актеры|съёмочная группа)\b",
    re.I,
)
_LEFT_OVER = re.compile(r"[\W_]+")


def is_event_heading(line: str) -> bool:
    """True for a heading that names an event: an edition ordinal first, or a CJK event word."""
    return bool(_EVENT.search(line))


def names_a_festival(line: str) -> bool:
    """True for a heading with a festival word: weak beside a title the text names."""
    return bool(_FESTIVAL_WORD.search(line))


def is_ui_run(line: str) -> bool:
    """True for a line made only of the words of a site's tabs ("기본 정보출연진")."""
    if len(line) > 60 or not _UI_WORDS.search(line):
        return False
    return not _LEFT_OVER.sub("", _UI_WORDS.sub("", line))


def not_a_heading(line: str) -> bool:
    """A head line that is not the film's title whatever else it looks like."""
    return is_event_heading(line) or is_ui_run(line)


def _nonblank(lines: list[tuple[str, int]], limit: int) -> list[tuple[str, int, int]]:
    """(stripped line, offset, blank lines before it) for the first ``limit`` non-blank lines."""
    out, blanks = [], 0
    for line, offset in lines:
        s = line.strip()
        if not s:
            blanks += 1
            continue
        out.append((s, offset, blanks))
        blanks = 0
        if len(out) >= limit:
            break
    return out


def _is_runtime_line(s: str) -> bool:
    """A short line with a running time, not under another field's label ("Lectura
    estimada: 1 min." is a reading time)."""
    if len(s) > 140 or not _RUNTIME.search(s) or runtime_minutes(s) is None:
        return False
    label, colon, _ = s.partition(":")
    return not colon or field_of(label) == "runtime"


def _name_word(word: str) -> bool:
    return word[0].isupper() and all(c.isalpha() or c in _NAME_PUNCT for c in word)


def _is_name(s: str) -> bool:
    words = s.split()
    return (
        len(s) <= 40
        and 2 <= len(words) <= 4
        and _name_word(words[0])
        and _name_word(words[-1])
        and all(_name_word(w) or w in _PARTICLES for w in words)
        and field_of(s) is None
        and not title.is_heading(s)
        and not is_event_heading(s)
    )


def _is_title_line(s: str) -> bool:
    return (
        len(s) <= 80
        and len(s.split()) <= 12
        and not _DIGIT.search(s)
        and not title.is_heading(s)
        and not s.endswith((".", ":", ","))
        and not not_a_heading(s)
        and field_of(s) is None
        and any(c.isalpha() for c in s)
    )


def catalogue_entry(lines: list[tuple[str, int]]) -> tuple[str, str | None, str] | None:
    """(title, other title, maker) of a catalogue entry at the page's head: one or two title
    lines over a name line over the first line with a running time."""
    head = _nonblank(lines, 25)
    at = _first_runtime_line(head)
    if at < 2 or not _name_over_facts(head[at - 1], head[at]):
        return None
    name, _, gap = head[at - 1]
    first, _, blanks = head[at - 2]
    if not _is_title_line(first) or first.split() == name.split():
        return None
    second = head[at - 3][0] if at >= 3 and blanks + gap == 0 else None
    return (second, first, name) if second and _second_title(second) else (first, None, name)


def _first_runtime_line(head: list[tuple[str, int, int]]) -> int:
    """The index of the first line with a running time, 0 when none has one."""
    return next((i for i, (s, _, _) in enumerate(head) if _is_runtime_line(s)), 0)


def _name_over_facts(name: tuple[str, int, int], facts: tuple[str, int, int]) -> bool:
    """A name line with at most one blank line above it and right above the facts."""
    return _is_name(name[0]) and name[2] <= 1 and facts[2] <= 1


def _second_title(s: str) -> bool:
    """A title line above another: not a name, not a date."""
    return _is_title_line(s) and not _is_name(s) and not _DATE_LINE.match(s)


def other_title_pair(text: str, found: str) -> str | None:
    """The other half of a "A - B" line elsewhere in the page whose one half is the title."""
    for sep in (" - ", " – ", " / "):
        for a, b in ((f"{sep}{found}", True), (f"{found}{sep}", False)):
            pos = text.find(a)
            if pos < 0:
                continue
            if b:
                start = text.rfind("\n", 0, pos) + 1
                other = text[start:pos].strip()
            else:
                end = text.find("\n", pos)
                other = text[pos + len(a) : end if end >= 0 else len(text)].strip()
            if other and _is_title_line(other) and other.casefold() != found.casefold():
                return other
    return None


def under_a_date(lines: list[tuple[str, int]], heading: str) -> bool:
    """True when the heading stands right under a post's date line (a blog or news post)."""
    head = _nonblank(lines, 4)
    for (before, _, _), (s, _, _) in itertools.pairwise(head):
        if s == heading:
            return bool(_DATE_LINE.match(before))
    return False


_WORDS = re.compile(r"\w{4,}")


def shares_a_word(heading: str, candidate: str) -> bool:
    """True when a headline and a title share a word of four letters or more."""
    words = {w.casefold() for w in _WORDS.findall(heading)}
    return any(w.casefold() in words for w in _WORDS.findall(candidate))


_BOOK = re.compile(r"《([^《》\n]{1,40})》")


def marked_work(text: str, heading: str | None) -> str | None:
    """The work marked 《》 at least twice, or the only work so marked, when the heading is
    missing or said only once and never marked itself."""
    if heading and text.count(heading) > 1:
        return None
    works = {w for w in _BOOK.findall(text) if not is_event_heading(w)}
    marked = title.quoted_title(text) or (works.pop() if len(works) == 1 else None)
    return None if marked == heading else marked


# Where a capitalised word follows a lower-case one: "…criatura Our…".
_CASE_TURN = re.compile(r"(?<=[a-zà-ÿ])\s+(?=[A-ZÀ-Þ])")


def _two_languages(s: str) -> tuple[str, str] | None:
    turns = list(_CASE_TURN.finditer(s))
    if len(turns) != 1:
        return None
    a, b = s[: turns[0].start()].strip(), s[turns[0].end() :].strip()
    return (a, b) if a and b else None


def _paired_heading(s: str) -> bool:
    """A line of one heading or label in two languages ("Sinopsis Synopsis")."""
    if len(s) > 50:
        return False
    halves = _two_languages(s)
    if halves is None:
        words = s.split()
        halves = (words[0], words[1]) if len(words) == 2 else None
    if halves is None or halves[0].casefold() == halves[1].casefold():
        return False
    return all(field_of(h) is not None or title.is_heading(h) for h in halves)


def side_by_side_titles(lines: list[tuple[str, int]], heading: str) -> tuple[str, str] | None:
    """The heading's two titles when the page writes its headings in two languages side by side
    (two such lines at least)."""
    halves = _two_languages(heading)
    if halves is None:
        return None
    head = _nonblank(lines, 40)
    if sum(1 for s, _, _ in head if _paired_heading(s)) < 2:
        return None
    return halves


# "X is her first short film", "X è il suo primo cortometraggio", "X est son premier film" …
_OWN = (
    r"(?:is|was) (?:his|her|their|the director's) (?:first|second|third|new|latest|debut)|"
    r"(?:è|era) il suo (?:primo|secondo|terzo|nuovo|ultimo)|"
    r"(?:est|était) son (?:premier|deuxième|second|troisième|nouveau|dernier)|"
    r"(?:es|fue) su (?:primer|segundo|tercer|nuevo|último)|"
    r"(?:é|foi) (?:o seu|a sua) (?:primeir[oa]|segund[oa]|terceir[oa]|nov[oa]|últim[oa])|"
    r"(?:ist|war) (?:sein|ihr) (?:erster|zweiter|dritter|neuer|neuester|jüngster)|"
    r"is (?:zijn|haar) (?:eerste|tweede|derde|nieuwe|nieuwste)"
)
_OWN_FILM = re.compile(
    r"(?:^|(?<=[.!?]\s))(?P<t>[A-ZÀ-Þ][^.!?\n]{0,60}?)\s+(?:" + _OWN + r")\s+"
    r"(?:\w+\s+)?(?:film|short|documentary|feature|cortometraggio|lungometraggio|"
    r"documentario|court[- ]métrage|long[- ]métrage|documentaire|cortometraje|largometraje|"
    r"documental|película|filme|curta|longa|documentário|kurzfilm|spielfilm|dokumentarfilm|"
    r"korte film|documentaire)\b",
    re.M,
)
_OWN_STEMS = (
    " his ",
    " her ",
    " their ",
    " il suo ",
    " son ",
    " su ",
    " o seu ",
    " a sua ",
    " sein",
    " ihr ",
    " zijn ",
    " haar ",
)
_NOT_OWN = ("it ", "this ", "the film", "il film", "le film", "el film", "der film", "o filme")


def own_film_title(text: str) -> str | None:
    """The title of "X is his (her) first (new) film" in seven languages."""
    if not any(stem in text for stem in _OWN_STEMS):
        return None
    for m in _OWN_FILM.finditer(text):
        found = m.group("t").strip()
        if len(found.split()) <= 8 and not found.casefold().startswith(_NOT_OWN):
            return found
    return None
