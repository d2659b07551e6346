"""`extract_record`: the pure pipeline from page text (or bytes) to an ExtractedRecord."""

from __future__ import annotations

import re
from collections.abc import Callable

from . import credits as cr
from . import facts as fact_lines
from . import festivals as fe
from . import kind, labels, specs
from .clean import clean_text, is_chrome
from .decode import decode_bytes
from .facts import Facts, fact_line
from .labels import Labelled, field_of, parse_line, parse_spaced
from .lexicon import is_country, is_language
from .page import Page
from .quantities import first_year, full_date, labelled_runtime, runtime_minutes
from .record import LIKELY, SURE, UNSURE, Credit, Evidence, ExtractedRecord
from .synopsis import synopsis_present
from .title_step import apply_title

_WITH_SUBTITLES = re.compile(r"(.+?)\s+with\s+(.+?)\s+subtitles?$", re.I)
_LIST_SPLIT = re.compile(r"\s*(?:,|;|\||、|/(?!\d))\s*")
_NAME_LINE = re.compile(r"^[A-ZА-ЯЁ\u4e00-\u9fff][^.:;!?|]{1,48}$")


def extract_record(data: str | bytes) -> ExtractedRecord:
    """The film record a page states; never raises, problems become warnings."""
    rec = ExtractedRecord()
    # Line caches serve the steps of one page; a page never profits from another page's lines,
    # so the cost measured per page is the real one.
    for module in (fe, labels, fact_lines):
        module.clear_caches()
    if isinstance(data, bytes):
        data, warning = decode_bytes(data)
        if warning:
            rec.warnings.append(warning)
    cleaned, warnings = clean_text(data or "")
    rec.warnings.extend(warnings)
    if not cleaned.strip():
        return rec
    page = Page(cleaned)
    try:
        _analyse(rec, page)
    except Exception as exc:  # a bad page must never break an import
        rec.warnings.append(f"extraction stopped early: {type(exc).__name__}")
    return rec


def _analyse(rec: ExtractedRecord, page: Page) -> None:
    labelled = labelled_values(page)
    by_field: dict[str, list[Labelled]] = {}
    for lab in labelled:
        by_field.setdefault(lab.field, []).append(lab)
    _apply_scalars(rec, by_field)
    _apply_lists(rec, by_field)
    _apply_credits(rec, labelled)
    _apply_specs(rec, by_field, page)
    _apply_facts(rec, page, by_field)
    _apply_prose_credits(rec, page)
    _apply_festivals(rec, page)
    apply_title(rec, page, by_field)
    _apply_type(rec, page, by_field)
    paragraphs = [line for line, _ in page.zone if line.strip()]
    rec.synopsis_present = synopsis_present(
        paragraphs, [lab.value for lab in by_field.get("synopsis", [])]
    )


def labelled_values(page: Page) -> list[Labelled]:
    """Labelled values with next-line values and name lists continued on following lines."""
    out: list[Labelled] = []
    lines = page.zone
    spaced = _spaced_block(lines)
    i = 0
    while i < len(lines):
        line, offset = lines[i]
        lab = parse_line(line, offset) or spaced.get(i)
        i += 1
        segments = _segments(line, offset) if lab is None or lab.value else []
        if len(segments) >= 2 or (lab is None and segments):
            out.extend(segments)
            continue
        if lab is None:
            continue
        if not lab.value and i < len(lines):
            i = _read_next_value(lines, i, lab, out)
            lab = out.pop()
        out.append(lab)
        while lab.field in _NAME_LISTS and lab.value and i < len(lines):
            nxt, noff = lines[i]
            known = is_country if lab.field == "country" else is_language
            if not known(nxt) or parse_line(nxt, noff):
                break
            start = noff + nxt.find(nxt.strip())
            out.append(Labelled(lab.field, lab.label, nxt.strip(), start, start + len(nxt.strip())))
            i += 1
        while lab.field.startswith("credit:") and lab.value and i < len(lines):
            nxt, noff = lines[i]
            if (
                not _NAME_LINE.match(nxt.strip())
                or parse_line(nxt, noff)
                or i in spaced
                or fact_line(nxt)
            ):
                break
            start = noff + nxt.find(nxt.strip())
            out.append(Labelled(lab.field, lab.label, nxt.strip(), start, start + len(nxt.strip())))
            i += 1
    return out


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
    if len(line) > 200 or not ("/" in line or "|" in line) or not (":" in line or "：" in line):
        return []
    parts = _SEGMENT_SPLIT.split(line)
    if len(parts) < 2:
        return []
    found = []
    pos = 0
    for part in parts:
        start = line.find(part, pos)
        pos = start + len(part)
        lab = parse_line(part, offset + start) if ":" in part or "：" in part else None
        if lab is not None and lab.value:
            found.append(lab)
    return found


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


