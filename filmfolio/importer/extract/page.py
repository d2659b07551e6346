"""The page as the pipeline's steps see it: cleaned lines with their offsets, and the zone
before any biography or statement section (facts there belong to other films)."""

from __future__ import annotations

import re

_BIO_START = re.compile(
    r"^(?:director(?:'s)?\s+|filmmaker(?:'s)?\s+)?(?:biography|bio|filmography|statement)\b|"
    r"^(?:biofilmograf[ií]a|representative works|about the director|filmographie|biographie|"
    r"导演简介|導演簡介|导演阐述|導演闡述)",
    re.I,
)


class Page:
    """The cleaned text split into lines with offsets, cut before biography sections."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines: list[tuple[str, int]] = []
        offset = 0
        for line in text.split("\n"):
            self.lines.append((line, offset))
            offset += len(line) + 1
        self.zone_end = len(self.lines)
        for i, (line, _) in enumerate(self.lines):
            if i and line and _BIO_START.match(line.strip()):
                self.zone_end = i
                break
        self.zone = self.lines[: self.zone_end]
        self.zone_text = "\n".join(line for line, _ in self.zone)
