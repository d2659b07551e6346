"""Titles the page's layout states, on pages written for these tests in layouts and languages
the corpus does not have (`pages/layouts/`): a festival journal's entry (title, its other
title, the maker's name, a line with the running time), event and tab-word headings that are
no titles, a post's headline under its date, a work marked 《》 under a section heading, titles
written side by side in two languages, and "X est son premier court métrage".
"""

from pathlib import Path

import pytest

from filmfolio.importer.extract import extract_record
from filmfolio.importer.extract import title_layouts as layouts
from filmfolio.importer.extract.title import alias_titles

PAGES = Path(__file__).parent / "pages" / "layouts"

EXPECTED = {
    "cs_festival_journal_entry": ("Tichá řeka", "The Quiet River", ["Tomáš Novák"]),
    "hu_event_heading": ("Kék óra", None, ["Kiss Anna"]),
    "it_tab_words_heading": ("Il mare d'inverno", None, ["Paolo Serra"]),
    "en_post_headline_under_date": ("Lighthouses at Dusk", None, []),
    "zh_section_heading_marked_work": ("归途", None, []),
    "pt_titles_side_by_side": ("A casa do vento", "The house of wind", []),
    "fr_own_film_sentence": ("Le Chant du sel", None, ["Claire Morel"]),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_title_from_the_layout(name):
    out = extract_record((PAGES / f"{name}.txt").read_text()).to_gold_dict()
    assert (out["title"], out["original_title"], out["directors"]) == EXPECTED[name]


def test_every_layout_page_is_checked():
    assert sorted(p.stem for p in PAGES.glob("*.txt")) == sorted(EXPECTED)


def test_the_journal_entry_keeps_its_running_time_and_not_the_issue_date():
    out = extract_record((PAGES / "cs_festival_journal_entry.txt").read_text()).to_gold_dict()
    assert (out["runtime_minutes"], out["year"]) == (64, None)
    assert out["confidence"]["directors"] == 0.5  # the name under the title is a guess


def test_a_name_line_must_look_like_a_name():
    lines = [("Tichá řeka", 0), ("mluví o řece", 11), ("Česká panorama, 64’", 24)]
    assert layouts.catalogue_entry(lines) is None


@pytest.mark.parametrize(
    ("line", "event"),
    [
        ("36th Hong Kong International Film Festival", True),
        ("第2回 石垣島国際", True),
        ("제12회 서울독립영화제", True),
        ("A 12. Budapesti Rövidfilm Fesztivál", True),
        ("Film Fest in New Jersey", False),  # weak only: see below
        ("Kék óra", False),
        ("Festen", False),
    ],
)
def test_event_headings(line, event):
    assert layouts.is_event_heading(line) is event


@pytest.mark.parametrize(
    ("line", "festival"),
    [
        ("Film Fest in New Jersey", True),
        ("جشنواره فیلم فجر", True),
        ("The Last Film Festival", True),
        ("Kék óra", False),
    ],
)
def test_festival_words_make_a_heading_weak(line, festival):
    assert layouts.names_a_festival(line) is festival


def test_a_heading_with_a_festival_word_stays_when_the_text_names_no_other_title():
    out = extract_record("The Last Film Festival\n\nA comedy about a small festival.\n")
    assert out.title == "The Last Film Festival"


@pytest.mark.parametrize(
    ("line", "chrome"),
    [
        ("기본 정보출연진", True),
        ("基本信息演职员表", True),
        ("Overview Cast Crew Reviews", True),
        ("Scheda Trama Elenco", True),
        ("Cast Away", False),
        ("한국 영화의 르네상스", False),
    ],
)
def test_tab_word_runs(line, chrome):
    assert layouts.is_ui_run(line) is chrome


def test_a_marked_work_gives_way_to_a_heading_the_page_repeats():
    text = "四个春天\n导演:陆庆屹\n四个春天 剧照\n他想起《爱在北纬44度》。"
    assert layouts.marked_work(text, "四个春天") is None
    assert layouts.marked_work("校园动态\n《归途》入围。", "校园动态") == "归途"


def test_aka_is_a_word_not_letters_inside_one():
    assert alias_titles("Egy éjszakai pék") is None
    assert alias_titles("Kék óra aka Blue Hour") == ("Kék óra", "Blue Hour")


def test_a_reading_time_under_an_author_is_no_catalogue_entry():
    lines = [("Neue Kurzfilme im Kino", 0), ("Lena Vogt", 23), ("Lesezeit: 3 min.", 33)]
    assert layouts.catalogue_entry(lines) is None
    lines = [("Lena Vogt", 0), ("Lena  Vogt", 10), ("12 min", 21)]
    assert layouts.catalogue_entry(lines) is None


def _html(head: str, body: str) -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


BODY = "<div>Home | Films | About</div><p>Rendező: Kiss Anna</p><p>Kék óra egy film.</p>"


@pytest.mark.parametrize(
    ("head", "body", "expected"),
    [
        ('<meta property="og:title" content="Kék óra">', "<p>Rendező: Kiss Anna</p>", "Kék óra"),
        ("<title>Kék óra (2022) - Filmkatalógus</title>", "<p>Rendező: Kiss Anna</p>", "Kék óra"),
        ("<title>Kék óra | Kino Portal</title>", BODY, "Kék óra"),
        ("<title>News | Kino Portal</title>", "<h1>Kék óra</h1><p>Rendező: Kiss A</p>", "Kék óra"),
    ],
)
def test_open_graph_and_window_titles_of_an_html_page(head, body, expected):
    assert extract_record(_html(head, body)).title == expected