def _apply_credits(rec: ExtractedRecord, labelled: list[Labelled]) -> None:
    for lab in labelled:
        if not lab.field.startswith("credit:") and not (
            lab.field == "sound" and not specs.is_sound_format(lab.value)
        ):
            continue
        for role in cr.split_roles(lab.label):
            is_director = field_of(role) == "credit:director" or (
                lab.field == "credit:director" and len(cr.split_roles(lab.label)) == 1
            )
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


def _apply_specs(rec: ExtractedRecord, by_field: dict[str, list[Labelled]], page: Page) -> None:
    _apply_labelled_specs(rec, by_field)
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
    for line, offset in page.zone:
        for field, value in specs.spec_parts(line).items():
            if getattr(s, field) is None:
                setattr(s, field, specs.colour_of(value) if field == "color" else value)
                rec.note(
                    Evidence(f"specs.{field}", value, offset, offset + len(line), UNSURE, "line")
                )
    bw = specs.prose_black_and_white(page.zone_text) if s.color is None else None
    if bw:
        s.color = "black and white"
        rec.note(Evidence("specs.color", s.color, bw[0], bw[1], UNSURE, "prose"))


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
    _first_stated(rec, by_field.get("shooting_format", []), "shooting_format", _is_stated)
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
    if rec.year is None:
        _title_year(rec, page)
    has_genre_field = bool(by_field.get("genre"))
    for line, offset in page.zone:
        if parse_line(line, offset):
            continue
        facts = fact_line(line)
        if facts is None:
            for g in kind.glued_genres(line):
                _add(rec.genres, g)
            continue
        _apply_fact_line(rec, facts, (offset, offset + len(line)), has_genre_field)


def _apply_fact_line(
    rec: ExtractedRecord, facts: Facts, span: tuple[int, int], genre_field: bool
) -> None:
    """Fill what is still empty from one unlabelled fact line ("2019 | 12 min | France")."""
    # A release or premiere date gives way to an earlier production year ("2004年製作" beside a
    # release on 2005-06-04): the film's year is its first one.
    released = rec.year is not None and any(
        ev.field == "year" and ev.rule.startswith("label:") and ev.confidence < SURE
        for ev in rec.evidence
    )
    if facts.year and (rec.year is None or (released and facts.year < rec.year)):
        rec.year = facts.year
        rec.note(Evidence("year", facts.year, *span, LIKELY, "fact line"))
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


def _apply_prose_credits(rec: ExtractedRecord, page: Page) -> None:
    for name, role, start, end in cr.bracketed_credits(page.zone_text):
        is_director = field_of(role) == "credit:director"
        if not any(c.name == name for c in rec.credits):
            _add_credit(rec, cr.role_text(role), name, is_director)
            rec.note(Evidence("credits", name, start, end, LIKELY, "prose"))
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


def _apply_festivals(rec: ExtractedRecord, page: Page) -> None:
    entries = []
    for sentence in fe.sentences(page.zone_text):
        entries.extend(fe.sentence_entries(sentence))
    entries.extend(fe.list_entries([line for line, _ in page.zone]))
    entries.extend(fe.chinese_entries(page.zone_text))
    rec.festivals = fe.merge_entries(entries)
    found = [full_date(line) for line, _ in page.zone[:12] if len(line.strip()) < 30]
    dates = [d[0] for d in found if d]
    undated = [e for e in rec.festivals if e.date is None and e.result == "selection"]
    if len(dates) == 1 and len(undated) == 1 and undated[0].year == int(dates[0][:4]):
        undated[0].date = dates[0]
    for e in rec.festivals:
        pos = page.text.find(e.festival)
        if pos >= 0:
            rec.note(Evidence("festivals", e.festival, pos, pos + len(e.festival), LIKELY, "prose"))


def _apply_type(rec: ExtractedRecord, page: Page, by_field: dict) -> None:
    words = [lab.value for f in ("type", "genre") for lab in by_field.get(f, [])]
    words.extend(rec.genres)
    for line, _ in page.zone:
        facts = fact_line(line)
        if facts:
            words.extend(facts.genres)
    synopsis = next((lab.value for lab in by_field.get("synopsis", [])), "")
    rec.type = kind.decide_type(words, page.zone_text, synopsis, rec.runtime_minutes)
