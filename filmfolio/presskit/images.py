"""The poster and stills of a press kit, embedded as data URIs so the PDF engine reads no files
or URLs (it runs with no network and works the same on local and object storage).

Only published WebP renditions are used: they carry no EXIF or GPS metadata. Images follow the
film's access, and the press kit is only built for those who may see the film.
"""

from __future__ import annotations

import base64
from typing import Any

from django.core.files.storage import default_storage

from filmfolio.media.models import Image

POSTER_WIDTH = 640
STILL_WIDTH = 1024
MAX_STILLS = 6


def _rendition_file(image: Image, width: int) -> str | None:
    """The smallest rendition at least ``width`` wide, else the largest there is."""
    renditions = sorted(image.renditions.all(), key=lambda r: r.width)
    if not renditions:
        return None
    wide_enough = [r for r in renditions if r.width >= width]
    return (wide_enough[0] if wide_enough else renditions[-1]).file


def _data_uri(name: str | None) -> str | None:
    if not name or not default_storage.exists(name):
        return None
    with default_storage.open(name, "rb") as handle:
        payload = base64.b64encode(handle.read()).decode("ascii")
    return f"data:image/webp;base64,{payload}"


def presskit_images_for(film: Any) -> tuple[str | None, list[str]]:
    """(poster, stills) of ``film`` as data URIs; at most ``MAX_STILLS`` stills, in album order."""
    images = list(
        Image.objects.filter(film=film).prefetch_related("renditions").order_by("position", "id")
    )
    poster = next((i for i in images if i.is_poster), None)
    stills = [i for i in images if not i.is_poster][:MAX_STILLS]
    poster_uri = _data_uri(_rendition_file(poster, POSTER_WIDTH)) if poster else None
    still_uris = [_data_uri(_rendition_file(i, STILL_WIDTH)) for i in stills]
    return poster_uri, [uri for uri in still_uris if uri]
