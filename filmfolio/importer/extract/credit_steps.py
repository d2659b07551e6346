"""Steps filling a record's credits and directors: role labels, by-lines, headings, prose."""

from __future__ import annotations

import re

from . import credits as cr
from . import facts as fact_lines
from . import specs
from .credit_runs import credit_runs, role_parts
from .field_steps import _add, _apply_fact_line, _note
from .label_match import field_of
from .labels import Labelled
from .lexicon import is_country
from .page import Page
from .prose_roles import prose_roles
from .quantities import first_year
from .record import LIKELY, SURE, UNSURE, Credit, Evidence, ExtractedRecord


def _apply_credits(rec: ExtractedRecord, labelled: list[Labelled]) -> None:
    for lab in labelled:
        if not _is_credit(lab):
            continue
        for role in cr.split_roles(lab.label):
            is_director = field_of(role) == "credit:director" or (
                lab.field == "credit:director" and len(cr.split_roles(lab.label)) == 1
            )
            _apply_credit_names(rec, lab, role, is_director)


def _is_credit(lab: Labelled) -> bool:
    """A credit label, or a sound label whose value is no sound format (a sound designer)."""
    return lab.field.startswith("credit:") or (
        lab.field == "sound" and not specs.is_sound_format(lab.value)
    )


def _apply_credit_names(rec: ExtractedRecord, lab: Labelled, role: str, is_director: bool) -> None:
    """Credit each name of the label's value with ``role``; a value without names may be a
    production year."""
    names = cr.split_names(lab.value)
    if not names:
        _dated_credit(rec, lab)
    for name in names:
        _add_credit(rec, role, name, is_director)
        _note(rec, "credits", name, lab, SURE)
        if is_director:
            _note(rec, "directors", name, lab, SURE)


_BRACKETED_PART = re.compile(r"[(（]([^()（）]{2,30})[)）]")


def _dated_credit(rec: ExtractedRecord, lab: Labelled) -> None:
    """A production label holding a year, not people: "製作:2013年(日本)" (made in 2013, Japan)."""
    year = first_year(lab.value)
    if year is None or any(
        c.isalpha() for c in _BRACKETED_PART.sub("", lab.value).replace("年", "")
    ):
        return
    if rec.year is None:
        rec.year = year
        _note(rec, "year", year, lab, LIKELY)
    for part in _BRACKETED_PART.findall(lab.value):
        if is_country(part):
            _add(rec.countries, part.strip())
            _note(rec, "countries", part.strip(), lab, LIKELY)


def _add_credit(rec: ExtractedRecord, role: str, name: str, is_director: bool) -> None:
    if not any(c.role == role and c.name == name for c in rec.credits):
        rec.credits.append(Credit(role=role, name=name))
    if is_director:
        _add(rec.directors, name)


def _apply_credit_runs(rec: ExtractedRecord, page: Page) -> None:
    """Credit runs: "REGIE/PRODUCER A, B BUCH A" on one line without colons."""
    for line, offset in page.zone:
        for label, names in credit_runs(line):
            for role in role_parts(label):
                is_director = field_of(role) == "credit:director"
                for name in names:
                    _add_credit(rec, cr.role_text(role), name, is_director)
                    pos = offset + line.find(name)
                    rec.note(Evidence("credits", name, pos, pos + len(name), LIKELY, "credit run"))


def _apply_prose_credits(rec: ExtractedRecord, page: Page) -> None:
    for name, role, start, end in cr.bracketed_credits(page.zone_text):
        is_director = field_of(role) == "credit:director"
        if not any(c.name == name for c in rec.credits):
            _add_credit(rec, cr.role_text(role), name, is_director)
            rec.note(Evidence("credits", name, start, end, LIKELY, "prose"))
    for name, role, start, end in prose_roles(page.zone_text):
        if not any(c.name == name for c in rec.credits):
            _add_credit(rec, role, name, False)
            rec.note(Evidence("credits", name, start, end, UNSURE, "prose"))
    _apply_by_line(rec, page)
    if not rec.directors:
        _apply_prose_directors(rec, page)


def _apply_by_line(rec: ExtractedRecord, page: Page) -> None:
    """A by-line under the title: "de X", "di X, Italia, 2023, 18'"."""
    for line, offset in page.zone[:8]:
        found = cr.by_line(line)
        if found is None:
            continue
        names, rest = found
        if not rec.directors:
            for name in names:
                _add_credit(rec, "Director", name, True)
                rec.note(Evidence("directors", name, offset, offset + len(line), LIKELY, "by-line"))
        facts = fact_lines.fact_parts(rest)
        if facts:
            _apply_fact_line(rec, facts, (offset, offset + len(line)), True)
        break


def _apply_prose_directors(rec: ExtractedRecord, page: Page) -> None:
    """Directors named only in headings or running text."""
    for line, offset in page.lines:
        names = cr.bio_heading_directors(line)
        for name in names:
            _add_credit(rec, "Director", name, True)
            rec.note(Evidence("directors", name, offset, offset + len(line), LIKELY, "heading"))
    if rec.directors:
        return
    for name, role, start, end in cr.prose_directors(page.zone_text):
        if cr.clean_name(name):
            _add_credit(rec, role, name, True)
            rec.note(Evidence("directors", name, start, end, UNSURE, "prose"))
    if rec.directors:
        return
    found = cr.role_word_director(page.zone_text)
    if found:
        _add_credit(rec, "Director", found[0], True)
        rec.note(Evidence("directors", found[0], found[1], found[2], UNSURE, "prose"))
