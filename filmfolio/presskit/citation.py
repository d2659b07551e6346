"""How a film's people are named in citations: family and given names split by name order."""

from __future__ import annotations

from typing import Any

from filmfolio.films.choices import TitleKind


def _display_order(person: Any, words: list[str]) -> str:
    """The order of the display name: stated for it, or the opposite of a stated reversal
    ("Yan Wenyu" when "Wenyu Yan" is known to be given name first)."""
    flipped = " ".join([*words[1:], words[0]]).casefold()
    flipped_back = " ".join([words[-1], *words[:-1]]).casefold()
    display = " ".join(words).casefold()
    for written in person.names.all():
        name = written.name.casefold()
        if name == display and written.order:
            return written.order
        if name in (flipped, flipped_back) and written.order:
            return "family_first" if written.order == "given_first" else "given_first"
    return "given_first"


def name_parts(person: Any) -> dict[str, str]:
    """CSL name parts for ``person``: ``{"family", "given"}`` for Latin names of two or more
    words, split by the name's order, else ``{"literal"}`` (Chinese names, single names)."""
    name = person.display_name.strip()
    words = name.split()
    if len(words) < 2 or not name.isascii():
        return {"literal": name}
    if _display_order(person, words) == "family_first":
        return {"family": words[0], "given": " ".join(words[1:])}
    return {"family": words[-1], "given": " ".join(words[:-1])}


def original_title(record: Any) -> str:
    """The original title when it differs from the display title (a film's record)."""
    for title in record.other_titles:
        if title.kind == TitleKind.ORIGINAL:
            return title.text
    return ""
