"""Image bytes for tests, made with Pillow."""

from __future__ import annotations

import io

from PIL import Image


def jpeg_with_gps(width: int = 800, height: int = 600) -> bytes:
    """A JPEG whose EXIF holds a GPS position and a camera make."""
    img = Image.new("RGB", (width, height), (200, 40, 40))
    exif = Image.Exif()
    exif[0x010F] = "TestCam"  # Make
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (31.0, 14.0, 0.0)
    gps[3], gps[4] = "E", (121.0, 28.0, 0.0)
    out = io.BytesIO()
    img.save(out, "JPEG", exif=exif)
    return out.getvalue()


def png(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("L", (width, height), 128).save(out, "PNG")
    return out.getvalue()
