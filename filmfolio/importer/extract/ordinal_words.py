"""Ordinals written as words in Persian, before an event's name: "سی و ششمین جشنواره فیلم فجر"
(the 36th Fajr Film Festival), "دوازدهمین دوره", "نخستین جشنواره". A Persian ordinal is its
number's words joined by و ("and") with the suffix مین (or م)."""

from __future__ import annotations

import re

_FA_UNITS = {
    "یک": 1, "دو": 2, "سه": 3, "چهار": 4, "پنج": 5, "شش": 6, "هفت": 7, "هشت": 8, "نه": 9,
    "ده": 10, "یازده": 11, "دوازده": 12, "سیزده": 13, "چهارده": 14, "پانزده": 15,
    "شانزده": 16, "هفده": 17, "هجده": 18, "هیجده": 18, "نوزده": 19, "بیست": 20, "سی": 30,
    "چهل": 40, "پنجاه": 50, "شصت": 60, "هفتاد": 70, "هشتاد": 80, "نود": 90, "صد": 100,
}  # fmt: skip
_FIRST = ("نخستین", "اولین", "یکمین")
_AND = r"(?:\s+|\u200c)و(?:\s+|\u200c)?"
_WORD = "|".join(sorted(_FA_UNITS, key=len, reverse=True))
# The ordinal at the end of a text, with "دوره" (edition) and "از" / "ی" after it.
_FA_ORDINAL = re.compile(
    rf"((?:(?:{_WORD}){_AND})*(?:{_WORD}|سو)(?:مین|م)|{'|'.join(_FIRST)})"
    r"(?:\s+دوره(?:ی)?)?(?:\s+از)?\s*$"
)


def persian_ordinal(text: str) -> int | None:
    """The number of the Persian ordinal that ends ``text``, else None."""
    m = _FA_ORDINAL.search(text)
    if not m:
        return None
    words = m.group(1)
    if words in _FIRST:
        return 1
    words = re.sub(r"(?:مین|م)$", "", words)
    total = 0
    for part in re.split(_AND, words):
        part = part.strip().replace("\u200c", "")
        if part == "سو":  # سوم, سومین: third
            total += 3
        elif part in _FA_UNITS:
            total += _FA_UNITS[part]
        else:
            return None
    return total or None
