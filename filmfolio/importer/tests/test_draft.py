"""Normalising extracted values to our vocabularies: names to codes, the draft record."""

import datetime as dt
from decimal import Decimal

import pytest

from filmfolio.importer.codes import country_code, language_code, parse_amount, role_code
from filmfolio.importer.draft import draft_from_gold
from filmfolio.importer.extract import extract_record

from .corpus import needs_corpus, pages


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("États-Unis", "US"),
        ("Канада", "CA"),
        ("SPAIN", "ES"),
        ("España", "ES"),
        ("Frankreich", "FR"),
        ("USA", "US"),
        ("U.S.A.", "US"),
        ("UK", "GB"),
        ("PRC", "CN"),
        ("Mainland China", "CN"),
        ("中国", "CN"),
        ("Hong Kong", "HK"),
        ("香港", "HK"),
        ("台灣", "TW"),
        ("South Korea", "KR"),
        ("fr", "FR"),
        ("CN", "CN"),
    ],
)
def test_country_names_in_any_language(name, code):
    assert country_code(name) == code


@pytest.mark.parametrize("name", ["Narnia", "", "Earth", "ZZ"])
def test_unknown_countries_are_none(name):
    assert country_code(name) is None


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("English", "en"),
        ("anglais", "en"),
        ("Английски", "en"),
        ("Français", "fr"),
        ("Mandarin", "zh"),
        ("普通话", "zh"),
        ("中文", "zh"),
        ("Chinese Dialect", "zh"),
        ("Cantonese", "yue"),
        ("粵語", "yue"),
        ("Hokkien", "nan"),
        ("en", "en"),
        ("zh-Hant", "zh-Hant"),
    ],
)
def test_language_names_in_any_language(name, code):
    assert language_code(name) == code


@pytest.mark.parametrize("name", ["Klingonish", "", "xx", "Dolby"])
def test_unknown_languages_are_none(name):
    assert language_code(name) is None


@pytest.mark.parametrize(
    ("label", "code"),
    [
        ("Director", "director"),
        ("Directors", "director"),
        ("Directed by", "director"),
        ("Réalisé par", "director"),
        ("Режисиран от", "director"),
        ("拍摄", "director"),
        ("Director of Photography", "cinematography"),
        ("DoP", "cinematography"),
        ("Sound Mix", "sound-mix"),
        ("Music by", "music"),
        ("Произведени от", "producer"),
        ("Executive Producer", "executive-producer"),
        ("Narrator", "narrator"),
        ("Montage", "editor"),
        ("编剧", "writer"),
    ],
)
def test_role_labels_to_codes(label, code):
    assert role_code(label) == code


def test_unknown_role_label_is_none():
    assert role_code("Gaffer") is None


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("347,000 USD", Decimal(347000), "USD"),
        ("€1.2 million", Decimal(1200000), "EUR"),
        ("1.234.567 EUR", Decimal(1234567), "EUR"),
        ("US$ 25,000", Decimal(25000), "USD"),
        ("100万元", Decimal(1000000), "CNY"),
        ("RMB 80,000.50", Decimal("80000.50"), "CNY"),
        ("$50k", Decimal(50000), ""),
        ("гд100,000", Decimal(100000), ""),
        ("N/A", None, ""),
    ],
)
def test_budget_amounts(text, amount, currency):
    assert parse_amount(text) == (amount, currency)


GOLD = {
    "title": "In Character",
    "original_title": "入戏",
    "year": 2019,
    "runtime_minutes": 14,
    "type": "documentary short",
    "genres": ["Documentary"],
    "countries": ["China", "Narnia", "PRC"],
    "languages": ["Mandarin", "Klingonish"],
    "subtitles": ["English"],
    "directors": ["Ann Lee", "Bo Zhang"],
    "credits": [
        {"role": "Réalisé par", "name": "Ann Lee"},
        {"role": "Gaffer", "name": "Cy Dee"},
        {"role": "Music by", "name": "Dee Ell"},
    ],
    "festivals": [
        {
            "festival": "Cinéma du Réel",
            "edition": "36",
            "year": 2014,
            "section": "First Films",
            "award": None,
            "result": "selection",
            "date": "2014-03-25",
        },
        {
            "festival": "Golden Horse Awards",
            "edition": "XLIX",
            "year": 2012,
            "section": None,
            "award": "Special Mention",
            "result": "winner",
            "date": None,
        },
        {"festival": "Busan", "result": "nominee"},
        {"festival": "Hot Docs", "result": "shortlist", "award": "Best Short"},
        {"festival": "Sundance", "result": None},
    ],
    "specs": {
        "shooting_format": "HD",
        "aspect_ratio": "1.85 : 1",
        "sound": "Stereo",
        "color": "black and white",
        "budget": "347,000 USD",
    },
    "synopsis_present": True,
}


