"""The PostgreSQL tsquery leaves out readings that split off one-letter syllables (a word's
stems, looked up beside it, are kept)."""

from __future__ import annotations

import pytest

from filmfolio.search.backends import MatchQuery
from filmfolio.search.backends.postgres import tsquery_expression


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Marta Silva", "('marta' | 'mart') & ('silva' | 'silv')"),
        (
            "Xiaofan Sun",
            "('xiaofan' | ('xiao' & 'fan') | ('xi' & 'ao' & 'fan') | 'xiaof') & ('sun')",
        ),
        ("Zhu Shengze", "('zhu') & ('shengze' | ('sheng' & 'ze') | 'shengz')"),
        ("a", "('a')"),
        ("x", "('x')"),
    ],
)
def test_one_letter_syllable_readings_are_left_out(text: str, expected: str) -> None:
    assert tsquery_expression(MatchQuery.from_text(text)) == expected


def test_chinese_characters_are_kept() -> None:
    expression = tsquery_expression(MatchQuery.from_text("虚焦"))
    assert expression == "(('虚' <-> '焦') | ('xu' & 'jiao'))"
