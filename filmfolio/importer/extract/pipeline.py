"""`extract_record`: the pure pipeline from page text (or bytes) to an ExtractedRecord."""

from __future__ import annotations

from . import facts as fact_lines
from . import festival_lists, kind, labels
from . import festivals as fe
from .cjk_fact_run import apply_glued_facts, glued_label_lines
from .clean import clean_text
from .credit_steps import _apply_credit_runs, _apply_credits, _apply_prose_credits
from .decode import decode_bytes
from .facts import fact_line
from .festival_cjk import chinese_entries
from .festival_ja import japanese_entries
from .field_steps import _apply_facts, _apply_lists, _apply_scalars, _apply_specs
from .film_years import apply_film_years
from .known_values import apply_nationalities, known_value_lines
from .labelled_lines import labelled_values
from .labels import Labelled
from .page import Page
from .quantities import full_date
from .record import LIKELY, Evidence, ExtractedRecord
from .synopsis import synopsis_present
from .title_step import apply_title


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
    labelled.extend(glued_label_lines(page))
    labelled.extend(known_value_lines(page))
    by_field: dict[str, list[Labelled]] = {}
    for lab in labelled:
        by_field.setdefault(lab.field, []).append(lab)
    _apply_scalars(rec, by_field)
    _apply_lists(rec, by_field)
    _apply_credits(rec, labelled)
    _apply_credit_runs(rec, page)
    _apply_specs(rec, by_field, page)
    _apply_facts(rec, page, by_field)
    apply_glued_facts(rec, page, bool(by_field.get("genre")))
    apply_nationalities(rec, page)
    _apply_prose_credits(rec, page)
    _apply_festivals(rec, page)
    apply_title(rec, page, by_field)
    apply_film_years(rec, page.zone_text)
    _apply_type(rec, page, by_field)
    paragraphs = [line for line, _ in page.zone if line.strip()]
    rec.synopsis_present = synopsis_present(
        paragraphs, [lab.value for lab in by_field.get("synopsis", [])]
    )


def _apply_festivals(rec: ExtractedRecord, page: Page) -> None:
    entries = []
    for sentence in fe.sentences(page.zone_text):
        entries.extend(fe.sentence_entries(sentence))
    lines = [line for line, _ in page.zone]
    entries.extend(fe.list_entries(lines))
    entries.extend(festival_lists.list_entries(lines))
    entries.extend(chinese_entries(page.zone_text))
    entries.extend(japanese_entries(page.zone_text))
    rec.festivals = fe.merge_entries(entries)
    _date_the_selection(rec, page)
    for e in rec.festivals:
        pos = page.text.find(e.festival)
        if pos >= 0:
            rec.note(Evidence("festivals", e.festival, pos, pos + len(e.festival), LIKELY, "prose"))


def _date_the_selection(rec: ExtractedRecord, page: Page) -> None:
    """A page dated once in its head, with one undated selection of that year: that date."""
    dates = _head_dates(page)
    undated = [e for e in rec.festivals if e.date is None and e.result == "selection"]
    if len(dates) == 1 and len(undated) == 1 and undated[0].year == int(dates[0][:4]):
        undated[0].date = dates[0]


def _head_dates(page: Page) -> list[str]:
    """The full dates standing alone on short lines of the page's head."""
    found = [full_date(line) for line, _ in page.zone[:12] if len(line.strip()) < 30]
    return [d[0] for d in found if d]


def _apply_type(rec: ExtractedRecord, page: Page, by_field: dict) -> None:
    words = [lab.value for f in ("type", "genre") for lab in by_field.get(f, [])]
    words.extend(rec.genres)
    for line, _ in page.zone:
        facts = fact_line(line)
        if facts:
            words.extend(facts.genres)
    synopsis = next((lab.value for lab in by_field.get("synopsis", [])), "")
    rec.type = kind.decide_type(words, page.zone_text, synopsis, rec.runtime_minutes)
