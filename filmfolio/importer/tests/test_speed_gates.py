"""The extractor's fast paths change no result: folded text searched without re.I finds what
re.I finds, for every character, and every gate's plain pieces cover its pattern."""

import re

import pytest

from filmfolio.importer.extract import festivals, kind
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


def _top_alternatives(pattern: str) -> list[str]:
    """The alternatives of a pattern's outermost level."""
    out, depth, current = [], 0, ""
    for i, ch in enumerate(pattern):
        escaped = i > 0 and pattern[i - 1] == "\\"
        depth += (ch == "(" and not escaped) - (ch == ")" and not escaped)
        if ch == "|" and depth == 0:
            out.append(current)
            current = ""
        else:
            current += ch
    return [*out, current]


@pytest.mark.parametrize(
    ("rx", "pieces"),
    [(kind._ANIMATION, kind._ANIMATION_PIECES), (kind._SHORT, kind._SHORT_PIECES)],
)
def test_every_alternative_holds_a_gate_piece(rx, pieces):
    """A phrase added to the pattern without a piece of the gate would never be found."""
    assert [a for a in _top_alternatives(rx.pattern) if not any(p in a for p in pieces)] == []


@pytest.mark.parametrize(
    ("text", "animation", "short"),
    [
        ("un film animowany o kotach", True, False),
        ("a 12-minute short film about a lake", False, True),
        ("这是一部动画短片", True, True),
        ("a documentary about a lake", False, False),
    ],
)
def test_gated_type_words(text, animation, short):
    assert kind._says_animation(text) is animation
    assert kind._says_short(text) is short
