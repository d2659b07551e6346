"""Facts about a video that apps beside ``media`` need without importing it.

``sharing`` records how far a screener recipient watched a video and reports it as a share of
the video's length; ``sharing`` and ``media`` are peers and import none of each other. ``media``
registers a ``VideoFacts`` lookup here (``media.film_parts.register``); ``video_facts`` asks it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from filmfolio.core.contributions import Registry


@dataclass(frozen=True)
class PlayableVideo:
    """What a viewing report needs of one video: its film, who may watch it and its length."""

    public_id: str
    film_id: int
    visibility: str
    duration_seconds: float | None
    title: str


@dataclass(frozen=True)
class VideoFacts:
    """One app's lookup of videos by public id (``None`` when it knows no such video)."""

    key: str
    lookup: Callable[[str], PlayableVideo | None]
    order: int = 0


VIDEO_FACTS: Registry[VideoFacts] = Registry("video_facts")


def video_facts(public_id: str) -> PlayableVideo | None:
    """The first registered app's facts about the video ``public_id``, or None."""
    for facts in VIDEO_FACTS:
        found = facts.lookup(public_id)
        if found is not None:
            return found
    return None
