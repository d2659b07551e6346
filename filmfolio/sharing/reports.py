"""Viewing reports: the player's heartbeats through a screener link, kept as one row per viewing.

A heartbeat (``sharing.reports_views.viewing_beat``, sent by ``sharing/heartbeat.js`` every
15 seconds of playing and on ``pagehide``) carries the video's public id, a random key of the
viewing (one per play in a browser tab), the ranges of the video the tab has played so far and
the seconds it played since its previous beat. Only a session that holds a screener link to the
video's film may send one (``films.screener_access.can_report_viewing``); the link is the session's,
never named by the client.

Time watched is never counted twice: the seconds a beat reports are clamped to the wall clock
since the latest beat of any viewing of the same link (so two tabs playing at once count the
time once, and a seek or a doctored beat adds nothing the clock did not allow). The first beat
of a viewing creates its row and credits nothing. The share watched is the union of the
played ranges, so seeking forward does not count what was skipped. The video's length comes
from the media app through ``films.playback`` (the peers import none of each other).
"""

from __future__ import annotations

import math
import re
import uuid
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from filmfolio.accounts.throttling import Throttle
from filmfolio.core.errors import ObjectNotFoundError, ValidationFailedError
from filmfolio.films.models import Film
from filmfolio.films.playback import PlayableVideo, video_facts
from filmfolio.films.screener_access import can_report_viewing

from .models import Device, ScreenerViewing
from .viewers import SESSION_LINK_GRANTS

MAX_RANGES = 50
MAX_VIEWINGS_PER_LINK = 500
# Longest stretch of playing one beat may report (the player beats every 15 seconds).
MAX_BEAT_SECONDS = 3600.0
# Allowance for timers and network between the clock of the browser and the server's.
CLOCK_SLACK_SECONDS = 1.0
# A played range may end this far past the known length (rounding of the last segment).
LENGTH_TOLERANCE_SECONDS = 1.0
VIEWING_KEY = re.compile(r"^[A-Za-z0-9_-]{8,32}$")
BEATS = Throttle(scope="screener-beats", limit=240, window_seconds=600)


class ViewingsExhaustedError(ValidationFailedError):
    """A link has reported more viewings, or beats, than any person watches."""


@dataclass(frozen=True)
class Beat:
    """One parsed heartbeat: which video and viewing, played ranges, seconds played since the
    previous beat and the browser's User-Agent (reduced to a device, never stored)."""

    video: str
    viewing: str
    ranges: list[tuple[float, float]]
    played: float
    user_agent: str = ""


def _refuse(message: str) -> ValidationFailedError:
    return ValidationFailedError(message, errors={"beat": [message]})


