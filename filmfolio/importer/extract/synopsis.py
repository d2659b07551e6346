"""Whether the page describes the film's content: a synopsis field, a logline or story prose."""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"[.!?]")
_LOGLINE = re.compile(
    r"^[\"“]?(?:A|An)\s+(?:\w+\s+)?(?:film|documentary|story|movie|portrait)\s+about\s+\S+(?:\s+\S+){2,}",
)
_PRODUCTION = re.compile(
    r"post-production|pre-production|\bbudget\b|\bcrew\b|\bshooting\b|\bcasting\b|\bedited\b|"
    r"final project|\bthesis\b|\bBFA\b|\bMFA\b|\bhandheld\b|\btakes\b|\bexposure\b|"
    r"\blighting\b|\bfilmstock\b|\bphotographed\b|\bsessions\b|\bscript\b|\bshot\b",
    re.I,
)
_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")  # kana, han, hangul
MIN_PROSE = 160
MIN_CJK_PROSE = 60


def is_prose(paragraph: str) -> bool:
    """A long run of sentences (not a list of labels)."""
    p = paragraph.strip()
    if len(p) >= MIN_CJK_PROSE and not p.isascii() and _count(_CJK, p, MIN_CJK_PROSE):
        return True
    return len(p) >= MIN_PROSE and p.count(" ") >= 20 and bool(_SENTENCE_END.search(p))


# First-person words: a maker writing about the work ("I", "my", "we", "je", "ich", "我").
_FIRST_PERSON = re.compile(
    r"\b(?:I|I'm|I’m|I've|I’ve|my|we|our|je|j'|j’|mon|ma|mes|nous|ich|mein|meine|wir|unser|yo|"
    r"mi|nosotros|nuestro|io|il mio|noi|eu|meu|minha|nós|ik|mijn|wij)\b|我|我們|我们",
)


def is_production_note(paragraph: str) -> bool:
    """Prose about making the film rather than about its content, or a maker's first-person
    account of it (a blog post about a festival selection is no synopsis)."""
    return _count(_PRODUCTION, paragraph, 3) or _count(_FIRST_PERSON, paragraph, 3)


def _count(rx: re.Pattern, text: str, enough: int) -> bool:
    """Whether the pattern occurs at least `enough` times (the search stops there)."""
    return any(n >= enough for n, _ in enumerate(rx.finditer(text), 1))


def synopsis_present(paragraphs: list[str], labelled: list[str]) -> bool:
    """True when the page describes the film's content or story."""
    if any(len(v.strip()) >= 20 for v in labelled):
        return True
    if any(_LOGLINE.match(p.strip()) for p in paragraphs[:3]):
        return True
    return any(is_prose(p) and not is_production_note(p) for p in paragraphs)
