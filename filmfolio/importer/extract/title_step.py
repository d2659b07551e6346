"""Deciding the title: a labelled title wins, then a heading line, an alias pair, a quoted
title, and last a film-marked handle confirmed by the page's words; a lone Chinese line beside a
Latin title becomes the original title."""

from __future__ import annotations

import re

from . import kind, prose_title, title
from . import title_layouts as layouts
from .credits import by_line
from .fact_group import first_group
from .facts import fact_line
from .labels import parse_line
from .page import Page
from .record import GUESSED, SURE, UNSURE, Credit, Evidence, ExtractedRecord

_CJK_ONLY = re.compile(r"[\u4e00-\u9fff]+")


def apply_title(rec: ExtractedRecord, page: Page, by_field: dict) -> None:
    labelled, original, alias = (
        _values(by_field, name) for name in ("title", "original_title", "alt_title")
    )
    found, other, year = _candidate_titles(rec, page, bool(labelled or original or alias))
    main, second = _titles_pair((labelled, original, alias), found, other)
    main, rule, sure = _main_title(rec, page, main, bool(labelled))
    if main:
        _note_title(rec, page, (main, second), rule, sure)
    if year and rec.year is None:
        rec.year = year
    if rec.title and not rec.original_title and title.script_of(rec.title) == "latin":
        rec.original_title = _standalone_cjk(page)


def _values(by_field: dict, name: str) -> list[str]:
    """The non-empty values of the labels of one field."""
    return [lab.value for lab in by_field.get(name, []) if lab.value]


def _candidate_titles(
    rec: ExtractedRecord, page: Page, named: bool
) -> tuple[str | None, str | None, int | None]:
    """The heading's title, its other title and year; an alias pair in the head replaces the
    titles, and running text may name the title when no label does (``named``)."""
    found, other, year = _heading_title(rec, page)
    pair = _alias_pair(page)
    if pair:
        found, other = pair
    if not named:
        found, other = _prose_title(page, found, other)
        found = _group_title(page, found)
        found, other = _layout_titles(rec, page, found, other)
    return found, other, year


def _layout_titles(
    rec: ExtractedRecord, page: Page, found: str | None, other: str | None
) -> tuple[str | None, str | None]:
    """Titles the page's layout states: a catalogue entry's, "X is her first film", a work
    marked 《》, or a heading written in two languages side by side."""
    entry = layouts.catalogue_entry(page.zone)
    if entry:
        return _entry_titles(rec, page, entry)
    own = layouts.own_film_title(page.zone_text) if found is None else None
    if own:
        return title.split_heading(own)[:2]
    marked = layouts.marked_work(page.zone_text, found)
    if marked:
        return marked, None
    pair = layouts.side_by_side_titles(page.zone, found) if found and not other else None
    return pair if pair else (found, other)


def _entry_titles(
    rec: ExtractedRecord, page: Page, entry: tuple[str, str | None, str]
) -> tuple[str, str | None]:
    """A catalogue entry's titles; the name under them is the director when none is known."""
    found, other, maker = entry
    other = other or layouts.other_title_pair(page.zone_text, found)
    if not rec.directors and maker not in found:
        _add_maker(rec, page, maker)
    return found, other


def _add_maker(rec: ExtractedRecord, page: Page, maker: str) -> None:
    """The name under a catalogue entry's title: its director, marked unsure."""
    rec.directors.append(maker)
    if not any(c.name == maker for c in rec.credits):
        rec.credits.append(Credit(role="Director", name=maker))
    pos = page.text.find(maker)
    rec.note(Evidence("directors", maker, pos, pos + len(maker), UNSURE, "catalogue entry"))


def _group_title(page: Page, found: str | None) -> str | None:
    """The title before the page's first fact group ("THE SALT ROAD (Sweden, 2021, 58 min)")
    in place of a heading the page never repeats (a site's or a section's name)."""
    group = first_group(page.zone_text)
    if not group or not group.title:
        return found
    if found is None or (group.title in found and found != group.title):
        return group.title  # a headline naming the title ("„X“ feiert Premiere")
    return group.title if page.zone_text.count(found) == 1 else found


