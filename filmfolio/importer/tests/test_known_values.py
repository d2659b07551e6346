"""Labels confirmed by their values and production nationalities, on pages written for these
tests (`pages/values/`) in languages and layouts the corpus does not have: "Land Sverige"
parted by a space only, "製作国日本" glued, "une coproduction franco-belge", and an Italian
"produzione indipendente" that names no country.
"""

from pathlib import Path

import pytest

from filmfolio.importer.extract import extract_record
from filmfolio.importer.extract.known_values import production_nationalities

PAGES = Path(__file__).parent / "pages" / "values"
FIELDS = ("title", "directors", "countries", "languages", "runtime_minutes")

EXPECTED = {
    "sv_spaced_labels": ("Vinterljus", ["Elin Berg"], ["Sverige"], ["svenska"], None),
    "ja_glued_country_label": ("雪の駅", ["山田花子"], ["日本"], [], 45),
    "fr_coproduction_nationality": ("Les Veilleurs", ["Marc Aubry"], ["franco-belge"], [], None),
    "it_independent_production": ("Il faro", ["Luca Neri"], [], [], None),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_values_of_the_page(name):
    out = extract_record((PAGES / f"{name}.txt").read_text()).to_gold_dict()
    assert tuple(out[f] for f in FIELDS) == EXPECTED[name]


def test_every_value_page_is_checked():
    assert sorted(p.stem for p in PAGES.glob("*.txt")) == sorted(EXPECTED)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Una produzione italiana del regista", ["italiana"]),
        ("eine deutsche Produktion des WDR", ["deutsche"]),
        ("It is a Swedish production.", ["Swedish"]),
        ("It was a costly production.", []),
        ("la producción ejecutiva corrió a cargo de", []),
        ("the production company was founded", []),
    ],
)
def test_production_nationalities(text, words):
    assert production_nationalities(text) == words


def test_a_name_under_a_director_label_is_not_a_label_line():
    page = "Vinterljus\nRegi: Elin Berg\nAnna Lind\n"
    assert extract_record(page).directors == ["Elin Berg", "Anna Lind"]
