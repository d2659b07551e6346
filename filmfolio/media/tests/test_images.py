"""Image checks and renditions: limits, refusals with clear messages, metadata stripped."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from filmfolio.core.errors import ValidationFailedError
from filmfolio.media import images

from .imagedata import jpeg_with_gps, png

LIMIT = 50_000_000


def test_check_accepts_a_jpeg_and_chooses_the_extension():
    checked = images.check_image(jpeg_with_gps(), max_pixels=LIMIT)
    assert checked == images.CheckedImage("JPEG", "jpg", 800, 600)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "The file is empty."),
        (
            b"just some text, renamed to .jpg",
            "This file is not an image we can read (JPEG, PNG, WebP).",
        ),
        (jpeg_with_gps()[:400], "The image is damaged or incomplete."),
    ],
)
def test_check_refuses_bad_files_with_a_clear_message(data, message):
    with pytest.raises(ValidationFailedError) as err:
        images.check_image(data, max_pixels=LIMIT)
    assert err.value.message == message


@pytest.mark.slow
def test_check_refuses_a_100_megapixel_png():
    with pytest.raises(ValidationFailedError) as err:
        images.check_image(png(10_000, 10_000), max_pixels=LIMIT)
    assert err.value.message == "The image is too large: at most 50 megapixels are accepted."


def test_decompression_bomb_is_refused_before_decoding():
    # A small file that claims many pixels: Pillow's own bomb check must not be reached first.
    with pytest.raises(ValidationFailedError, match="too large"):
        images.check_image(png(4000, 3000), max_pixels=1_000_000)


def test_renditions_are_webp_at_widths_not_above_the_original():
    result = images.renditions(
        jpeg_with_gps(), widths=[320, 640, 1280], quality=80, max_pixels=LIMIT
    )
    assert [(r.width, r.height) for r in result] == [(320, 240), (640, 480), (800, 600)]
    for rendition in result:
        with Image.open(io.BytesIO(rendition.data)) as img:
            assert img.format == "WEBP"
            assert img.size == (rendition.width, rendition.height)


def test_renditions_carry_no_exif_or_gps():
    assert Image.open(io.BytesIO(jpeg_with_gps())).getexif().get_ifd(0x8825)
    for rendition in images.renditions(jpeg_with_gps(), widths=[320], quality=80, max_pixels=LIMIT):
        with Image.open(io.BytesIO(rendition.data)) as img:
            assert dict(img.getexif()) == {}
            assert "exif" not in img.info
            assert "xmp" not in img.info
