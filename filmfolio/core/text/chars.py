"""Character-level folding: the first step of every comparison of titles and names.

``fold`` turns any text into the form used for equality matching and tokenising: NFKC
(full-width forms, ligatures), traditional -> simplified Chinese (one direction only, one
character at a time so that a character folds the same way in a title and in a one-character
query), case folding, and diacritics stripped (é -> e, ü -> u, ā -> a). Pure functions, no
database.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import opencc

# Letters that carry no combining mark in NFD but that a reader still matches on the base letter.
_LETTER_TABLE = str.maketrans(
    {
        "ø": "o",
        "æ": "ae",
        "œ": "oe",
        "ł": "l",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "ı": "i",
        "ħ": "h",
        "ŋ": "ng",
        "ʼ": "'",
        "’": "'",
        "‘": "'",
    }
)

# Japanese voicing marks are combining characters but change the kana; keep them.
_KEEP_MARKS = frozenset({"\u3099", "\u309a"})

_CJK_RANGES = (
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x20000, 0x3134F),
    (0x3040, 0x30FF),  # hiragana and katakana: one token per character, like Han
)

_HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")

_converter = opencc.OpenCC("t2s")


def is_cjk(char: str) -> bool:
    """True for a Han ideograph or a kana: characters indexed one per token."""
    code = ord(char)
    return any(low <= code <= high for low, high in _CJK_RANGES)


def has_han(text: str) -> bool:
    """True if ``text`` contains at least one Han ideograph."""
    return _HAN_RE.search(text) is not None


@lru_cache(maxsize=65536)
def simplified_char(char: str) -> str:
    """The simplified form of one character (itself if it has none).

    Character by character on purpose: OpenCC's phrase rules would fold 乾 differently in 乾隆
    and alone, and then a one-character query would miss the title.
    """
    if not _HAN_RE.match(char):
        return char
    converted = _converter.convert(char)
    return converted if len(converted) == 1 else char


def to_simplified(text: str) -> str:
    """Traditional -> simplified Chinese, one character at a time; other characters unchanged."""
    if not has_han(text):
        return text
    return "".join(simplified_char(char) for char in text)


def strip_marks(text: str) -> str:
    """Remove diacritics (é -> e, ǚ -> u, ā -> a) and map a few letters without marks (ø -> o)."""
    text = text.translate(_LETTER_TABLE)
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFD", text)
    kept = "".join(
        char for char in decomposed if char in _KEEP_MARKS or not unicodedata.combining(char)
    )
    return unicodedata.normalize("NFC", kept)


def fold_chars(text: str) -> str:
    """NFKC, simplified Chinese, case folding and no diacritics; spacing and punctuation kept."""
    text = unicodedata.normalize("NFKC", text)
    text = to_simplified(text)
    return strip_marks(text.casefold())
