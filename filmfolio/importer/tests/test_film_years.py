"""Years, facts and labels on pages written for these tests (`pages/years/`), in layouts and
languages the corpus does not have: a completion year before a later release label, an
article's lead year before a later premiere label, a release stated in prose, a capital I
standing for a bar with a country's vehicle code, and Chinese facts and labels glued into runs.
"""

from pathlib import Path

import pytest

from filmfolio.importer.extract import extract_record
from filmfolio.importer.extract.cjk_fact_run import glued_facts, glued_labels
from filmfolio.importer.extract.facts import fact_line

PAGES = Path(__file__).parent / "pages" / "years"
FIELDS = ("title", "year", "runtime_minutes", "directors", "countries", "genres")

EXPECTED = {
    "en_completed_before_release": ("Salt and Iron", 2017, 84, ["Ruth Calder"], [], []),
    "ro_lead_before_premiere": ("Drumul sării", 2015, 72, ["Ana Popescu"], [], []),
    "en_release_in_prose": ("Harbour Lights", 2012, None, ["Tom Reyes"], [], []),
    "de_bar_letter_and_vehicle_code": ("NACHTFALTER", 2019, 12, [], ["CH"], []),
    "zh_glued_fact_run": ("山那边", 2019, 98, ["林海"], ["香港"], ["剧情"]),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_year_and_facts(name):
    out = extract_record((PAGES / f"{name}.txt").read_text()).to_gold_dict()
    assert tuple(out[f] for f in FIELDS) == EXPECTED[name]


def test_every_year_page_is_checked():
    assert sorted(p.stem for p in PAGES.glob("*.txt")) == sorted(EXPECTED)


def test_a_year_from_prose_is_marked_unsure():
    out = extract_record((PAGES / "en_release_in_prose.txt").read_text()).to_gold_dict()
    assert out["confidence"]["year"] == 0.5


def test_a_release_sentence_about_another_film_gives_no_year():
    page = "Harbour Lights\nDirected by Tom Reyes\nHis earlier short was released in 2008.\n"
    assert extract_record(page).year is None


def test_the_glued_label_run_keeps_each_label_and_value():
    found = [
        (lab.field, lab.label, lab.value) for lab in glued_labels("片长98分钟导演林海编剧周岚", 0)
    ]
    assert found == [
        ("runtime", "片长", "98分钟"),
        ("credit:director", "导演", "林海"),
        ("credit:writer", "编剧", "周岚"),
    ]


@pytest.mark.parametrize("line", ["他是一位导演也是编剧", "导演:林海", "导演林海"])
def test_a_sentence_or_one_label_is_no_glued_run(line):
    assert glued_labels(line, 0) == []


@pytest.mark.parametrize("line", ["我们在2017年拍摄", "四个春天", "纪录片", "2017"])
def test_a_sentence_or_one_fact_is_no_glued_fact_run(line):
    assert glued_facts(line) is None


def test_vehicle_codes_need_another_fact_and_the_bar_letter_spaces():
    assert fact_line("D") is None
    assert fact_line("CH / F") is None
    assert fact_line("When I was young") is None
    facts = fact_line("F I 2020 I 95 min")
    assert (facts.countries, facts.year, facts.runtime) == (["F"], 2020, 95)
