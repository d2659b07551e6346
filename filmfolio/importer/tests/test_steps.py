"""Unit tests for each extraction step, with exact values."""

from filmfolio.importer.extract import credits, festivals, kind, labels, quantities, specs
from filmfolio.importer.extract.clean import clean_text, html_to_text
from filmfolio.importer.extract.decode import decode_bytes
from filmfolio.importer.extract.facts import fact_line


def test_runtimes():
    cases = {
        "88 min": 88,
        "1h 30min": 90,
        "1 hour 40 minutes": 100,
        "12'40\"": 12,
        "90分钟": 90,
        "2 hours": 120,
        "26 минути": 26,
        "2′": 2,
    }
    assert {k: quantities.runtime_minutes(k) for k in cases} == cases


def test_dates_and_ordinals():
    assert quantities.full_date("December 29, 2017")[0] == "2017-12-29"
    assert quantities.full_date("Sun 20 October 2019")[0] == "2019-10-20"
    assert quantities.full_date("2018年3月28日")[0] == "2018-03-28"
    assert [
        quantities.ordinal_value(o) for o in ("36th", "Seventh", "第26届", "首届", "Third")
    ] == [36, 7, 26, 1, 3]


def test_label_forms():
    assert labels.parse_line("Director: Ann Lee", 0).field == "credit:director"
    glued = labels.parse_line("Режисиран отКолин Брантън", 0)
    assert (glued.field, glued.value) == ("credit:director", "Колин Брантън")
    table = labels.parse_line("Réalisé par | Linda Yellen |", 0)
    assert (table.field, table.value) == ("credit:director", "Linda Yellen")
    bilingual = labels.parse_line("Subtítulos / Subtitles: INGLÉS - ENGLISH", 0)
    assert bilingual.field == "subtitles"
    assert labels.parse_line("Runtime", 0).value == ""


def test_credit_splitting():
    assert credits.split_names("A Li & B Wu, C Ho and D Ma / E Xu") == [
        "A Li",
        "B Wu",
        "C Ho",
        "D Ma",
        "E Xu",
    ]
    assert credits.split_roles("Writer/Director") == ["Writer", "Director"]
    assert credits.role_text("Directors Name") == "Director"
    assert credits.split_names("Some Film Production House") == []
    assert credits.clean_name("李明 (Li Ming)") == "Li Ming"


def test_festival_sentences():
    entry = festivals.sentence_entries(
        "It won the Best Film Award at the 12th Kino Film Festival."
    )[0]
    assert (entry.festival, entry.edition, entry.award, entry.result) == (
        "Kino Film Festival",
        "12",
        "Best Film Award",
        "winner",
    )
    sel = festivals.sentence_entries("Selected by the 3rd Doc Days in the section of New Voices.")
    assert (sel[0].festival, sel[0].section, sel[0].result) == (
        "Doc Days",
        "New Voices",
        "selection",
    )
    assert festivals.sentence_entries("The film was submitted to the 90th Academy Awards.") == []


def test_specs_and_kind():
    assert specs.colour_of("COLOR - COLOUR") == "color"
    assert specs.colour_of("B/W") == "black and white"
    assert specs.is_placeholder("$0")
    assert kind.decide_type(["Documentary"], "", "", 25) == "documentary short"
    assert kind.decide_type([], "", "", 90) == "feature"
    assert kind.decide_type([], "纪录短片", "", 45) == "documentary short"
    assert kind.glued_genres("N/AReleasedDramaComedy") == ["Drama", "Comedy"]


def test_fact_line():
    facts = fact_line("China | 2018 | Mandarin with English Subtitles | 74min")
    assert (facts.countries, facts.year, facts.languages, facts.subtitles, facts.runtime) == (
        ["China"],
        2018,
        ["Mandarin"],
        ["English"],
        74,
    )
    assert fact_line("We went to the sea.") is None


def test_cleaning_and_decoding():
    text, warnings = clean_text("Title\nLoading videos…\nr6 p! j9 M8 z$ e* Q; y0 body")
    assert text == "Title\n body"
    assert warnings == []
    assert html_to_text("<p>A &amp; B</p><script>x()</script>").strip() == "A & B"
    assert decode_bytes("片名".encode("gb18030"))[0] == "片名"
    assert decode_bytes("abc".encode("utf-16"))[0] == "abc"
    assert decode_bytes(bytes(range(256)) * 4)[1].startswith("binary data")
