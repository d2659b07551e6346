"""A page's text prepared for review: the draft record, and the words each value came from.

`review_for(data)` runs the extractor on pasted text or uploaded bytes and returns a `Review`:
the cleaned text (kept in the form so the review can be shown again), the draft in
`FilmRecord` form (`draft.py`), the source snippet of every value the extractor can point to,
the fields whose values are inferred or unsure, and the warnings to show. Pure: no database.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from .draft import FILM_WORDS, Draft, draft_from_gold, mark_film_likeness
from .extract import extract_record
from .extract.clean import clean_text, html_to_text, looks_like_html
from .extract.decode import decode_bytes
from .extract.record import SURE, Evidence, ExtractedRecord
from .fetch import FetchedPage
from .structured import main_text, merge_structured, structured_facts
from .texts import page_texts

CONTEXT_CHARS = 40

# Evidence field -> form field of the review form.
FORM_FIELDS = {
    "title": "title",
    "year": "year",
    "runtime_minutes": "runtime_minutes",
    "genres": "genres",
    "countries": "countries",
    "languages": "languages",
    "subtitles": "subtitles",
    "specs.shooting_format": "shooting_format",
    "specs.sound": "sound",
    "specs.budget": "budget",
}
# Gold fields the page's structured data may give -> form field.
STRUCTURED_FIELDS = {
    "title": "title",
    "year": "year",
    "runtime_minutes": "runtime_minutes",
    "genres": "genres",
    "countries": "countries",
    "languages": "languages",
}


@dataclass(frozen=True)
class Snippet:
    """The words a value came from, with a little text on either side (all plain text)."""

    before: str
    words: str
    after: str


@dataclass
class Review:
    """What the review form shows for one page."""

    source: str
    draft: Draft
    snippets: dict[str, list[Snippet]] = field(default_factory=dict)
    credit_snippets: dict[str, Snippet] = field(default_factory=dict)
    festival_snippets: dict[str, Snippet] = field(default_factory=dict)
    unsure: set[str] = field(default_factory=set)
    warnings: list[str] = field(default_factory=list)
    source_url: str = ""
    # Form fields whose values come from the page's schema.org / Open Graph data.
    structured: set[str] = field(default_factory=set)

    @property
    def is_empty(self) -> bool:
        return not self.source.strip()


def review_for(data: str | bytes) -> Review:
    """Extract a page (text or bytes) and prepare its review."""
    text, warnings = _decoded(data)
    html = text if looks_like_html(text) else ""
    return _review(text, text, warnings, html=html)


def review_for_fetched(page: FetchedPage) -> Review:
    """Prepare the review of a fetched page: its structured data first, then the text rules
    on its main text (trafilatura), or on the whole page when that finds too little."""
    text, warnings = _decoded(page.body)
    if page.content_type == "text/plain":
        review = _review(text, text, warnings, html="")
    else:
        plain = html_to_text(text)
        review = _review(plain, main_text(text) or plain, warnings, html=text)
    review.source_url = page.url
    return review


def _decoded(data: str | bytes) -> tuple[str, list[str]]:
    if not isinstance(data, bytes):
        return data, []
    text, problem = decode_bytes(data)
    return text, [_plain_warning(problem)] if problem else []


def _review(page: str, rules_text: str, warnings: list[str], *, html: str) -> Review:
    """The review of ``page`` whose text rules read ``rules_text`` (the same page, or its
    main text) and whose structured data is read from ``html`` (if it is HTML)."""
    cleaned, _cleaning_warnings = clean_text(rules_text)
    record = extract_record(rules_text)
    gold = record.to_gold_dict()
    facts = structured_facts(html) if html else {}
    taken = merge_structured(gold, facts)
    gold["is_movie"] = facts.get("is_movie", False)
    gold["mentions_film"] = bool(FILM_WORDS.search(cleaned))
    draft = draft_from_gold(gold)
    review = Review(source=cleaned, draft=draft, warnings=warnings)
    review.structured = {STRUCTURED_FIELDS[k] for k in taken if k in STRUCTURED_FIELDS}
    if not cleaned.strip():
        review.warnings.append(_("The page has no text we could read; the draft is empty."))
        return review
    mark_film_likeness(draft, gold)
    draft.texts = [asdict(t) for t in page_texts(page, fallback_synopsis=facts.get("synopsis", ""))]
    review.warnings += draft.warnings
    _collect_snippets(review, record, cleaned)
    review.unsure |= {t["kind"] for t in draft.texts if t["guessed"] or not t["language"]}
    return review


def _plain_warning(problem: str) -> str:
    if problem.startswith("binary"):
        return _("This file is not text (it looks like a picture, a PDF or a program).")
    if problem.startswith("unknown encoding"):
        return _("We could not tell how this file's text is encoded; some letters may be wrong.")
    return problem


def _collect_snippets(review: Review, record: ExtractedRecord, text: str) -> None:
    for ev in record.evidence:
        if ev.end <= ev.start or ev.end > len(text):
            continue
        _keep_snippet(review, ev, _snippet(text, ev.start, ev.end))
        if ev.confidence < SURE and ev.field in FORM_FIELDS:
            review.unsure.add(FORM_FIELDS[ev.field])
    if record.type is not None:
        review.unsure.add("kind")  # decided from words and running time, never copied


def _keep_snippet(review: Review, ev: Evidence, snippet: Snippet) -> None:
    """File the snippet under the credit, festival or form field its evidence is for."""
    if ev.field in ("credits", "directors"):
        review.credit_snippets.setdefault(str(ev.value), snippet)
    elif ev.field == "festivals":
        review.festival_snippets.setdefault(str(ev.value), snippet)
    elif ev.field in FORM_FIELDS:
        name = FORM_FIELDS[ev.field]
        if snippet not in review.snippets.get(name, []):
            review.snippets.setdefault(name, []).append(snippet)


def _snippet(text: str, start: int, end: int) -> Snippet:
    before = text[max(0, start - CONTEXT_CHARS) : start]
    after = text[end : end + CONTEXT_CHARS]
    before = ("…" + before.split("\n")[-1]) if "\n" in before else before
    after = (after.split("\n")[0] + "…") if "\n" in after else after
    return Snippet(before=before, words=text[start:end], after=after)


def initial_values(draft: Draft) -> dict[str, Any]:
    """Initial data of the main review form, from the draft."""
    values = draft.values
    languages = values.get("languages") or []
    titles = values.get("titles") or []
    return {
        "title": values.get("title", ""),
        "original_title": titles[0]["text"] if titles else "",
        "year": values.get("year"),
        "runtime_minutes": values.get("runtime_minutes"),
        "kind": values.get("kind") or "",
        "genres": ", ".join(values.get("genres") or []),
        "countries": ", ".join(c["country"] for c in values.get("countries") or []),
        "languages": _language_text(languages, "original"),
        "subtitles": _language_text(languages, "subtitle"),
        **_spec_values(values),
    }


def _spec_values(values: dict[str, Any]) -> dict[str, Any]:
    """The review form's spec and budget fields from the draft's values."""
    specs = values.get("specs") or {}
    budget = values.get("budget") or {}
    return {
        "shooting_format": specs.get("shooting_format", ""),
        "sound": specs.get("sound", ""),
        "aspect_ratio": specs.get("aspect_ratio", ""),
        "color": specs.get("color") or "",
        "budget": budget.get("as_stated", ""),
    }


def text_initial(draft: Draft) -> dict[str, str]:
    """The review form's text fields (synopsis, logline, statement, biography) from the draft."""
    out: dict[str, str] = {}
    for text in draft.texts:
        out[text["kind"]] = text["body"]
        out[f"{text['kind']}_language"] = text["language"]
    return out


def _language_text(languages: list[dict[str, str]], role: str) -> str:
    return ", ".join(x["label"] or x["language"] for x in languages if x["role"] == role)


def credit_initial(draft: Draft) -> list[dict[str, Any]]:
    """Initial rows of the credits formset."""
    return [
        {"name": c["person"]["name"], "role": c["role"], "credited_as": c["credited_as"]}
        for c in draft.values.get("credits") or []
    ]


def festival_initial(draft: Draft) -> list[dict[str, Any]]:
    """Initial rows of the festival entries formset."""
    keys = ("festival", "edition", "year", "section", "award", "result", "date")
    return [{k: e.get(k) for k in keys} for e in draft.values.get("festivals") or []]
