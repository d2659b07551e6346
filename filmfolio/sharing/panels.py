"""The sharing panels of the film page (``films.panels``), rendered on every request, never
cached, at the top of the page:

* ``screener-notice`` (order 2): for a screener holder (a session that opened a screener link
  of the film), who the screener is for and a request not to share it, the plays left, and
  the data of the watermark ``sharing/watermark.js`` draws over every player of the page. One
  query, only for such a session; nothing for anyone else;
* ``owner-tools`` (order 4): links to edit the film, its sharing and history, and what is
  missing from the record with links to fix it. Shown only to viewers who may edit the film;
  everyone else gets nothing (not even a hint that the panel exists).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from filmfolio.films.access import Access
from filmfolio.films.choices import TextKind
from filmfolio.films.models import DIRECTING
from filmfolio.films.panels import PANELS, Panel, PanelContext, Visit
from filmfolio.people.models import PersonBiography

from . import plays
from .controls import in_zone, zone_of
from .models import ScreenerLink
from .viewers import SESSION_LINK_GRANTS


def _edit_url(film: Any, section: str, suffix: str = "") -> str:
    """The studio section's address, with ``suffix`` (a query or fragment) after it."""
    return reverse(f"studio:{section}", kwargs={"slug": film.slug}) + suffix


def _credit_hints(film: Any) -> list[tuple[str, str]]:
    has_biography = Exists(PersonBiography.objects.filter(person=OuterRef("person")))
    credits = list(
        film.credits.filter(DIRECTING, person__isnull=False)
        .select_related("person")
        .annotate(has_biography=has_biography)
    )
    if not credits:
        return [(_("Add a director"), _edit_url(film, "credits", "#add-credits"))]
    without = [c.person for c in credits if not c.has_biography]
    if without:
        return [(_("Add a director biography"), credits[0].person.get_absolute_url())]
    return []


def owner_hints_for(film: Any) -> list[tuple[str, str]]:
    """(message, address) pairs for what an owner should still add to ``film``."""
    hints: list[tuple[str, str]] = []
    if not film.year:
        hints.append((_("Add the year"), _edit_url(film, "basics")))
    if not film.runtime_minutes:
        hints.append((_("Add the runtime"), _edit_url(film, "specs")))
    hints.extend(_credit_hints(film))
    kinds = set(film.texts.values_list("kind", flat=True))
    if TextKind.SYNOPSIS not in kinds:
        hints.append((_("Add a synopsis"), _edit_url(film, "texts", "?kind=synopsis#add-texts")))
    if TextKind.LOGLINE not in kinds:
        hints.append((_("Add a logline"), _edit_url(film, "texts", "?kind=logline#add-texts")))
    return hints


def _owner_tools(visit: Visit) -> PanelContext:
    if visit.access < Access.EDIT:
        return None
    return {"can_own": visit.access >= Access.OWN, "hints": owner_hints_for(visit.film)}


def _screener_notice(visit: Visit) -> PanelContext:
    """Who the screener is for, what it allows, and the watermark the player draws over the
    picture (its data comes from here, only for a screener holder). The visit gives the session
    a fresh play ticket (``plays``): pressing play from this page is one play."""
    film_id = visit.film.pk
    if film_id not in visit.viewer.link_film_ids or visit.access >= Access.EDIT:
        return None
    grants = visit.request.session.get(SESSION_LINK_GRANTS) or {}
    link_id = grants.get(str(film_id))
    if link_id is None:
        return None
    link = ScreenerLink.objects.filter(pk=link_id, film_id=film_id).first()
    if link is None:
        return None
    left = plays.plays_left(link)
    if link.max_plays is not None:  # the page is then never kept by the viewer-page cache
        plays.ticket_issue(visit.request, link)
    return {
        "recipient": link.recipient,
        "link": link,
        "plays_left": left,
        "refusal": plays.exhausted_message(link) if left == 0 else "",
        "watermark": "\n".join(watermark_lines(link, timezone.now())),
        "closes": in_zone(link.expires_at, zone_of(link)),
    }


def watermark_lines(link: ScreenerLink, now: datetime.datetime) -> list[str]:
    """The lines drawn over the picture: recipient, organisation, link id and today's date (in
    the recipient's time zone)."""
    today = now.astimezone(zone_of(link)).date().isoformat()
    lines = [link.recipient, link.recipient_organisation, f"#{link.pk} · {today}"]
    return [line for line in lines if line]


PANELS.register(
    Panel(
        key="screener-notice",
        order=2,
        template="sharing/panels/screener_notice.html",
        context=_screener_notice,
        per_viewer=True,
    )
)
PANELS.register(
    Panel(
        key="owner-tools",
        order=4,
        template="sharing/panels/owner.html",
        context=_owner_tools,
        per_viewer=True,
    )
)
