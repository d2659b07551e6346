"""Technical specifications: shooting format, aspect ratio, sound, colour and budget."""

from __future__ import annotations

import re

_PLACEHOLDER = re.compile(
    r"^(?:\$?\s*0+(?:[.,]0+)?\s*\$?|-+|—|n/?a|none|unknown|tbd|tba|\?)$", re.I
)
_SOUND_FORMAT = re.compile(
    r"stereo|mono|dolby|surround|5\.1|7\.1|dts|atmos|pcm|lcr|立体声|立體聲|单声道|單聲道|杜比", re.I
)
_BW = re.compile(
    r"b\s*/\s*w|b&w|black\s*(?:and|&|-)\s*white|noir\s*(?:et|&)\s*blanc|n\s*&\s*b|"
    r"schwarz\s*-?\s*wei(?:ß|ss)|s\s*/\s*w|blanco\s*y\s*negro|bianco\s*e\s*nero|preto\s*e\s*branco|"
    r"черно-бял|черно-белый|黑白",
    re.I,
)
_COLOUR = re.compile(r"colou?r|couleur|farbe|cor\b|colore|цвят|цветной|цветен|彩色|color", re.I)
_PROSE_FORMAT = re.compile(
    r"\b(?i:shot|filmed|photographed|recorded|captured)\s+(?:it\s+|entirely\s+|mostly\s+)?"
    r"(?:on|in)\s+(?P<fmt>high-definition|high definition|HD|4K|2K|S16mm|Super\s?16(?:mm)?|"
    r"16\s?mm|35\s?mm|Super\s?8|8\s?mm|digital video|DV|HDV|digital)"
    r"(?P<colour>\s+(?i:colou?r|black[- ]and[- ]white))?",
)
_PROSE_BUDGET = re.compile(
    r"\bbudget of\s+(?P<value>\S*\d[\d,.]*(?:\s*(?:USD|EUR|GBP|dollars|euros|"
    r"million|thousand|k)\b)?)",
    re.I,
)
_RATIO = re.compile(r"\d+(?:[.,]\d+)?\s*(?::|/|x|×)\s*\d+(?:[.,]\d+)?|\d\.\d{2}")


def is_placeholder(value: str) -> bool:
    """True for a value that states nothing ("$0", "-", "N/A", empty)."""
    return not value.strip() or bool(_PLACEHOLDER.match(value.strip()))


def colour_of(value: str) -> str | None:
    """The colour enum for a colour field value."""
    bw, colour = _BW.search(value), _COLOUR.search(_BW.sub("", value))
    if bw and colour:
        return "mixed"
    if bw:
        return "black and white"
    if colour:
        return "color"
    return None


def is_sound_format(value: str) -> bool:
    """True when a "Sound" value is a format (Stereo, 5.1) rather than a person."""
    return bool(_SOUND_FORMAT.search(value))


def aspect_ratio(value: str) -> str | None:
    """The ratio as written when it contains one."""
    return value.strip() if _RATIO.search(value) else None


def prose_format(text: str) -> tuple[str, str | None, int, int] | None:
    """(format, colour enum or None, start, end) from "filmed in high-definition colour"."""
    m = _PROSE_FORMAT.search(text)
    if not m:
        return None
    colour = colour_of(m.group("colour")) if m.group("colour") else None
    return m.group("fmt"), colour, m.start("fmt"), m.end("fmt")


def prose_budget(text: str) -> tuple[str, int, int] | None:
    """(budget as written, start, end) from "a budget of X"."""
    m = _PROSE_BUDGET.search(text)
    if not m or is_placeholder(m.group("value")):
        return None
    value = m.group("value").rstrip(".,")
    return value, m.start("value"), m.start("value") + len(value)
