"""The card image a link to a film without a poster unfolds into: 1200×630 PNG with the title,
the year and directors, and the film's laurels (awards and selections).

``card_png`` draws (Pillow, fonts from Debian's fonts-noto-cjk so Chinese titles show, else
Pillow's own font); ``card_path`` stores one card per film version, drawn on first request
(the view asks ``films.access`` first)."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageDraw, ImageFont

from filmfolio.films.record import FilmRecord

from .jsonld import award_text
from .share import CARD_HEIGHT, CARD_WIDTH

FONT_DIR = Path("/usr/share/fonts/opentype/noto")
# Noto Sans CJK collections: face 2 is Simplified Chinese (its Latin glyphs are the same).
FONT_INDEX = 2
MAX_LAURELS = 3
BACKGROUND = (24, 24, 27)
GOLD = (214, 178, 94)
WHITE = (250, 250, 250)
GREY = (190, 190, 196)
MARGIN = 72


def _font(size: int, *, bold: bool = False) -> Any:
    path = FONT_DIR / ("NotoSansCJK-Bold.ttc" if bold else "NotoSansCJK-Regular.ttc")
    if path.exists():
        return ImageFont.truetype(str(path), size=size, index=FONT_INDEX)
    return ImageFont.load_default(size=size)


# A wrapping unit: one CJK character, a run of spaces, or a word of other characters.
_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
_UNITS = re.compile(f"[{_CJK}]|\\s+|[^\\s{_CJK}]+")


def _units(draw: Any, text: str, font: Any, width: int) -> list[str]:
    """``text`` cut where a line may break; a word wider than a line is cut into characters."""
    units: list[str] = []
    for unit in _UNITS.findall(text):
        units.extend(unit if draw.textlength(unit, font=font) > width else [unit])
    return units


def _wrapped(draw: Any, text: str, font: Any, width: int, max_lines: int) -> list[str]:
    """``text`` in lines no wider than ``width`` (between words, and between Chinese
    characters), the last one ending in "…" when it is cut."""
    lines, line = [], ""
    for unit in _units(draw, text, font, width):
        if line.strip() and draw.textlength(line + unit, font=font) > width:
            lines.append(line.rstrip())
            line = unit.lstrip()
        else:
            line += unit
    lines.append(line.rstrip())
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and draw.textlength(last + "…", font=font) > width:
            last = last[:-1]
        lines[-1] = last.rstrip() + "…"
    return lines


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
