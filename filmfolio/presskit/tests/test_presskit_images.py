"""The press kit embeds the film's poster and stills from their metadata-free renditions."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest
from PIL import Image as PILImage

from filmfolio.accounts.tests.factories import UserFactory
from filmfolio.films.models import Collaborator
from filmfolio.films.tests.factories import FilmFactory
from filmfolio.media.services.images import ImageDetails, image_upload
from filmfolio.media.tests.imagedata import jpeg_with_gps
from filmfolio.presskit.images import presskit_images_for
from filmfolio.presskit.services import presskit_html, presskit_render

pytestmark = pytest.mark.django_db


@pytest.fixture
def film(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.FILMFOLIO_MEDIA_WORK_DIR = str(tmp_path / "work")
    owner = UserFactory.create()
    film = FilmFactory.create(title="River Letters", visibility="public")
    Collaborator.objects.create(film=film, user=owner, role="owner")
    image_upload(
        film=film, actor=owner, data=jpeg_with_gps(1200, 1800), details=ImageDetails(is_poster=True)
    )
    for _ in range(2):
        image_upload(film=film, actor=owner, data=jpeg_with_gps(1600, 900))
    return film


def _decoded(uri: str) -> PILImage.Image:
    import base64

    header, payload = uri.split(",", 1)
    assert header == "data:image/webp;base64"
    return PILImage.open(io.BytesIO(base64.b64decode(payload)))


def test_poster_and_stills_come_from_renditions_without_metadata(film):
    poster, stills = presskit_images_for(film)
    assert poster is not None
    assert len(stills) == 2
    picture = _decoded(poster)
    assert (picture.format, picture.width) == ("WEBP", 640)
    assert picture.getexif() == {}
    # the smallest rendition at least 1024 wide (renditions are 320, 640, 1280...)
    assert [_decoded(s).width for s in stills] == [1280, 1280]


def test_the_pdf_carries_the_images(film, tmp_path: Path):
    html = presskit_html(film, "en")
    assert html.count("data:image/webp;base64,") == 3
    pdf = tmp_path / "kit.pdf"
    pdf.write_bytes(presskit_render(film=film, language="en"))
    listing = subprocess.run(
        ["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert len(listing) - 2 == 3  # two header lines, then one line per embedded image


def test_a_film_without_images_has_none(db):
    assert presskit_images_for(FilmFactory.create()) == (None, [])
