"""Folded text searched without re.I finds exactly what re.I finds, for every character."""

import re

import pytest

from filmfolio.importer.extract import festivals
from filmfolio.importer.extract.fold import folded

_ALL = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
_SYNTAX = set("|()?:[]\\")


def _places(pattern: str, text: str, flags: int = 0) -> set[int]:
    return {m.start() for m in re.finditer(re.escape(pattern), text, flags)}


def test_folding_keeps_every_offset():
    assert len(folded(_ALL)) == len(_ALL)
    assert folded("SEÇİLDİ ΣΕΛΊΔΑΣ ſelection") == "seçildi σελίδασ selection"


@pytest.mark.parametrize("rx", [festivals._SELECTION, festivals._NOMINATED])
def test_each_pattern_character_matches_the_characters_re_i_matches(rx):
    """For every character of the pattern, the characters that fold to it are exactly those
    re.I takes for it, among all Unicode characters."""
    everything = folded(_ALL)
    wrong = {}
    for ch in sorted(set(rx.pattern) - _SYNTAX):
        want = _places(ch, _ALL, re.I)
        got = _places(folded(ch), everything)
        if want != got:
            wrong[ch] = sorted(hex(ord(_ALL[i])) for i in want ^ got)
    assert wrong == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The film was SELECTED for the festival", True),
        ("Film festivalinde yarıştı", True),
        ("FİLM FESTİVALİNDE YARIŞTI", True),
        ("Ταινία ΣΥΜΜΕΤΕΊΧΕ στο φεστιβάλ", True),
        ("The film won the main prize", False),
    ],
)
def test_folded_search_agrees_with_re_i(text, expected):
    assert bool(festivals._SELECTION.search(text)) is expected
    assert bool(festivals._SELECTION_FOLDED.search(folded(text))) is expected
