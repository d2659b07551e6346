"""Text for images the project draws with Pillow (the share card, laurels): the fonts of
Debian's fonts-noto-cjk (so Chinese shows; Pillow's own font when they are missing) and lines
wrapped to a width between words and between Chinese characters."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PIL import ImageFont

FONT_DIR = Path("/usr/share/fonts/opentype/noto")
# Noto Sans CJK collections: face 2 is Simplified Chinese (its Latin glyphs are the same).
FONT_INDEX = 2
# The family an SVG names for the same face.
FONT_FAMILY = '"Noto Sans CJK SC", "Noto Sans", "DejaVu Sans", sans-serif'


def font(size: int, *, bold: bool = False) -> Any:
    """Noto Sans CJK SC at ``size`` pixels (bold or regular), else Pillow's own font."""
    path = FONT_DIR / ("NotoSansCJK-Bold.ttc" if bold else "NotoSansCJK-Regular.ttc")
    if path.exists():
        return ImageFont.truetype(str(path), size=size, index=FONT_INDEX)
    return ImageFont.load_default(size=size)


# A wrapping unit: one CJK character, a run of spaces, or a word of other characters.
_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
_UNITS = re.compile(f"[{_CJK}]|\\s+|[^\\s{_CJK}]+")
CJK_CHARACTER = re.compile(f"[{_CJK}]")


def _units(draw: Any, text: str, face: Any, width: int) -> list[str]:
    """``text`` cut where a line may break; a word wider than a line is cut into characters."""
    units: list[str] = []
    for unit in _UNITS.findall(text):
        units.extend(unit if draw.textlength(unit, font=face) > width else [unit])
    return units


def wrapped(draw: Any, text: str, face: Any, width: int, max_lines: int) -> list[str]:
    """``text`` in lines no wider than ``width`` (between words, and between Chinese
    characters), the last one ending in "…" when it is cut."""
    lines, line = [], ""
    for unit in _units(draw, text, face, width):
        if line.strip() and draw.textlength(line + unit, font=face) > width:
            lines.append(line.rstrip())
            line = unit.lstrip()
        else:
            line += unit
    lines.append(line.rstrip())
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and draw.textlength(last + "…", font=face) > width:
            last = last[:-1]
        lines[-1] = last.rstrip() + "…"
    return lines
