"""Laurels drawn from festival entries (``festivals.laurels``) and served by
``festivals.laurel_views``: the text in the page's language, the winner and selection designs,
the claimed mark, the SVG and the poster-sized PNG on a transparent background, served through
the films' access policy and stored once per film version."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from filmfolio.core.audit import ChangeNote
from filmfolio.festivals.laurels import laurel_for, laurel_png, laurel_svg
from filmfolio.films.services import film_changed
from filmfolio.films.tests.factories import FilmFactory

from .factories import AwardFactory, EditionFactory, EntryFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def won():
    edition = EditionFactory(
        festival__name="Golden Horse Awards", festival__aliases=["金马奖"], number=51, year=2014
    )
    return EntryFactory(
        film=FilmFactory(slug="the-road", title="The Road"),
        edition=edition,
        result="won",
        award=AwardFactory(festival=edition.festival, name="Best Documentary"),
        evidence="confirmed",
    )


@pytest.fixture
def claimed(won):
    edition = EditionFactory(festival__name="Cinéma du Réel", number=36, year=2014)
    return EntryFactory(
        film=won.film, edition=edition, section=SectionFactory(edition=edition, name="First Films")
    )


def _texts(laurel):
    return [line.text for line in laurel.lines]


def test_a_confirmed_award_in_english_and_in_chinese(won):
    english, chinese = laurel_for(won, "en"), laurel_for(won, "zh-hans")
    assert _texts(english) == [
        "WINNER",
        "Best Documentary",
        "Golden Horse Awards",
        "51st (2014)",
    ]
    assert (english.star, english.hollow) == ("filled", False)
    assert _texts(chinese) == [
        "获奖",
        "Best Documentary",
        "金马奖",
        "Golden Horse Awards",
        "2014年第51届",
    ]


def test_a_claimed_selection_is_hollow_and_says_it_is_claimed(claimed):
    english, chinese = laurel_for(claimed, "en"), laurel_for(claimed, "zh-hans")
    assert _texts(english) == [
        "OFFICIAL SELECTION",
        "Cinéma du Réel",
        "36th (2014)",
        "First Films",
        "CLAIMED BY THE FILMMAKER",
    ]
    assert (english.star, english.hollow) == ("", True)
    assert _texts(chinese)[-1] == "由电影人自述"
    svg = laurel_svg(english, tone="black")
    assert '<g fill="none" stroke="#111111" stroke-width="2"' in svg
    assert ">CLAIMED BY THE FILMMAKER</text>" in svg


def test_the_confirmed_svg_has_filled_leaves_a_star_and_no_claimed_mark(won):
    svg = laurel_svg(laurel_for(won, "en"), tone="white")
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 420"')
    assert '<g fill="#ffffff" stroke="#ffffff" stroke-width="0"' in svg
    assert svg.count("<polygon ") == 2 * 2 * 10 + 1  # two branches of ten pairs, the star
    assert "CLAIMED" not in svg
    title = "WINNER · Best Documentary · Golden Horse Awards · 51st (2014)"
    assert f'<title id="laurel-title">{title}</title>' in svg


@pytest.mark.parametrize(("tone", "colour"), [("black", (17, 17, 17)), ("white", (255, 255, 255))])
def test_the_png_is_poster_sized_on_a_transparent_background(won, tone, colour):
    image = Image.open(io.BytesIO(laurel_png(laurel_for(won, "en"), tone=tone)))
    assert (image.format, image.mode, image.size) == ("PNG", "RGBA", (2400, 1680))
    assert image.getpixel((0, 0)) == (0, 0, 0, 0)
    opaque = {pixel[:3] for _count, pixel in image.getcolors(1 << 22) if pixel[3] == 255}
    assert opaque == {colour}


def test_the_laurel_is_served_stored_once_per_version(client, settings, tmp_path, won):
    settings.MEDIA_ROOT = tmp_path / "media"
    url = f"/films/the-road/laurels/{won.pk}.png?lang=zh-hans&tone=white"
    response = client.get(url)
    assert (response.status_code, response["Content-Type"]) == (200, "image/png")
    assert response["Cache-Control"] == "public, max-age=3600"
    image = Image.open(io.BytesIO(b"".join(response.streaming_content)))
    assert image.size == (2400, 1680)
    folder = Path(tmp_path / "media" / "festivals" / "laurels")
    assert [p.name for p in folder.rglob("*.png")] == [f"{won.pk}-zh-hans-white.png"]
    b"".join(client.get(url).streaming_content)
    assert len(list(folder.rglob("*.png"))) == 1
    film_changed(won.film, ChangeNote(actor=None, action="update"))
    b"".join(client.get(url).streaming_content)
    assert len(list(folder.rglob("*.png"))) == 2  # the film's new version is drawn anew
    svg = client.get(f"/films/the-road/laurels/{won.pk}.svg")
    assert svg["Content-Type"] == "image/svg+xml"
    assert b"Golden Horse Awards" in b"".join(svg.streaming_content)


def test_a_private_film_s_laurel_is_not_found_and_another_film_s_entry_neither(client, won):
    other = EntryFactory(film=FilmFactory(slug="other"))
    assert client.get(f"/films/the-road/laurels/{other.pk}.svg").status_code == 404
    won.film.visibility = "private"
    won.film.save()
    assert client.get(f"/films/the-road/laurels/{won.pk}.svg").status_code == 404


@pytest.mark.parametrize("query", ["lang=fr", "tone=gold", "lang=en&tone="])
def test_a_laurel_asked_in_another_language_or_colour_is_refused(client, won, query):
    response = client.get(f"/films/the-road/laurels/{won.pk}.png?{query}")
    assert response.status_code == 400
    assert response.content.decode() == (
        "Choose lang=en or lang=zh-hans, and tone=black or tone=white."
    )
