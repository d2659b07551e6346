"""Steps filling a record's plain fields: year, runtime, lists, specs and fact lines."""

from __future__ import annotations

import re
from collections.abc import Callable

from . import facts as fact_lines
from . import kind, specs
from .fact_group import first_group
from .facts import Facts, fact_line
from .labels import Labelled, parse_line
from .lead import lead_genres, lead_year
from .page import Page
from .prose_runtime import prose_runtime
from .quantities import first_year, labelled_runtime, runtime_minutes
from .record import LIKELY, SURE, UNSURE, Evidence, ExtractedRecord

_WITH_SUBTITLES = re.compile(r"(.+?)\s+with\s+(.+?)\s+subtitles?$", re.I)
_LIST_SPLIT = re.compile(r"\s*(?:,|;|\||、|/(?!\d))\s*")


def _note(rec: ExtractedRecord, field: str, value: object, lab: Labelled, conf: float) -> None:
    rec.note(Evidence(field, value, lab.start, lab.end, conf, f"label:{lab.label}"))


def _apply_scalars(rec: ExtractedRecord, by_field: dict[str, list[Labelled]]) -> None:
    for lab in by_field.get("year", []) + by_field.get("release_date", []):
        year = first_year(lab.value)
        if year and rec.year is None:
            rec.year = year
            _note(rec, "year", year, lab, SURE if lab.field == "year" else LIKELY)
    # "上映時間" is a running time in Japanese and a release date in Chinese: a value that is
    # only a running time is read as one, whatever the label said.
    timed = [lab for lab in by_field.get("release_date", []) if fact_lines.is_runtime(lab.value)]
    for lab in by_field.get("runtime", []) + timed:
        minutes = labelled_runtime(lab.value)
        if minutes and rec.runtime_minutes is None:
            rec.runtime_minutes = minutes
            _note(rec, "runtime_minutes", minutes, lab, SURE)


