"""What counts as a visit through a screener link: one per browser session that keeps cookies,
opened by a person's browser rather than a link previewer.

A chat app, mail scanner or search engine that fetches a link to show a preview identifies
itself in its User-Agent, or does not keep cookies at all. An opening is therefore noted in the
session as pending and counted only when the browser comes back with that session on its next
GET (the film page the link redirects to); a reload, or the link opened again in the same
session, finds the grant already there and is not counted again.

A browser that only prefetches or prerenders the link (a mail client warming its links, the
address bar guessing) says so in ``Sec-Purpose`` or ``Purpose``; a fetch that is not a page
navigation says so in ``Sec-Fetch-Dest``. Neither is a visit. How far a visit then watched is
recorded by the player's heartbeats (``sharing.reports``), which only a browser sends.
"""

from __future__ import annotations

import re
from typing import Any

from django.conf import settings

SESSION_PENDING_OPENS = "filmfolio.pending_opens"

# User-Agent words of link previewers, crawlers and scripted clients.
PREVIEWER_AGENT = re.compile(
    r"bot\b|bot/|crawler|spider|preview|facebookexternalhit|facebookcatalog|slack|"
    r"whatsapp|telegram|discord|skypeuripreview|embedly|iframely|outlook|microsoft office|"
    r"google-read-aloud|curl/|wget/|python-requests|python-urllib|httpx|aiohttp|go-http-client|"
    r"okhttp|java/|libwww|headless|lighthouse|pingdom|uptime|monitor",
    re.IGNORECASE,
)


# Headers with which browsers mark a fetch no person asked to see yet.
PURPOSE_HEADERS = ("HTTP_SEC_PURPOSE", "HTTP_PURPOSE", "HTTP_X_PURPOSE", "HTTP_X_MOZ")


def is_previewer(request: Any) -> bool:
    """Does the request come from a link previewer or a script (or name no browser at all),
    or from a browser prefetching the link rather than opening it?"""
    agent = str(request.META.get("HTTP_USER_AGENT", "")).strip()
    if not agent or PREVIEWER_AGENT.search(agent):
        return True
    meta = request.META
    purpose = " ".join(str(meta.get(name, "")) for name in PURPOSE_HEADERS).lower()
    if "prefetch" in purpose or "prerender" in purpose or "preview" in purpose:
        return True
    return meta.get("HTTP_SEC_FETCH_DEST", "document") not in ("document", "")


def note_pending_open(request: Any, link_id: int) -> None:
    """Remember in the session that ``link_id`` was opened; counted on the session's next GET."""
    pending = [*request.session.get(SESSION_PENDING_OPENS, []), link_id]
    request.session[SESSION_PENDING_OPENS] = sorted(set(pending))


def take_pending_opens(request: Any) -> list[int]:
    """The link openings this session has noted and not yet counted (and forget them), when
    the request is a GET that came back with the session cookie; else nothing."""
    if request.method != "GET" or settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return []
    session = getattr(request, "session", None)
    if session is None or SESSION_PENDING_OPENS not in session:
        return []
    return [int(link_id) for link_id in session.pop(SESSION_PENDING_OPENS)]
