"""Titles, years, running times, types, genres, countries, languages and specs on pages written
for these tests, in layouts and languages the corpus pages do not show.

Each page in `pages/facts/` was written for the test (no corpus text) and shows one or more
forms the extractor reads from knowledge of languages and layouts: window titles of any site,
a title repeated under its window title, an original-title label beside the heading, a second
line in another script, facts in brackets after a quoted or capitalised title, fact lines parted
by commas, spec values recognised by what they say, and page-kind words that are no titles.
Every value asserted is the value the page states, under the corpus conventions.
"""

from pathlib import Path

import pytest

from filmfolio.importer.extract import extract_record

PAGES = Path(__file__).parent / "pages" / "facts"
FIELDS = ("title", "original_title", "year", "runtime_minutes", "type", "genres", "countries")

EXPECTED = {
    "ar_original_label": {
        "title": "بيت الريح",
        "original_title": "The House of Wind",
        "year": 2017,
        "runtime_minutes": 92,
        "type": "feature",
        "genres": ["دراما"],
        "countries": ["مصر"],
        "languages": ["العربية"],
        "specs": {},
    },
    "de_press_release_fact_group": {
        "title": "Der stille Fluss",
        "original_title": None,
        "year": 2021,
        "runtime_minutes": 94,
        "type": "feature",
        "genres": [],
        "countries": ["Deutschland", "Schweden"],
        "languages": [],
        "specs": {},
    },
    "de_window_title_and_format_list": {
        "title": "Der stille Fluss",
        "original_title": "Den tysta floden",
        "year": 2021,
        "runtime_minutes": 94,
        "type": "feature",
        "genres": ["Drama"],
        "countries": ["Schweden", "Deutschland"],
        "languages": ["Schwedisch"],
        "specs": {"aspect_ratio": "1,85:1", "sound": "Dolby 5.1", "color": "color"},
    },
    "el_original_label": {
        "title": "Το σπίτι του ανέμου",
        "original_title": "The House of the Wind",
        "year": 2020,
        "runtime_minutes": 90,
        "type": "documentary",
        "genres": ["Ντοκιμαντέρ"],
        "countries": ["Ελλάδα"],
        "languages": ["Ελληνικά"],
        "specs": {},
    },
    "en_catalogue_slash_titles": {
        "title": "Den tysta floden",
        "original_title": "The Silent River",
        "year": 2021,
        "runtime_minutes": 94,
        "type": "feature",
        "genres": [],
        "countries": ["Sweden", "Germany"],
        "languages": [],
        "specs": {"color": "color"},
    },
    "en_menu_and_fact_line": {
        "title": "THE SALT ROAD",
        "original_title": None,
        "year": 2021,
        "runtime_minutes": 58,
        "type": "documentary",
        "genres": [],
        "countries": ["Sweden", "Norway"],
        "languages": [],
        "specs": {"aspect_ratio": "1.78:1", "sound": "Stereo", "color": "color"},
    },
    "en_news_fact_group": {
        "title": "THE SALT ROAD",
        "original_title": None,
        "year": 2021,
        "runtime_minutes": 58,
        "type": "documentary",
        "genres": [],
        "countries": ["Sweden"],
        "languages": [],
        "specs": {},
    },
    "en_watch_window_title": {
        "title": "The Salt Road",
        "original_title": None,
        "year": 2021,
        "runtime_minutes": 72,
        "type": "feature",
        "genres": [],
        "countries": [],
        "languages": ["English", "Norwegian"],
        "specs": {
            "shooting_format": "Super 16mm",
            "aspect_ratio": "2.39 : 1",
            "sound": "Dolby Atmos",
            "color": "black and white",
        },
    },
    "es_dot_fact_line": {
        "title": "La casa del viento",
        "original_title": None,
        "year": 2018,
        "runtime_minutes": 76,
        "type": "documentary",
        "genres": ["Documental"],
        "countries": ["España"],
        "languages": [],
        "specs": {},
    },
    "fa_original_label": {
        "title": "خانه باد",
        "original_title": "The House of Wind",
        "year": 2018,
        "runtime_minutes": 85,
        "type": "feature",
        "genres": ["درام"],
        "countries": ["ایران"],
        "languages": ["فارسی"],
        "specs": {},
    },
    "fr_original_label_and_spec_values": {
        "title": "La Maison des vents",
        "original_title": "The House of Winds",
        "year": 2019,
        "runtime_minutes": 100,
        "type": "feature",
        "genres": [],
        "countries": ["France", "Belgique"],
        "languages": ["français", "anglais"],
        "specs": {"aspect_ratio": "2.39:1", "sound": "stéréo", "color": "color"},
    },
    "fr_press_release_animation": {
        "title": "La Maison des vents",
        "original_title": None,
        "year": 2019,
        "runtime_minutes": 12,
        "type": "animation",
        "genres": [],
        "countries": ["France"],
        "languages": [],
        "specs": {},
    },
    "ja_fact_line": {
        "title": "Memory of Wind",
        "original_title": "風の記憶",
        "year": 2018,
        "runtime_minutes": 88,
        "type": "documentary",
        "genres": ["ドキュメンタリー"],
        "countries": ["日本"],
        "languages": [],
        "specs": {},
    },
    "ja_site_title_and_slash_specs": {
        "title": "Memory of Wind",
        "original_title": "風の記憶",
        "year": 2018,
        "runtime_minutes": 88,
        "type": "documentary",
        "genres": ["ドキュメンタリー"],
        "countries": ["日本"],
        "languages": ["日本語"],
        "specs": {"aspect_ratio": "16:9", "sound": "ステレオ", "color": "color"},
    },
    "ko_other_title_in_brackets": {
        "title": "The House of Wind",
        "original_title": "바람의 집",
        "year": 2020,
        "runtime_minutes": None,
        "type": None,
        "genres": [],
        "countries": [],
        "languages": [],
        "specs": {},
    },
    "ko_second_script_line": {
        "title": "The House of Wind",
        "original_title": "바람의 집",
        "year": 2020,
        "runtime_minutes": 102,
        "type": "feature",
        "genres": ["드라마"],
        "countries": ["대한민국"],
        "languages": ["한국어"],
        "specs": {"aspect_ratio": "1.85:1", "sound": "돌비 5.1", "color": "color"},
    },
    "pt_sound_word": {
        "title": "A Casa do Vento",
        "original_title": None,
        "year": 2014,
        "runtime_minutes": 15,
        "type": "animation",
        "genres": ["Animação"],
        "countries": ["Portugal"],
        "languages": ["português"],
        "specs": {"aspect_ratio": "16:9", "sound": "Estéreo", "color": "color"},
    },
    "ru_original_label": {
        "title": "Дом ветров",
        "original_title": "The House of Winds",
        "year": 2016,
        "runtime_minutes": 112,
        "type": "feature",
        "genres": ["драма"],
        "countries": ["Россия"],
        "languages": ["русский"],
        "specs": {"sound": "Dolby Digital", "color": "color"},
    },
    "tr_colour_word": {
        "title": "Rüzgarın Evi",
        "original_title": None,
        "year": 2022,
        "runtime_minutes": 88,
        "type": "documentary",
        "genres": ["Belgesel"],
        "countries": ["Türkiye"],
        "languages": ["Türkçe"],
        "specs": {"sound": "Stereo", "color": "color"},
    },
    "tr_comma_fact_line": {
        "title": "Rüzgarın Evi",
        "original_title": None,
        "year": 2022,
        "runtime_minutes": 88,
        "type": "documentary",
        "genres": ["Belgesel"],
        "countries": ["Türkiye"],
        "languages": [],
        "specs": {},
    },
    "zh_book_title_fact_group": {
        "title": "风之屋",
        "original_title": None,
        "year": 2015,
        "runtime_minutes": 98,
        "type": "feature",
        "genres": [],
        "countries": ["中国"],
        "languages": [],
        "specs": {},
    },
}


def facts_of(name: str) -> dict:
    out = extract_record((PAGES / f"{name}.txt").read_text()).to_gold_dict()
    found = {field: out[field] for field in (*FIELDS, "languages")}
    found["specs"] = {k: v for k, v in out["specs"].items() if v is not None}
    return found


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_page(name):
    assert facts_of(name) == EXPECTED[name]


def test_every_page_has_its_expectation():
    assert sorted(p.stem for p in PAGES.glob("*.txt")) == sorted(EXPECTED)
