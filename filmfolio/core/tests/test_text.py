"""Tests of the text normaliser (filmfolio.core.text): exact folded forms, terms and keys."""

from __future__ import annotations

import pytest

from filmfolio.core.text import (
    fold,
    index_terms,
    is_phrase,
    name_key,
    name_readings,
    prefix_keys,
    prefix_query,
    query_terms,
    segmentations,
    strip_marks,
    to_simplified,
)


def _contains_phrase(terms: list[str], phrase: list[str]) -> bool:
    """True if ``phrase`` occurs in ``terms`` as consecutive tokens."""
    size = len(phrase)
    return any(terms[i : i + size] == phrase for i in range(len(terms) - size + 1))


def _alternative_matches(terms: list[str], alternative: str) -> bool:
    """A phrase must occur as written; other alternatives need all their tokens."""
    if is_phrase(alternative):
        return _contains_phrase(terms, alternative.split())
    return set(alternative.split()) <= set(terms)


def matches(text: str, query: str, *, is_name: bool = False) -> bool:
    """The matching rule the search backends implement: every token, some alternative."""
    terms = index_terms(text, is_name=is_name)
    tokens = query_terms(query)
    return bool(tokens) and all(
        any(_alternative_matches(terms, alternative) for alternative in alternatives)
        for alternatives in tokens
    )


class TestFold:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Zhu Shengze", "zhu shengze"),
            ("  ZHU   Sheng-Zé ", "zhu sheng ze"),
            ("Zhū Shēngzè", "zhu shengze"),
            ("zhu1 sheng1ze4", "zhu sheng ze"),
            ("Lǚ Lüe", "lu lue"),
            ("Agnès Varda", "agnes varda"),
            ("Straße", "strasse"),
            ("Søren Kierkegaard", "soren kierkegaard"),
            ("ＦＵＬＬ　ｗｉｄｔｈ １２３", "full width 123"),
            ("朱聲仄", "朱声仄"),
            ("《他們在島嶼寫作》", "他们在岛屿写作"),
            ("乾隆", "干隆"),
            ("Xi'an", "xi an"),
            ("Area51", "area51"),
            ("Apollo 13", "apollo 13"),
            ("", ""),
            ("?!…***", ""),
        ],
    )
    def test_fold(self, text: str, expected: str) -> None:
        assert fold(text) == expected

    def test_traditional_to_simplified_is_one_way(self) -> None:
        assert to_simplified("臺灣電影節") == "台湾电影节"
        assert to_simplified("台湾电影节") == "台湾电影节"

    def test_strip_marks_keeps_kana_voicing(self) -> None:
        assert strip_marks("がぎ āáǎà ü") == "がぎ aaaa u"


class TestSegmentation:
    @pytest.mark.parametrize(
        ("word", "expected"),
        [
            ("shengze", (("sheng", "ze"),)),
            ("xian", (("xian",), ("xi", "an"))),
            ("zhangan", (("zhang", "an"), ("zhan", "gan"))),
            ("lv", (("lu",),)),
            ("kiss", ()),
            ("varda", ()),
            ("123", ()),
        ],
    )
    def test_segmentations(self, word: str, expected: tuple[tuple[str, ...], ...]) -> None:
        assert segmentations(word) == expected


class TestIndexTerms:
    def test_latin_words_and_pinyin(self) -> None:
        assert index_terms("Shengze Zhu", is_name=True) == ["shengze", "sheng", "ze", "zhu"]

    def test_cjk_one_token_per_character(self) -> None:
        assert index_terms("他們在島嶼寫作 (2019)") == [
            "他", "们", "在", "岛", "屿", "写", "作", "2019",
        ]  # fmt: skip

    def test_chinese_name_gets_pinyin(self) -> None:
        assert index_terms("朱聲仄", is_name=True) == [
            "朱", "声", "仄", "zhu", "sheng", "ze", "zhushengze", "shengze",
        ]  # fmt: skip

    def test_surname_reading_is_added(self) -> None:
        assert index_terms("曾声仄", is_name=True) == [
            "曾", "声", "仄",
            "ceng", "sheng", "ze", "cengshengze",
            "zeng", "sheng", "ze", "zengshengze",
            "shengze",
        ]  # fmt: skip

    def test_titles_get_no_pinyin_for_chinese(self) -> None:
        assert index_terms("朱声仄") == ["朱", "声", "仄"]

    def test_mixed_title(self) -> None:
        assert index_terms("The Kiss of Agnès Varda") == ["the", "kiss", "of", "agnes", "varda"]


class TestNameReadings:
    @pytest.mark.parametrize(
        ("name", "expected"),
        [
            ("曾凡志", [("ceng", "fan", "zhi"), ("zeng", "fan", "zhi")]),
            ("单立人", [("dan", "li", "ren"), ("shan", "li", "ren")]),
            ("仇英", [("chou", "ying"), ("qiu", "ying")]),
            ("区丁平", [("qu", "ding", "ping"), ("ou", "ding", "ping")]),
            ("解晓东", [("jie", "xiao", "dong"), ("xie", "xiao", "dong")]),
            ("朴树", [("pu", "shu"), ("piao", "shu")]),
            ("查建英", [("cha", "jian", "ying"), ("zha", "jian", "ying")]),
            ("盖丽丽", [("gai", "li", "li"), ("ge", "li", "li")]),
            ("乐嘉", [("le", "jia"), ("yue", "jia")]),
            ("覃海", [("tan", "hai"), ("qin", "hai")]),
            ("种师道", [("zhong", "shi", "dao"), ("chong", "shi", "dao")]),
            ("秘书", [("mi", "shu"), ("bi", "shu")]),
            ("缪骞人", [("mou", "qian", "ren"), ("miao", "qian", "ren")]),
            ("员半千", [("yuan", "ban", "qian"), ("yun", "ban", "qian")]),
            ("句龙", [("ju", "long"), ("gou", "long")]),
            ("尉迟恭", [("yu", "chi", "gong")]),
            ("万俟卨", [("mo", "qi", "xie")]),
            ("长孙无忌", [("zhang", "sun", "wu", "ji")]),
            ("朱声仄", [("zhu", "sheng", "ze")]),
        ],
    )
    def test_surname_readings(self, name: str, expected: list[tuple[str, ...]]) -> None:
        assert name_readings(name) == expected


