"""The press kit (its HTML, which the PDF is built from) gives every festival entry's evidence
in words with a mark, and shows the drawn laurels on its cover: a claimed entry's laurel says
it is claimed."""

from __future__ import annotations

import base64
import datetime
import re

import pytest

from filmfolio.festivals.tests.factories import AwardFactory, EditionFactory, EntryFactory
from filmfolio.films.tests.factories import FilmFactory
from filmfolio.presskit.services import presskit_html

pytestmark = pytest.mark.django_db


def test_the_press_kit_shows_evidence_and_laurels() -> None:
    film = FilmFactory.create(title="Lantern Harbour", slug="lantern-harbour")
    horse = EditionFactory(festival__name="Golden Horse Awards", number=51, year=2014)
    EntryFactory(
        film=film,
        edition=horse,
        result="won",
        award=AwardFactory(festival=horse.festival, name="Best Documentary"),
        evidence="sourced",
        evidence_url="https://www.goldenhorse.org.tw/awards/2014",
        evidence_checked_on=datetime.date(2024, 5, 3),
    )
    EntryFactory(film=film, edition=EditionFactory(festival__name="Starlight Mill", year=2015))
    english = presskit_html(film, "en")
    assert (
        '<span class="evidence evidence-sourced">↗ Sourced — '
        "https://www.goldenhorse.org.tw/awards/2014</span>"
    ) in english
    assert '<span class="evidence evidence-claimed">○ Claimed by the filmmaker</span>' in english
    laurels = re.findall(r'src="data:image/svg\+xml;base64,([^"]+)"', english)
    svgs = [base64.b64decode(laurel).decode() for laurel in laurels]
    assert [("Golden Horse" in svg, "CLAIMED BY THE FILMMAKER" in svg) for svg in svgs] == [
        (True, False),
        (False, True),
    ]
    chinese = presskit_html(film, "zh-hans")
    assert '<span class="evidence evidence-claimed">○ 由电影人自述</span>' in chinese
