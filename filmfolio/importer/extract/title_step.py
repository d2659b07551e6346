"""Deciding the title: a labelled title wins, then a heading line, an alias pair, a quoted
title, and last a film-marked handle confirmed by the page's words; a lone Chinese line beside a
Latin title becomes the original title."""

from __future__ import annotations

import re

from . import kind, title
from .facts import fact_line
from .labels import parse_line
from .page import Page
from .record import GUESSED, SURE, UNSURE, Evidence, ExtractedRecord

_CJK_ONLY = re.compile(r"[\u4e00-\u9fff]+")


def apply_title(rec: ExtractedRecord, page: Page, by_field: dict) -> None:
    labelled = [lab.value for lab in by_field.get("title", []) if lab.value]
    original = [lab.value for lab in by_field.get("original_title", []) if lab.value]
    alias = [lab.value for lab in by_field.get("alt_title", []) if lab.value]
    found, other, year = _heading_title(rec, page)
    for line, _ in page.zone[:15]:
        pair = title.alias_titles(line)
        if pair:
            found, other = pair
            break
    if not (labelled or original or alias):
        found, other = _prose_title(page, found, other)
    main = (labelled or original or alias or [found])[0]
    second = (original[0] if labelled and original else None) or other
    if main and other and main.casefold() == other.casefold():
        second = found
    if main is None:
        main = title.quoted_title(page.zone_text)
    rule, sure = "title", SURE if labelled else UNSURE
    if main is None:
        taken = [*rec.directors, *(c.name for c in rec.credits), *rec.genres, *rec.countries]
        taken.extend([*rec.languages, *(e.festival for e in rec.festivals)])
        main, rule, sure = title.handle_title(page.zone_text, taken), "handle", GUESSED
    if main:
        rec.title, rec.original_title = title.order_titles(main, second)
        pos = page.text.find(rec.title)
        rec.note(
            Evidence(
                "title",
                rec.title,
                max(pos, 0),
                max(pos, 0) + len(rec.title) if pos >= 0 else 0,
                sure,
                rule,
            )
        )
    if year and rec.year is None:
        rec.year = year
    if rec.title and not rec.original_title and title.script_of(rec.title) == "latin":
        rec.original_title = _standalone_cjk(page)


def _prose_title(page: Page, found: str | None, other: str | None) -> tuple[str | None, str | None]:
    """A title named in running text instead of a missing or headline-like heading."""
    head = "\n".join([line for line, _ in page.zone if line.strip()][:3])
    prose = title.prose_titles(page.zone_text, head)
    if not prose:
        return found, other
    best, score = prose[0]
    # A heading reads like a news headline when long: six words, or twelve CJK characters.
    weak_heading = (
        found is None
        or len(found.split()) >= 6
        or sum(map(len, _CJK_ONLY.findall(found))) >= 12
        or best in found
    )
    if (score >= 3 and weak_heading) or (score >= 4 and found and len(found.split()) >= 4):
        return best, None
    if found is None and score >= 2 and best == title.quoted_title(page.zone_text):
        return best, None
    return found, other


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
        if parse_line(line, offset) or fact_line(s) or kind.glued_genres(s) or s.isdigit():
            continue
        s = title.strip_site(s)
        if title.plausible_title(s):
            out.append((s, offset))
    return out


def _heading_title(rec: ExtractedRecord, page: Page) -> tuple[str | None, str | None, int | None]:
    """The title line of the page's head: a "Title (2002)" line first, then the first
    title-like line."""
    lines = _heading_lines(page)
    if not lines:
        return None, None, None
    chosen = next((s for s, _ in lines if _TITLE_WITH_YEAR.match(s)), None)
    found, other, year = title.split_heading(chosen or lines[0][0])
    for e in rec.festivals:
        if found.startswith(e.festival + " "):
            found = found[len(e.festival) + 1 :].strip()
    return found, other, year


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
