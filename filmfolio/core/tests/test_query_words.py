"""Edition ordinals read from queries, per language, roman numerals next to a festival, and
the words a Chinese text repeats."""

from __future__ import annotations

import pytest

from filmfolio.core.text import query_terms
from filmfolio.core.text.han_words import repeated_han_words
from filmfolio.core.text.ordinals import han_editions, han_number, latin_ordinal, roman_number


@pytest.mark.parametrize(
    ("word", "number"),
    [
        ("49th", 49),
        ("1st", 1),
        ("22nd", 22),
        ("3rd", 3),
        ("49e", 49),
        ("49eme", 49),
        ("49ieme", 49),
        ("1er", 1),
        ("1re", 1),
        ("1ere", 1),
        ("49o", 49),
        ("49a", 49),
        ("49", None),
        ("1000th", None),
        ("0th", None),
        ("49x", None),
        ("th", None),
    ],
)
def test_latin_ordinals(word: str, number: int | None) -> None:
    assert latin_ordinal(word) == number


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("49", 49),
        ("四十九", 49),
        ("十", 10),
        ("十二", 12),
        ("二十", 20),
        ("一百零八", 108),
        ("四九", 49),
        ("两", 2),
        ("四五十", None),
        ("马", None),
        ("", None),
    ],
)
def test_han_numbers(text: str, number: int | None) -> None:
    assert han_number(text) == number


@pytest.mark.parametrize(
    ("text", "replaced"),
    [
        ("第49届金马奖", " 49 金马奖"),
        ("金马第四十九届", "金马 49 "),
        ("第 36 届", " 36 "),
        ("49届", " 49 "),
        ("第7回", " 7 "),
        ("第49", " 49 "),
        ("第一次", "第一次"),
        ("一个人", "一个人"),
        ("49.o", "49o"),
    ],
)
def test_han_editions(text: str, replaced: str) -> None:
    assert han_editions(text) == replaced


@pytest.mark.parametrize(
    ("word", "number"),
    [("xlix", 49), ("iv", 4), ("xxxvi", 36), ("mcm", None), ("cmxcix", 999)],
)
def test_roman_numbers(word: str, number: int | None) -> None:
    assert roman_number(word) == number


@pytest.mark.parametrize("word", ["iiii", "ic", "vx", "mix2", "", "film", "ll"])
def test_not_roman_numbers(word: str) -> None:
    assert roman_number(word) is None


def _festival(word: str) -> bool:
    return word in {"berlinale", "金马"}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("golden horse 49th", [["golden", "gold"], ["horse", "hors"], ["49th", "49"]]),
        ("Cinéma du Réel 36e", [["cinema", "ci ne ma", "cinem"], ["du"], ["reel"], ["36e", "36"]]),
        ("Berlinale 49.", [["berlinale", "berlinal"], ["49"]]),
        ("Berlinale 49.º", [["berlinale", "berlinal"], ["49o", "49"]]),
        ("第49届金马奖", [["49"], ["金 马 奖", "jin ma jiang"]]),
        ("第四十九屆金馬獎", [["49"], ["金 马 奖", "jin ma jiang"]]),
        ("Berlinale XLIX", [["berlinale", "berlinal"], ["xlix", "49"]]),
        ("XLIX Berlinale", [["xlix", "49"], ["berlinale", "berlinal"]]),
        ("金马 XLIX", [["金 马", "jin ma"], ["xlix", "49"]]),
        ("Rocky II", [["rocky", "rocki"], ["ii"]]),
        ("XLIX", [["xlix"]]),
    ],
)
def test_query_terms_read_editions(query: str, expected: list[list[str]]) -> None:
    assert query_terms(query, edition_context=_festival) == expected


def test_roman_numerals_stay_words_without_a_festival_reader() -> None:
    assert query_terms("Berlinale XLIX") == [["berlinale", "berlinal"], ["xlix"]]


@pytest.mark.parametrize(
    ("texts", "words"),
    [
        (
            ["农民工的孩子们在武汉等待。农民工在屋顶上工作，孩子们想念父母。", "農民工的孩子"],
            [("农民工", 3), ("孩子", 3)],
        ),
        (["这部电影讲述电影。电影，电影。"], []),
        (["长江长江黄河", "黄河长江"], [("长江", 3), ("黄河", 2)]),
        (["no Chinese here", ""], []),
    ],
)
def test_repeated_han_words(texts: list[str], words: list[tuple[str, int]]) -> None:
    assert repeated_han_words(texts) == words
