"""What apps above media may tell it, registered in their ``AppConfig.ready`` (no signals).

``WITHHELD_STREAMS``: a higher app may withhold a video's streams from a viewer who could
otherwise watch them, because it serves that viewer another copy instead (the ``copies`` app:
the holder of a screener link with a burned-in watermark gets the link's own copy, never the
clean one). Asked by ``media.policy.can_view_media`` only for a viewer holding a screener link
to the film and not managing it, so no other request pays for it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from filmfolio.core.contributions import Registry


@dataclass(frozen=True)
class StreamWithholder:
    """``withholds(viewer, film, video)`` is True when the viewer must not get ``video``."""

    key: str
    order: int
    withholds: Callable[[Any, Any, Any], bool]


WITHHELD_STREAMS: Registry[StreamWithholder] = Registry("media_hooks")


def is_withheld(viewer: Any, film: Any, video: Any) -> bool:
    """Does any registered app withhold ``video`` from ``viewer``?"""
    return any(item.withholds(viewer, film, video) for item in WITHHELD_STREAMS)
