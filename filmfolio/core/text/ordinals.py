"""Edition numbers as people write them in a query: "49th", "49e", "49.", "49º", "第49届",
"第四十九屆", and roman numerals ("XLIX") next to a festival's name.

CLDR (and so Babel) formats ordinals but reads none, so each language has a small reader here.
They read folded text (``chars.fold_chars``: NFKC, simplified characters, case folded, no
diacritics), in which "49ème" is "49eme", "49º" is "49o", "1ère" is "1ere" and "第四十九屆" is
"第四十九届"; a German "49." is the number itself once punctuation is dropped.
"""

from __future__ import annotations

import re

MAX_EDITION = 999  # festivals count their editions in tens; bigger numbers are not editions

# English 49th/1st/2nd/3rd; French 49e/49eme/49ieme/1er/1re/1ere; Spanish, Italian and
# Portuguese 49o/49a (from º and ª) and 49.o
_LATIN_ORDINAL_RE = re.compile(r"(\d{1,3})(st|nd|rd|th|e|eme|ieme|er|re|ere|o|a)")
# Chinese (and Japanese) edition counters: 第49届, 第四十九届, 49届, 第49回, 第49
_HAN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
_HAN_DIGITS |= {"六": 6, "七": 7, "八": 8, "九": 9}
_HAN_NUMBER = "[〇零一二两三四五六七八九十百]+"
# 第 with Chinese numerals needs the counter: 第一次 is "the first time", not an edition
_HAN_EDITION_RE = re.compile(
    rf"第\s*(\d{{1,3}})\s*[届回]?|第?\s*(\d{{1,3}}|{_HAN_NUMBER})\s*[届回]"
)
# Spanish and Portuguese 49.º / 49.ª (folded: "49.o"): one word, like 49º
_DOTTED_ORDINAL_RE = re.compile(r"(?<=\d)\.(?=[oa]\b)")
_ROMAN_RE = re.compile(r"m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


def latin_ordinal(word: str) -> int | None:
    """The number of an ordinal written with digits and a suffix (folded): "49th" -> 49,
    "49e" / "49eme" -> 49, "1er" / "1re" -> 1, "49o" (49º) -> 49; otherwise ``None``."""
    match = _LATIN_ORDINAL_RE.fullmatch(word)
    return _edition(int(match.group(1))) if match else None


def han_number(text: str) -> int | None:
    """A number written with Arabic digits or Chinese numerals: "49", "四十九", "十", "一百零八",
    "四九" (digit by digit) -> 49, 49, 10, 108, 49; ``None`` for anything else."""
    if text.isdigit():
        return int(text)
    if not text or any(char not in _HAN_DIGITS and char not in "十百" for char in text):
        return None
    if "十" not in text and "百" not in text:
        return int("".join(str(_HAN_DIGITS[char]) for char in text))
    return _han_positional(text)


def _han_positional(text: str) -> int | None:
    """四十九 -> 49, 十二 -> 12, 一百零八 -> 108 (units after 十 and 百, zero skipped)."""
    total, digit = 0, None
    for char in text:
        if char in "十百":
            total += (1 if digit is None else digit) * (10 if char == "十" else 100)
            digit = None
        elif char not in "〇零":
            if digit is not None:
                return None  # two digits in a row in a positional number: not a number
            digit = _HAN_DIGITS[char]
    return total + (digit or 0)


def han_editions(text: str) -> str:
    """``text`` (folded) with each Chinese edition ordinal replaced by its number between
    spaces: "第49届金马奖" -> " 49 金马奖", "金马第四十九届" -> "金马 49 "; and "49.o" joined
    into "49o" (read by ``latin_ordinal``)."""
    text = _DOTTED_ORDINAL_RE.sub("", text)

    def number(match: re.Match[str]) -> str:
        written = match.group(1) or match.group(2)
        value = han_number(written)
        return f" {value} " if value is not None and _edition(value) else match.group(0)

    return _HAN_EDITION_RE.sub(number, text)


def roman_number(word: str) -> int | None:
    """The value of a roman numeral in canonical form (folded: "xlix" -> 49, "iv" -> 4,
    "iiii" and "ic" are not numerals), up to ``MAX_EDITION``; otherwise ``None``."""
    if not word or not _ROMAN_RE.fullmatch(word):
        return None
    values = [_ROMAN_VALUES[char] for char in word]
    total = sum(
        -value if index + 1 < len(values) and value < values[index + 1] else value
        for index, value in enumerate(values)
    )
    return _edition(total)


def _edition(number: int) -> int | None:
    return number if 0 < number <= MAX_EDITION else None