def _alias_pair(page: Page) -> tuple[str, str] | None:
    """The first "Title a.k.a. Other" pair among the head's lines."""
    for line, _ in page.zone[:15]:
        pair = title.alias_titles(line)
        if pair:
            return pair
    return None


def _main_and_second(
    named: tuple[list[str], list[str], list[str]], found: str | None, other: str | None
) -> tuple[str | None, str | None]:
    """The main title (a labelled, original or alias title before the heading's) and the
    second title beside it."""
    labelled, original, alias = named
    main: str | None = next(iter(labelled or original or alias), found)
    second = (original[0] if labelled and original else None) or other
    if main and other and main.casefold() == other.casefold():
        second = found
    return main, second


def _titles_pair(
    named: tuple[list[str], list[str], list[str]], found: str | None, other: str | None
) -> tuple[str | None, str | None]:
    """The main and second title; under a heading, "Original title: X" is the original of the
    title the heading presents."""
    labelled, original, _ = named
    if labelled or not original or not found or found.casefold() == original[0].casefold():
        return _main_and_second(named, found, other)
    return found, original[0]


def _main_title(
    rec: ExtractedRecord, page: Page, main: str | None, labelled: bool
) -> tuple[str | None, str, float]:
    """The title with its rule and certainty: the one found, else a quoted title, else a
    film-marked handle not taken by another fact."""
    if main is None:
        main = title.quoted_title(page.zone_text)
    if main is not None:
        return main, "title", SURE if labelled else UNSURE
    taken = [*rec.directors, *(c.name for c in rec.credits), *rec.genres, *rec.countries]
    taken.extend([*rec.languages, *(e.festival for e in rec.festivals)])
    return title.handle_title(page.zone_text, taken), "handle", GUESSED


def _note_title(
    rec: ExtractedRecord, page: Page, titles: tuple[str, str | None], rule: str, sure: float
) -> None:
    """Set the title and original title in their order and note where the title stands."""
    rec.title, rec.original_title = title.order_titles(*titles)
    pos = page.text.find(rec.title)
    start = max(pos, 0)
    end = start + len(rec.title) if pos >= 0 else 0
    rec.note(Evidence("title", rec.title, start, end, sure, rule))


def _prose_title(page: Page, found: str | None, other: str | None) -> tuple[str | None, str | None]:
    """A title named in running text instead of a missing or headline-like heading."""
    prose = prose_title.prose_titles(page.zone_text, _head_text(page))
    if not prose:
        return found, other
    best, score = prose[0]
    if found and layouts.under_a_date(page.zone, found):
        return _headline_title(prose, found, other)
    if _prose_wins(found, best, score):
        return best, None
    if found is None and score >= 2 and best == title.quoted_title(page.zone_text):
        return best, None
    return found, other


def _prose_wins(found: str | None, best: str, score: int) -> bool:
    """The text's title beats a weak heading, or a long one when named often."""
    if score >= 3 and _weak_heading(found, best):
        return True
    return score >= 4 and found is not None and len(found.split()) >= 4


def _headline_title(
    prose: list[tuple[str, int]], found: str, other: str | None
) -> tuple[str | None, str | None]:
    """Under a post's headline, the title the text names most (first among equals when it
    shares a word with the headline), when named often enough."""
    best, score = prose[0]
    if score < 3:
        return found, other
    ties = [t for t, n in prose if n == score and layouts.shares_a_word(found, t)]
    return (ties[0] if ties else best), None


def _head_text(page: Page) -> str:
    """The first three non-blank lines of the page's head."""
    return "\n".join([line for line, _ in page.zone if line.strip()][:3])


def _weak_heading(found: str | None, best: str) -> bool:
    """A heading reads like a news headline when long: six words, or twelve CJK characters;
    it is weak too when missing or when it holds the title named in the text."""
    return (
        found is None
        or layouts.names_a_festival(found)
        or len(found.split()) >= 6
        or sum(map(len, _CJK_ONLY.findall(found))) >= 12
        or best in found
    )