class TestQueryTerms:
    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            # a word's stems are looked up beside it ("shengz" as English, French, German...)
            ("Zhu Shengze", [["zhu"], ["shengze", "sheng ze", "shengz"]]),
            ("zhu sheng-ze", [["zhu"], ["sheng"], ["ze"]]),
            ("声仄", [["声 仄", "sheng ze"]]),
            ("聲", [["声"]]),
            ("Xi'an", [["xi"], ["an"]]),
            ("xian", [["xian", "xi an"]]),
            ("", []),
            ('"*^:()', []),
            ("NEAR", [["near"]]),
            ("'; DROP TABLE film; --", [["drop"], ["table", "tabl"], ["film"]]),
        ],
    )
    def test_query_terms(self, query: str, expected: list[list[str]]) -> None:
        assert query_terms(query) == expected

    def test_very_long_query_is_bounded(self) -> None:
        tokens = query_terms("word " * 10_000)
        assert len(tokens) == 12
        assert query_terms("a" * 100_000) == [["a" * 64, "a" * 63]]  # the word and its stem


class TestMatching:
    @pytest.mark.parametrize(
        "query",
        ["Zhu Shengze", "Shengze Zhu", "zhu sheng-ze", "朱", "声仄", "聲", "zhu", "SHENGZE"],
    )
    def test_zhu_shengze_found(self, query: str) -> None:
        assert matches("朱声仄", query, is_name=True)

    @pytest.mark.parametrize(
        "query",
        ["Zhu Shengze", "Shengze Zhu", "zhu sheng-ze", "zhushengze", "zhu1 sheng1ze4", "朱声仄"],
    )
    @pytest.mark.parametrize("record", ["Zhu Shengze", "Shengze Zhu", "ZHU Sheng-ze"])
    def test_latin_record_found(self, record: str, query: str) -> None:
        assert matches(record, query, is_name=True)

    def test_phrase_rule(self) -> None:
        assert is_phrase("岛 屿")
        assert not is_phrase("sheng ze")
        assert not is_phrase("岛")

    @pytest.mark.parametrize("query", ["Zeng Fanzhi", "Fanzhi Zeng", "zeng fan-zhi", "曾凡志"])
    def test_zeng_surname_found(self, query: str) -> None:
        assert matches("曾凡志", query, is_name=True)

    @pytest.mark.parametrize("query", ["岛屿", "島嶼寫作", "他们"])
    def test_chinese_title_found(self, query: str) -> None:
        assert matches("他們在島嶼寫作", query)

    @pytest.mark.parametrize("query", ["岛写", "Zhu Shengze", "kiss"])
    def test_chinese_title_not_found(self, query: str) -> None:
        assert not matches("他們在島嶼寫作", query)


class TestNameKey:
    @pytest.mark.parametrize(
        "name",
        ["Zhu Shengze", "Shengze Zhu", "zhu sheng-ze", "朱声仄", "朱聲仄", "ZHŪ Shēngzè"],
    )
    def test_zhu_shengze_one_key(self, name: str) -> None:
        assert name_key(name) == "sheng ze zhu"

    def test_surname_reading_in_key(self) -> None:
        assert name_key("曾凡志") == name_key("Zeng Fanzhi") == "fan zeng zhi"

    def test_western_names_order_free(self) -> None:
        assert name_key("Agnès Varda") == name_key("VARDA Agnes") == "agnes varda"

    def test_different_people_differ(self) -> None:
        assert name_key("Zhu Shengze") != name_key("Zhu Shengzi")


class TestPrefixKeys:
    def test_latin_title_from_each_of_the_first_words(self) -> None:
        assert prefix_keys("The Road Home") == ["theroadhome", "roadhome", "home"]

    def test_chinese_title_and_its_pinyin(self) -> None:
        assert prefix_keys("山河故人") == ["山河故人", "shanheguren"]

    def test_traditional_title_folds_to_simplified(self) -> None:
        assert prefix_keys("島嶼") == ["岛屿", "daoyu"]

    def test_chinese_name_with_pinyin_and_initials(self) -> None:
        assert prefix_keys("朱聲仄", is_name=True) == ["朱声仄", "zhushengze", "zsz"]

    def test_surname_reading_in_name_keys(self) -> None:
        assert prefix_keys("曾凡志", is_name=True) == ["曾凡志", "zengfanzhi", "zfz"]

    def test_query_is_folded_without_spaces(self) -> None:
        assert prefix_query("Zhu  Sheng") == "zhusheng"
        assert prefix_query("Cléo de") == "cleode"
        assert prefix_query("!!!") == ""


class TestApostrophes:
    def test_xian_with_and_without_apostrophe(self) -> None:
        assert name_key("Xi'an") == name_key("Xian") == name_key("Xi’an") == "xian"

    def test_apostrophe_in_a_western_name(self) -> None:
        assert name_key("Sinéad O'Connor") == name_key("Sinead OConnor") == "oconnor sinead"
