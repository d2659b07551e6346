"""Festival entries written the way Japanese and Persian write them, on pages written for
these tests (`pages/festivals/`): "…映画祭でグランプリを受賞", "第12回…のコンペティション部門に
入選", and a Persian word ordinal ("سی و ششمین", the 36th) with a win stated by its verb.
"""

from pathlib import Path

import pytest

from filmfolio.importer.extract import extract_record
from filmfolio.importer.extract.festival_ja import japanese_entries
from filmfolio.importer.extract.ordinal_words import persian_ordinal

PAGES = Path(__file__).parent / "pages" / "festivals"


def entries(name: str) -> list[tuple]:
    out = extract_record((PAGES / f"{name}.txt").read_text()).to_gold_dict()
    return [
        (f["festival"], f["edition"], f["year"], f["section"], f["award"], f["result"])
        for f in out["festivals"]
    ]


def test_japanese_award_and_selection():
    assert entries("ja_profile_awards") == [
        ("山形国際ドキュメンタリー映画祭", None, 2019, None, "グランプリ", "winner"),
        ("ぴあフィルムフェスティバル", "12", None, "コンペティション部門", None, "selection"),
    ]


def test_persian_word_ordinal_and_win_verb():
    assert entries("fa_news_word_ordinal") == [
        ("جشنواره فیلم فجر", "36", None, None, None, "winner")
    ]


def test_every_festival_page_is_checked():
    assert sorted(p.stem for p in PAGES.glob("*.txt")) == [
        "fa_news_word_ordinal",
        "ja_profile_awards",
    ]


def test_a_katakana_name_needs_its_year():
    found = japanese_entries("アヌシー2003でグランプリを獲得。")
    assert [(e.festival, e.year, e.award) for e in found] == [("アヌシー", 2003, "グランプリ")]
    assert japanese_entries("メルボルンでグランプリを獲得。") == []
    assert japanese_entries("彼は映画祭に行った。") == []


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("در سی و ششمین ", 36),
        ("دوازدهمین دوره ", 12),
        ("هشتاد و پنجمین دوره از ", 85),
        ("سی\u200cوششمین", 36),
        ("نخستین ", 1),
        ("سومین ", 3),
        ("فیلم ", None),
    ],
)
def test_persian_ordinals(text, number):
    assert persian_ordinal(text) == number
