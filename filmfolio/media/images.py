"""Image checks and renditions with Pillow: no models, no storage.

An upload is refused when it is not an image, is over the pixel limit (decompression bombs
included) or cannot be decoded. Published renditions are WebP at several widths, re-encoded from
pixels only, so EXIF (GPS, camera serials), XMP and ICC-embedded comments are not carried over.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from django.utils.translation import gettext as _
from PIL import Image as PILImage
from PIL import ImageOps, UnidentifiedImageError

from filmfolio.core.errors import ValidationFailedError

ALLOWED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "TIFF": "tif", "GIF": "gif"}


@dataclass(frozen=True)
class CheckedImage:
    """An accepted upload: its format, file extension (chosen by us) and size in pixels."""

    format: str
    extension: str
    width: int
    height: int


@dataclass(frozen=True)
class Rendition:
    """One encoded WebP rendition."""

    width: int
    height: int
    data: bytes


def _refuse(message: str) -> ValidationFailedError:
    return ValidationFailedError(message, errors={"file": [message]})


def check_image(data: bytes, *, max_pixels: int) -> CheckedImage:
    """Identify ``data`` as an image within ``max_pixels``; raise ``ValidationFailedError``."""
    if not data:
        raise _refuse(_("The file is empty."))
    with warnings.catch_warnings():
        warnings.simplefilter("error", PILImage.DecompressionBombWarning)
        try:
            with PILImage.open(io.BytesIO(data)) as img:
                fmt, (width, height) = img.format or "", img.size
                _guard_pixels(width, height, max_pixels)
                img.verify()
        except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning) as exc:
            raise _too_large(max_pixels) from exc
        except UnidentifiedImageError as exc:
            raise _refuse(_("This file is not an image we can read (JPEG, PNG, WebP).")) from exc
        except (OSError, SyntaxError, ValueError) as exc:
            raise _refuse(_("The image is damaged or incomplete.")) from exc
    if fmt not in ALLOWED_FORMATS:
        raise _refuse(_("Images must be JPEG, PNG, WebP, TIFF or GIF."))
    return CheckedImage(fmt, ALLOWED_FORMATS[fmt], width, height)


def _too_large(max_pixels: int) -> ValidationFailedError:
    megapixels = max_pixels // 1_000_000
    return _refuse(
        _("The image is too large: at most %(mp)d megapixels are accepted.") % {"mp": megapixels}
    )


def _guard_pixels(width: int, height: int, max_pixels: int) -> None:
    if width * height > max_pixels:
        raise _too_large(max_pixels)


def renditions(data: bytes, *, widths: list[int], quality: int, max_pixels: int) -> list[Rendition]:
    """WebP renditions of ``data`` at each width not above the original (the original width is
    always included), oriented by EXIF and stripped of all metadata."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", PILImage.DecompressionBombWarning)
        with PILImage.open(io.BytesIO(data)) as img:
            _guard_pixels(img.width, img.height, max_pixels)
            oriented = ImageOps.exif_transpose(img)
            pixels = oriented.convert("RGBA" if _has_alpha(oriented) else "RGB")
    targets = sorted({w for w in widths if w < pixels.width} | {min(pixels.width, max(widths))})
    return [_encode(pixels, width, quality) for width in targets]


def _has_alpha(img: PILImage.Image) -> bool:
    return img.mode in ("RGBA", "LA", "PA") or "transparency" in img.info


def _encode(pixels: PILImage.Image, width: int, quality: int) -> Rendition:
    height = max(1, round(pixels.height * width / pixels.width))
    resized = (
        pixels
        if width == pixels.width
        else pixels.resize((width, height), PILImage.Resampling.LANCZOS)
    )
    out = io.BytesIO()
    # A fresh image carries no info dict: nothing but pixels is written.
    clean = PILImage.new(resized.mode, resized.size)
    clean.paste(resized)
    clean.save(out, "WEBP", quality=quality, method=4)
    return Rendition(width, height, out.getvalue())
