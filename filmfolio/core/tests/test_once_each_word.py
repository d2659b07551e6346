"""A document's other terms keep each Latin word once and every Chinese character in place."""

from __future__ import annotations

from filmfolio.core.text import once_each_word


def test_latin_words_are_kept_once_in_first_seen_order() -> None:
    terms = ["canada", "can a da", "kanada", "canada", "can", "a", "da", "2019", "2019"]
    assert once_each_word(terms) == ["canada", "can", "a", "da", "kanada", "2019"]


def test_chinese_characters_keep_every_occurrence_so_phrases_still_match() -> None:
    # 中文 and 文学 each stay a run of adjacent characters, kept apart from 中 by a word
    terms = ["中", "文", "chinese", "文", "学", "chinese", "中"]
    assert once_each_word(terms) == ["中", "文", "chinese", "文", "学", "chinese", "中"]


def test_a_repeat_after_chinese_characters_keeps_two_runs_apart() -> None:
    # 吴海 then 李: without "wu" between them, 海李 would read as a phrase of the document
    terms = ["wu", "吴", "海", "wu", "hai", "李", "li", "wu"]
    assert once_each_word(terms) == ["wu", "吴", "海", "wu", "hai", "李", "li"]


def test_words_of_other_scripts_are_kept_as_they_are() -> None:
    assert once_each_word(["москва", "москва", "moskva", "moskva"]) == [
        "москва",
        "москва",
        "moskva",
    ]
