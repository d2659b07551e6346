"""The film page's panel for the holder of a screener link with a burned-in watermark
(``films.panels``, a viewer panel): the link's own copy when it is ready, "being prepared"
until then. It shows nothing, without a query, to anyone who holds no screener link."""

from __future__ import annotations

from filmfolio.films.access import Access
from filmfolio.films.panels import PANELS, Panel, PanelContext, Visit

from .links import burned_link_of, link_copy_for


def _link_copy(visit: Visit) -> PanelContext:
    if visit.access >= Access.EDIT:
        return None
    link = burned_link_of(visit.viewer, visit.film)
    if link is None:
        return None
    return {"link": link, "copy": link_copy_for(link)}


PANELS.register(
    Panel(
        key="copies-link",
        order=3,
        template="copies/panel.html",
        context=_link_copy,
        per_viewer=True,
    )
)