def _split_list(value: str) -> list[str]:
    out = []
    for part in _LIST_SPLIT.split(value):
        part = part.strip().strip(".")
        if " - " in part:
            part = part.split(" - ")[-1].strip()
        half = part[: len(part) // 2].strip()
        if half and part == f"{half} {half}":  # a flag's alt text before the name
            part = half
        if part and not specs.is_placeholder(part) and part not in out:
            out.append(part)
    return out


def _apply_lists(rec: ExtractedRecord, by_field: dict[str, list[Labelled]]) -> None:
    for field, target in (
        ("country", rec.countries),
        ("language", rec.languages),
        ("subtitles", rec.subtitles),
    ):
        for lab in by_field.get(field, []):
            for value in _split_list(lab.value):
                m = _WITH_SUBTITLES.match(value)
                if m and field == "language":
                    _add(rec.languages, m.group(1))
                    _add(rec.subtitles, m.group(2))
                else:
                    _add(target, value)
                _note(rec, _TARGET[field], value, lab, SURE)
    for lab in by_field.get("genre", []):
        for g in kind.genres_from_field(lab.value):
            _add(rec.genres, g)
            _note(rec, "genres", g, lab, SURE)
    for lab in by_field.get("type", []):
        for g in kind.genres_from_field(lab.value, type_field=True):
            _add(rec.genres, g)
            _note(rec, "genres", g, lab, LIKELY)


_TARGET = {"country": "countries", "language": "languages", "subtitles": "subtitles"}


def _add(target: list[str], value: str) -> None:
    if value and value.casefold() not in {v.casefold() for v in target}:
        target.append(value)


def _apply_specs(rec: ExtractedRecord, by_field: dict[str, list[Labelled]], page: Page) -> None:
    _apply_labelled_specs(rec, by_field)
    _apply_prose_specs(rec, page)
    _apply_spec_lines(rec, page)
    s = rec.specs
    bw = specs.prose_black_and_white(page.zone_text) if s.color is None else None
    if bw:
        s.color = "black and white"
        rec.note(Evidence("specs.color", s.color, bw[0], bw[1], UNSURE, "prose"))


def _apply_prose_specs(rec: ExtractedRecord, page: Page) -> None:
    """The shooting format and budget named in running text, when no label gave them."""
    s = rec.specs
    found = specs.prose_format(page.zone_text)
    if found and s.shooting_format is None:
        s.shooting_format, colour, start, end = found
        s.color = s.color or colour
        rec.note(Evidence("specs.shooting_format", found[0], start, end, LIKELY, "prose"))
    budget = specs.prose_budget(page.zone_text) if s.budget is None else None
    if budget:
        s.budget = budget[0]
        rec.note(Evidence("specs.budget", budget[0], budget[1], budget[2], LIKELY, "prose"))


def _apply_spec_lines(rec: ExtractedRecord, page: Page) -> None:
    """Specs still missing, from lines listing them ("35mm, colour, Dolby")."""
    s = rec.specs
    for line, offset in page.zone:
        for field, value in specs.spec_parts(line).items():
            if getattr(s, field) is None:
                setattr(s, field, specs.colour_of(value) if field == "color" else value)
                rec.note(
                    Evidence(f"specs.{field}", value, offset, offset + len(line), UNSURE, "line")
                )


def _spec_list(rec: ExtractedRecord, lab: Labelled) -> Labelled:
    """A format value listing several specs ("DCP, 1.85:1, Farbe, Dolby 5.1") fills each one;
    what is left for the format is its capture format part, if it names one."""
    parts = specs.spec_parts(lab.value)
    if len(parts) < 2 and not (parts and "shooting_format" not in parts):
        return lab
    for field, value in parts.items():
        if field != "shooting_format" and getattr(rec.specs, field) is None:
            setattr(rec.specs, field, specs.colour_of(value) if field == "color" else value)
            _note(rec, f"specs.{field}", value, lab, LIKELY)
    fmt = parts.get("shooting_format", "")
    return Labelled(lab.field, lab.label, fmt, lab.start, lab.end)


def _is_stated(value: str) -> bool:
    return not specs.is_placeholder(value)


def _first_stated(
    rec: ExtractedRecord, labs: list[Labelled], field: str, accept: Callable[[str], bool]
) -> None:
    """Set spec `field` from the first labelled value `accept` takes, unless it is already set."""
    for lab in labs:
        if getattr(rec.specs, field) is None and accept(lab.value):
            setattr(rec.specs, field, lab.value)
            _note(rec, f"specs.{field}", lab.value, lab, SURE)


def _apply_labelled_specs(rec: ExtractedRecord, by_field: dict[str, list[Labelled]]) -> None:
    s = rec.specs
    formats = [_spec_list(rec, lab) for lab in by_field.get("shooting_format", [])]
    _first_stated(rec, formats, "shooting_format", _is_stated)
    for lab in by_field.get("aspect_ratio", []):
        s.aspect_ratio = s.aspect_ratio or specs.aspect_ratio(lab.value)
    _first_stated(rec, by_field.get("sound", []), "sound", specs.is_sound_format)
    for lab in by_field.get("color", []):
        s.color = s.color or specs.colour_of(lab.value)
    _first_stated(rec, by_field.get("budget", []), "budget", _is_stated)


_PAREN_RUNTIME = re.compile(r"\((\d{1,3}\s*(?:分钟|分鐘|min\.?|mins|minutes))\)")


_LINE_PARTS = re.compile(r"\s*(?:,|\||·|•|/|–|—)\s*")
_TITLE_YEAR = re.compile(r"\S\s?\(((?:19|20)\d\d)\)\s*$")


def _runtime_part(rec: ExtractedRecord, page: Page) -> None:
    """A running time standing as one part of a short line ("Panorama, 77', Cinéma 1")."""
    for line, offset in page.zone[:40]:
        if len(line) > 120:
            continue
        for part in _LINE_PARTS.split(line.strip()):
            if fact_lines.is_runtime(part):
                rec.runtime_minutes = runtime_minutes(part)
                rec.note(
                    Evidence(
                        "runtime_minutes",
                        rec.runtime_minutes,
                        offset,
                        offset + len(line),
                        UNSURE,
                        "line part",
                    )
                )
                return


def _title_year(rec: ExtractedRecord, page: Page) -> None:
    """The year of a "Title (2016)" line near the top of the page."""
    for line, offset in page.zone[:12]:
        m = _TITLE_YEAR.search(line.strip()) if len(line) < 100 else None
        if m:
            rec.year = int(m.group(1))
            rec.note(Evidence("year", rec.year, offset, offset + len(line), LIKELY, "title (year)"))
            return


def _apply_facts(rec: ExtractedRecord, page: Page, by_field: dict) -> None:
    m = _PAREN_RUNTIME.search(page.zone_text)
    if m and rec.runtime_minutes is None:
        rec.runtime_minutes = runtime_minutes(m.group(1))
        rec.note(
            Evidence("runtime_minutes", rec.runtime_minutes, m.start(1), m.end(1), UNSURE, "prose")
        )
    if rec.runtime_minutes is None:
        _runtime_part(rec, page)
    if rec.runtime_minutes is None:
        _prose_runtime(rec, page)
    if rec.year is None:
        _title_year(rec, page)
    has_genre_field = bool(by_field.get("genre"))
    _apply_lead(rec, page, has_genre_field)
    for line, offset in page.zone:
        if parse_line(line, offset):
            continue
        facts = fact_line(line)
        if facts is None:
            for g in kind.glued_genres(line):
                _add(rec.genres, g)
            continue
        _apply_fact_line(rec, facts, (offset, offset + len(line)), has_genre_field)
    _apply_group(rec, page, has_genre_field)


def _prose_runtime(rec: ExtractedRecord, page: Page) -> None:
    """A running time stated in prose beside a film word ("a 13-minute documentary")."""
    found = prose_runtime(page.zone_text)
    if found:
        rec.runtime_minutes = found[0]
        rec.note(Evidence("runtime_minutes", found[0], found[1], found[2], UNSURE, "prose"))


def _apply_group(rec: ExtractedRecord, page: Page, genre_field: bool) -> None:
    """The facts in brackets after the title ("X (Sweden, 2021, 58 min)"), when no country is
    known yet (a page with its own fact block has told them already)."""
    group = first_group(page.zone_text)
    if group and not rec.countries:
        _apply_fact_line(rec, group.facts, (group.start, group.end), genre_field)


def _apply_lead(rec: ExtractedRecord, page: Page, genre_field: bool) -> None:
    """The year and genres an article's lead sentence states, when nothing else gave them."""
    found = lead_year(page.zone_text) if rec.year is None else None
    if found:
        rec.year = found[0]
        rec.note(Evidence("year", rec.year, found[1], found[2], LIKELY, "lead sentence"))
    if not genre_field and not rec.genres:
        rec.genres.extend(lead_genres(page.zone_text))


def _apply_fact_line(
    rec: ExtractedRecord, facts: Facts, span: tuple[int, int], genre_field: bool
) -> None:
    """Fill what is still empty from one unlabelled fact line ("2019 | 12 min | France")."""
    _fact_year(rec, facts, span)
    if facts.runtime and rec.runtime_minutes is None:
        rec.runtime_minutes = facts.runtime
        rec.note(Evidence("runtime_minutes", facts.runtime, *span, LIKELY, "fact line"))
    for values, target in (
        (facts.countries, rec.countries),
        (facts.languages, rec.languages),
        (facts.subtitles, rec.subtitles),
    ):
        for v in values:
            _add(target, v)
    if not genre_field:
        for g in facts.genres:
            _add(rec.genres, g)
            rec.note(Evidence("genres", g, *span, UNSURE, "fact line"))


def _fact_year(rec: ExtractedRecord, facts: Facts, span: tuple[int, int]) -> None:
    """The fact line's year, when none is known or it is earlier than a labelled release."""
    # A release or premiere date gives way to an earlier production year ("2004年製作" beside a
    # release on 2005-06-04): the film's year is its first one.
    released = rec.year is not None and any(
        ev.field == "year" and ev.rule.startswith("label:") and ev.confidence < SURE
        for ev in rec.evidence
    )
    if facts.year and (rec.year is None or (released and facts.year < rec.year)):
        rec.year = facts.year
        rec.note(Evidence("year", facts.year, *span, LIKELY, "fact line"))
