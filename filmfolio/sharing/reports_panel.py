"""The ``screener-heartbeat`` panel of the film page (order 3): for a session that opened a
screener link of the film (and does not manage it), the script that reports its viewing
(``sharing/heartbeat.js``) with the endpoint and the page's CSRF token. Nothing for anyone
else, so no other viewer's playing is ever reported. Registered by ``SharingConfig.ready``."""

from __future__ import annotations

from filmfolio.films.access import Access
from filmfolio.films.panels import PANELS, Panel, PanelContext, Visit

from .reports import session_link_id


def _heartbeat(visit: Visit) -> PanelContext:
    film_id = visit.film.pk
    if film_id not in visit.viewer.link_film_ids or visit.access >= Access.EDIT:
        return None
    return {} if session_link_id(visit.request, film_id) is not None else None


def register() -> None:
    """Add the panel to the film page."""
    PANELS.register(
        Panel(
            key="screener-heartbeat",
            order=3,
            template="sharing/panels/heartbeat.html",
            context=_heartbeat,
            per_viewer=True,
        )
    )
