"""What counts as a play of a screener link, and the refusal of the play beyond its limit.

A play is the start of the stream from a visit of the film page: the page visit gives the
browser session a fresh play ticket for its link (``ticket_issue``, no query), and the first
master-playlist request that follows is authorised here (``play_refusal``, the ``PlayGate``
that ``films.hooks.play_refusal`` asks): it counts one play with a single conditional UPDATE
(``play_count < max_plays``), so two requests at once cannot both take the last play. The used
ticket keeps letting the same visit fetch the master playlist (another video on the page, a
player that asks again) for ``TICKET_REUSE_SECONDS``; after that, or without a page visit, a
limited link is refused. Reloading the page and pressing play again is a new play.

Plays are counted for links with a limit only: their page visits write the ticket into the
session, so the viewer-page cache (``films.page_cache``) never keeps those pages and the plays
left are always current; a link without a limit leaves its holder's page cacheable. Only videos
the session could not watch without the link count (a public trailer does not); the film's team
is never counted.
"""

from __future__ import annotations

import time
from typing import Any

from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from filmfolio.films import access
from filmfolio.films.hooks import PLAY_GATES, PlayGate, screener_copy_ready

from .models import ScreenerLink, Watermark
from .viewers import SESSION_LINK_GRANTS

SESSION_PLAY_TICKETS = "filmfolio.play_tickets"
FRESH = "fresh"
TICKET_REUSE_SECONDS = 10 * 60


def ticket_issue(request: Any, link: ScreenerLink) -> None:
    """A film page visit of a screener holder: the next start of the stream is a new play, or,
    when the link has no plays left, the earlier visit's ticket ends."""
    tickets = dict(request.session.get(SESSION_PLAY_TICKETS) or {})
    if plays_left(link) == 0:
        tickets.pop(str(link.pk), None)
    else:
        tickets[str(link.pk)] = FRESH
    request.session[SESSION_PLAY_TICKETS] = tickets


def plays_left(link: ScreenerLink) -> int | None:
    """How many plays the link still allows (None: no limit)."""
    if link.max_plays is None:
        return None
    return max(link.max_plays - link.play_count, 0)


def exhausted_message(link: ScreenerLink) -> str:
    """The refusal of the play beyond the limit, in the active language."""
    plays = link.max_plays or 0
    return ngettext(
        "You have used the %(n)d play this screener allows. Ask its sender for more.",
        "You have used all %(n)d plays this screener allows. Ask its sender for more.",
        plays,
    ) % {"n": plays}


def _granted_link_id(request: Any, film: Any) -> int | None:
    grants = request.session.get(SESSION_LINK_GRANTS) or {}
    link_id = grants.get(str(film.pk))
    return link_id if isinstance(link_id, int) else None


def _needs_link(viewer: access.Viewer, film: Any, visibility: str) -> bool:
    """Could the viewer watch this video only through its screener link?"""
    if film.pk not in viewer.link_film_ids:
        return False
    without = access.Viewer(
        user=viewer.user,
        link_film_ids=viewer.link_film_ids - {film.pk},
        password_film_ids=viewer.password_film_ids,
    )
    return not access.can_watch_video(without, film, visibility=visibility)


def _count_play(link: ScreenerLink) -> bool:
    """Count one play of ``link`` unless its limit is reached; True when counted."""
    limit = Q(max_plays__isnull=True) | Q(play_count__lt=F("max_plays"))
    return bool(
        ScreenerLink.objects.filter(limit, pk=link.pk).update(play_count=F("play_count") + 1)
    )


def _use_ticket(request: Any, link: ScreenerLink) -> str | None:
    tickets = dict(request.session.get(SESSION_PLAY_TICKETS) or {})
    ticket = tickets.get(str(link.pk))
    if ticket == FRESH:
        if not _count_play(link):
            return exhausted_message(link)
        tickets[str(link.pk)] = time.time()
        request.session[SESSION_PLAY_TICKETS] = tickets
        return None
    fresh_enough = isinstance(ticket, float) and time.time() - ticket < TICKET_REUSE_SECONDS
    if fresh_enough or link.max_plays is None:
        return None
    if plays_left(link) == 0:
        return exhausted_message(link)
    return _("Open the film's page again to start a new play.")


def play_refusal(request: Any, film: Any, visibility: str) -> str | None:
    """The ``PlayGate`` of screener links: None to let the stream start (counting a play when
    it is one), else why not."""
    session = getattr(request, "session", None)
    if session is None or not _needs_link(request.viewer, film, visibility):
        return None
    link_id = _granted_link_id(request, film)
    link = ScreenerLink.objects.filter(pk=link_id, film=film).first() if link_id else None
    if link is None or not link.is_valid_at(timezone.now()):
        return _("This screener link is not valid any more.")
    if link.watermark == Watermark.BURNED and not screener_copy_ready(link):
        return _("This screener is being prepared for you. Please try again later.")
    return _use_ticket(request, link)


def register() -> None:
    """Let ``films.hooks.play_refusal`` ask screener links (from ``SharingConfig.ready``)."""
    PLAY_GATES.register(PlayGate(key="screener-plays", refusal=play_refusal))