_TITLE_WITH_YEAR = re.compile(r"^[^()]{1,60}?\s?\((?:19|20)\d\d\)$")


def _heading_lines(page: Page) -> list[tuple[str, int]]:
    """The short lines of the page's head that could be its title, in order."""
    out = []
    seen = 0
    for line, offset in page.zone:
        s = line.strip()
        if not s:
            continue
        seen += 1
        if seen > 8:
            break
        if len(s) > 100:
            if title.is_glued_chrome(s):
                continue  # a run of menu words glued together, above the page's own text
            break
        if _holds_a_fact(line, offset, s):
            continue
        s = title.strip_site(s)
        if title.plausible_title(s) and not layouts.not_a_heading(s):
            out.append((s, offset))
    return out


def _holds_a_fact(line: str, offset: int, stripped: str) -> bool:
    """A label, a fact line, glued genres or a bare number: not a title."""
    return bool(
        parse_line(line, offset)
        or fact_line(stripped)
        or by_line(stripped)
        or kind.glued_genres(stripped)
        or stripped.isdigit()
    )


def _heading_title(rec: ExtractedRecord, page: Page) -> tuple[str | None, str | None, int | None]:
    """The title line of the page's head: a "Title (2002)" line first, then the first
    title-like line."""
    lines = _heading_lines(page)
    if not lines:
        return None, None, None
    chosen = next((s for s, _ in lines if _TITLE_WITH_YEAR.match(s)), None)
    chosen = chosen or _repeated_name(lines) or lines[0][0]
    found, other, year = title.split_heading(chosen)
    if other is None:
        other = _other_script_line(lines)
    for e in rec.festivals:
        if found.startswith(e.festival + " "):
            found = found[len(e.festival) + 1 :].strip()
    return found, other, year


_WINDOW_SEP = re.compile(r"\s[-–—|·:]\s|\s?[|｜]\s?")


def _repeated_name(lines: list[tuple[str, int]]) -> str | None:
    """The first part of a window title "X | Site" that the head repeats on a line of its own."""
    alone = {s.casefold() for s, _ in lines}
    for s, _ in lines:
        first, *rest = (p.strip() for p in _WINDOW_SEP.split(s, maxsplit=1))
        if rest and first.casefold() in alone and _same_script(first, rest[0]):
            return first  # (a title beside its other-script title is split by split_heading)
    return None


def _same_script(a: str, b: str) -> bool:
    return title.script_of(a) == title.script_of(b)


def _other_script_line(lines: list[tuple[str, int]]) -> str | None:
    """The line right under the first title-like line, when written in another script: the
    title in a second language ("바람의 집" over "The House of Wind")."""
    if len(lines) < 2 or lines[0][0] in lines[1][0] or lines[1][0] in lines[0][0]:
        return None
    (first, at), (second, next_at) = lines[0], lines[1]
    if next_at != at + len(first) + 1 and not _only_blank_between(first, at, next_at):
        return None
    if _same_script(first, second) or "latin" not in {
        title.script_of(first),
        title.script_of(second),
    }:
        return None
    # One Latin word under a title is more often a site's or a section's name than a title.
    return second if len(second) <= 60 and len(second.split()) + _cjk_count(second) >= 2 else None


def _cjk_count(text: str) -> int:
    return sum(map(len, _CJK_ONLY.findall(text)))


def _only_blank_between(first: str, at: int, next_at: int) -> bool:
    return next_at - (at + len(first)) <= 2


def _standalone_cjk(page: Page) -> str | None:
    for line, offset in page.zone:
        s = line.strip()
        if (
            1 < len(s) <= 15
            and _CJK_ONLY.fullmatch(s)
            and not parse_line(line, offset)
            and not fact_line(s)
            and not title.is_heading(s)
        ):
            return s
    return None
