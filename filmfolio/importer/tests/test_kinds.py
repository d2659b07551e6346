"""The film's type on pages written for these tests (`pages/kinds/`): an animation technique
named in a format line, and a fiction short on a page that also names the maker's
documentaries. Also "X é a sua primeira curta-metragem" as the sentence that names the title.
"""

from pathlib import Path

import pytest

from filmfolio.importer.extract import extract_record
from filmfolio.importer.extract.kind import decide_type
from filmfolio.importer.extract.title_layouts import own_film_title

PAGES = Path(__file__).parent / "pages" / "kinds"

EXPECTED = {
    "en_animation_technique": ("Paper Moons", "animation", 9),
    "pt_fiction_short_beside_documentaries": ("Maré alta", "short", 19),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_type_of_the_page(name):
    out = extract_record((PAGES / f"{name}.txt").read_text()).to_gold_dict()
    assert (out["title"], out["type"], out["runtime_minutes"]) == EXPECTED[name]


def test_every_kind_page_is_checked():
    assert sorted(p.stem for p in PAGES.glob("*.txt")) == sorted(EXPECTED)


@pytest.mark.parametrize(
    ("prose", "expected"),
    [
        ("animación digital 2d. 12 fps", "animation"),
        ("3d animation, dcp", "animation"),
        ("a documentary about clay", "documentary"),
        # a company's name with "fiction film" in it says nothing of the type
        ("produktion: zero fiction film. ein dokumentarfilm", "documentary"),
        ("她拍过两部纪录片。这是她的剧情短片。", "short"),
    ],
)
def test_type_from_prose(prose, expected):
    assert decide_type([], prose, "", None) == expected


def test_the_title_of_her_first_short():
    text = "Rita Soares fez documentários. Maré alta é a sua primeira curta-metragem de ficção."
    assert own_film_title(text) == "Maré alta"