def _number(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise _refuse(_("A heartbeat carries numbers of seconds.")) from None
    if not math.isfinite(value) or value < 0:
        raise _refuse(_("Seconds in a heartbeat are never negative."))
    return value


def parse_ranges(text: str) -> list[tuple[float, float]]:
    """``"0-12.5,30-41"`` as ``[(0.0, 12.5), (30.0, 41.0)]``; refuses a malformed list, an
    end before its start, or more than ``MAX_RANGES`` ranges."""
    parts = [part for part in text.split(",") if part.strip()]
    if len(parts) > MAX_RANGES:
        raise _refuse(_("A heartbeat carries at most %(n)d ranges.") % {"n": MAX_RANGES})
    ranges = []
    for part in parts:
        start, dash, end = part.strip().partition("-")
        if not dash:
            raise _refuse(_("A played range is written start-end."))
        low, high = _number(start), _number(end)
        if high < low:
            raise _refuse(_("A played range ends after it starts."))
        ranges.append((low, high))
    return ranges


def parse_beat(data: Any, user_agent: str = "") -> Beat:
    """A heartbeat from the fields the player posts, or ``ValidationFailedError``."""
    video = str(data.get("video", ""))[:64]
    try:
        video = str(uuid.UUID(video))
    except ValueError:
        raise _refuse(_("A heartbeat names its video.")) from None
    viewing = str(data.get("viewing", ""))
    if not VIEWING_KEY.match(viewing):
        raise _refuse(_("A heartbeat names its viewing."))
    played = _number(str(data.get("played", "0"))[:32] or "0")
    if played > MAX_BEAT_SECONDS:
        raise _refuse(_("A heartbeat reports at most an hour of playing."))
    ranges = parse_ranges(str(data.get("ranges", ""))[:4000])
    return Beat(video, viewing, ranges, played, user_agent[:500])


def merge_ranges(ranges: list[tuple[float, float]] | list[list[float]]) -> list[list[float]]:
    """Overlapping or touching ranges merged, in order, rounded to tenths of a second."""
    merged: list[list[float]] = []
    for start, end in sorted((float(a), float(b)) for a, b in ranges):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [[round(start, 1), round(end, 1)] for start, end in merged]


def covered_seconds(ranges: list[list[float]]) -> float:
    """Seconds of the video covered by ``ranges`` (counted once where they overlap)."""
    return sum(end - start for start, end in merge_ranges(ranges))


TABLET_AGENT = re.compile(r"ipad|tablet|kindle|silk|playbook|android(?!.*mobile)", re.IGNORECASE)
PHONE_AGENT = re.compile(r"mobile|iphone|ipod|android|windows phone", re.IGNORECASE)


def device_of(user_agent: str) -> str:
    """Desktop, phone or tablet, from a User-Agent (which is then forgotten)."""
    if TABLET_AGENT.search(user_agent):
        return Device.TABLET
    if PHONE_AGENT.search(user_agent):
        return Device.PHONE
    return Device.DESKTOP


def session_link_id(request: Any, film_id: int) -> int | None:
    """The screener link through which this browser session holds ``film_id``, if any."""
    grants = request.session.get(SESSION_LINK_GRANTS) or {}
    link_id = grants.get(str(film_id))
    return int(link_id) if link_id is not None else None


def _reportable(request: Any, beat: Beat) -> tuple[PlayableVideo, int]:
    """The video and the session's link of a beat, when this session may report on it."""
    video = video_facts(beat.video)
    film = Film.objects.filter(pk=video.film_id).first() if video is not None else None
    viewer = request.viewer
    if (
        video is None
        or film is None
        or not can_report_viewing(viewer, film, visibility=video.visibility)
    ):
        raise ObjectNotFoundError(_("There is nothing to report on here."))
    link_id = session_link_id(request, film.pk)
    if link_id is None:
        raise ObjectNotFoundError(_("There is nothing to report on here."))
    return video, link_id


def _check_length(video: PlayableVideo, ranges: list[tuple[float, float]]) -> None:
    length = video.duration_seconds
    if length is not None and any(end > length + LENGTH_TOLERANCE_SECONDS for _s, end in ranges):
        raise _refuse(_("A played range ends after the end of the video."))


def viewing_record(*, request: Any, beat: Beat) -> ScreenerViewing:
    """Record one heartbeat of this session's screener link: create the viewing on its first
    beat, else merge its ranges and add the seconds played, clamped to the wall clock since
    the link's latest beat. Refuses (changing nothing) a beat of a video this session may not
    report on (``ObjectNotFoundError``), nonsense (``ValidationFailedError``) and more beats or
    viewings than a person makes (``ViewingsExhaustedError``)."""
    video, link_id = _reportable(request, beat)
    _check_length(video, beat.ranges)
    if BEATS.is_blocked(str(link_id)):
        raise ViewingsExhaustedError(_("Too many heartbeats from this link; wait a few minutes."))
    BEATS.hit(str(link_id))
    now = timezone.now()
    try:
        with transaction.atomic():
            return _record(link_id, video, beat, now)
    except IntegrityError:
        # the same viewing's first beat arrived twice at once: the other one created it
        with transaction.atomic():
            return _record(link_id, video, beat, now)


def _record(link_id: int, video: PlayableVideo, beat: Beat, now: Any) -> ScreenerViewing:
    viewing = (
        ScreenerViewing.objects.select_for_update()
        .filter(link_id=link_id, viewing_key=beat.viewing)
        .first()
    )
    if viewing is None:
        return _start(link_id, video, beat, now)
    if viewing.video_key != video.public_id:
        raise _refuse(_("A viewing plays one video."))
    latest = ScreenerViewing.objects.filter(link_id=link_id).aggregate(at=Max("last_beat_at"))
    since = max(viewing.last_beat_at, latest["at"] or viewing.last_beat_at)
    allowed = max((now - since).total_seconds(), 0.0) + CLOCK_SLACK_SECONDS
    ranges = merge_ranges([*viewing.played_ranges, *beat.ranges])[-MAX_RANGES:]
    viewing.played_ranges = ranges
    viewing.furthest_seconds = max([viewing.furthest_seconds, *(end for _s, end in ranges)])
    viewing.watched_seconds = round(viewing.watched_seconds + min(beat.played, allowed), 1)
    viewing.duration_seconds = video.duration_seconds
    viewing.beat_count += 1
    viewing.last_beat_at = now
    viewing.save()
    return viewing


def _start(link_id: int, video: PlayableVideo, beat: Beat, now: Any) -> ScreenerViewing:
    if ScreenerViewing.objects.filter(link_id=link_id).count() >= MAX_VIEWINGS_PER_LINK:
        raise ViewingsExhaustedError(_("This link has reported as many viewings as it may."))
    ranges = merge_ranges(beat.ranges)
    return ScreenerViewing.objects.create(
        link_id=link_id,
        video_key=video.public_id,
        viewing_key=beat.viewing,
        device=device_of(beat.user_agent),
        duration_seconds=video.duration_seconds,
        furthest_seconds=max([0.0, *(end for _s, end in ranges)]),
        played_ranges=ranges,
        beat_count=1,
        started_at=now,
        last_beat_at=now,
    )
