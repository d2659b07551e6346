"""The card image a link to a film without a poster unfolds into: 1200×630 PNG with the title,
the year and directors, and the film's laurels (awards and selections).

``card_png`` draws (Pillow, with the fonts and line wrapping of ``core.drawing``);
``card_path`` stores one card per film version, drawn on first request (the view asks
``films.access`` first)."""

from __future__ import annotations

import io
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageDraw

from filmfolio.core.drawing import font as _font
from filmfolio.core.drawing import wrapped as _wrapped
from filmfolio.films.record import FilmRecord

from .jsonld import award_text
from .share import CARD_HEIGHT, CARD_WIDTH

MAX_LAURELS = 3
BACKGROUND = (24, 24, 27)
GOLD = (214, 178, 94)
WHITE = (250, 250, 250)
GREY = (190, 190, 196)
MARGIN = 72


def _facts(record: FilmRecord) -> str:
    """ "2012 · Zhu Shengze" (the year and the directors, those known)."""
    directors = ", ".join(p.display_name for p in record.directors)
    year = str(record.film.year) if record.film.year else ""
    return " · ".join(fact for fact in (year, directors) if fact)


def _is_award(entry: Any) -> bool:
    return bool(entry.award) or entry.is_award


def card_lines(record: FilmRecord) -> tuple[str, str, list[str]]:
    """(title, "year · directors", laurels) of the card: awards first, then selections."""
    entries = record.entries_in_festival_order
    ranked = sorted(entries, key=lambda entry: not _is_award(entry))  # stable: keeps the order
    laurels = [award_text(entry) for entry in ranked[:MAX_LAURELS]]
    return record.film.title, _facts(record), laurels


def card_png(title: str, facts: str, laurels: list[str]) -> bytes:
    """The card drawn as PNG bytes."""
    image = Image.new("RGB", (CARD_WIDTH, CARD_HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    width = CARD_WIDTH - 2 * MARGIN
    y = MARGIN
    title_font = _font(64, bold=True)
    for line in _wrapped(draw, title, title_font, width, 3):
        draw.text((MARGIN, y), line, font=title_font, fill=WHITE)
        y += 84
    if facts:
        facts_font = _font(34)
        draw.text(
            (MARGIN, y + 8),
            _wrapped(draw, facts, facts_font, width, 1)[0],
            font=facts_font,
            fill=GREY,
        )
    laurel_font = _font(30)
    y = CARD_HEIGHT - MARGIN - 44 * len(laurels)
    for laurel in laurels:
        draw.text(
            (MARGIN, y),
            _wrapped(draw, laurel, laurel_font, width, 1)[0],
            font=laurel_font,
            fill=GOLD,
        )
        y += 44
    draw.text((MARGIN, CARD_HEIGHT - 48), "Filmfolio", font=_font(24), fill=GREY)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def card_path(record: FilmRecord) -> str:
    """The stored card of the film's current version, drawn now if there is none yet."""
    film = record.film
    path = f"presskit/cards/{film.pk}-{film.updated_at:%Y%m%d%H%M%S%f}.png"
    if not default_storage.exists(path):
        default_storage.save(path, ContentFile(card_png(*card_lines(record))))
    return path