def test_draft_from_gold_maps_every_field():
    draft = draft_from_gold(GOLD)
    assert draft.values == {
        "title": "In Character",
        "titles": [{"text": "入戏", "kind": "original", "language": ""}],
        "year": 2019,
        "runtime_minutes": 14,
        "kind": "documentary_short",
        "genres": ["Documentary"],
        "countries": [{"country": "CN", "role": "origin"}],
        "languages": [
            {"language": "zh", "role": "original", "label": "Mandarin"},
            {"language": "en", "role": "subtitle", "label": "English"},
        ],
        "credits": [
            {"person": {"name": "Ann Lee"}, "role": "director", "credited_as": "Réalisé par"},
            {"person": {"name": "Cy Dee"}, "role": "other", "credited_as": "Gaffer"},
            {"person": {"name": "Dee Ell"}, "role": "music", "credited_as": "Music by"},
            {"person": {"name": "Bo Zhang"}, "role": "director", "credited_as": "Director"},
        ],
        "festivals": [
            {
                "festival": "Cinéma du Réel",
                "edition": 36,
                "year": 2014,
                "section": "First Films",
                "result": "selected",
                "date": dt.date(2014, 3, 25),
            },
            {
                "festival": "Golden Horse Awards",
                "year": 2012,
                "award": "Special Mention",
                "result": "special_mention",
            },
            {"festival": "Busan", "result": "nominated"},
            {"festival": "Hot Docs", "award": "Best Short", "result": "shortlisted"},
            {"festival": "Sundance", "result": "selected"},
        ],
        "specs": {
            "shooting_format": "HD",
            "sound": "Stereo",
            "aspect_ratio": "1.85 : 1",
            "color": "black_and_white",
        },
        "budget": {"amount": Decimal(347000), "currency": "USD", "as_stated": "347,000 USD"},
    }
    assert draft.warnings == [
        "Country “Narnia” is not one we know; it was left out.",
        "Language “Klingonish” is not one we know; it was left out.",
        "Role “Gaffer” is not one we know; those credits are marked “other”.",
        "Edition “XLIX” of Golden Horse Awards is not a number; it was left out.",
        "The page does not say how the film took part in Sundance: marked “selected”.",
    ]
    record = draft.to_record()
    assert record.kind == "documentary_short"
    assert [c.country for c in record.countries] == ["CN"]
    assert record.budget is not None
    assert record.budget.amount == Decimal(347000)


def test_draft_without_title_asks_for_one():
    draft = draft_from_gold({"title": None, "year": 1500, "specs": {"budget": "гд100,000"}})
    assert draft.values["year"] is None
    assert "title" not in draft.values
    assert draft.warnings == [
        "The page states no title: please type it.",
        "The year “1500” is out of range and was left out.",
        "Budget “гд100,000”: amount or currency unclear; the wording is kept.",
    ]
    assert draft.values["budget"] == {
        "amount": Decimal(100000),
        "currency": "",
        "as_stated": "гд100,000",
    }
    assert draft.problems() == {"title": ["Field required"]}


def test_empty_gold_gives_an_empty_draft():
    draft = draft_from_gold({})
    assert draft.values["credits"] == []
    assert draft.values["countries"] == []
    assert draft.warnings == ["The page states no title: please type it."]


@needs_corpus
@pytest.mark.parametrize("name", ["dev", "seeds"])
def test_every_corpus_page_drafts_to_a_record(name):
    """The extractor's output on every corpus page maps to a valid record once titled."""
    for pid, data, _gold in pages(name):
        draft = draft_from_gold(extract_record(data).to_gold_dict())
        draft.values.setdefault("title", f"Page {pid}")
        assert draft.problems() == {}, pid
