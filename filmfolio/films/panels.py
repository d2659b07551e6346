"""The film page as declared panels.

A panel is a part of the film page: a key, a place in the order, a template and a context
function. Each app declares its own in its ``panels.py`` (the record's parts here; media players
in ``media``; owner tools in ``sharing``; press kit and citation actions in ``presskit``) and
the films app imports them all when it starts (``FilmsConfig.ready``), so films imports none of
them.

There are two kinds, and which one a panel is decides what it can be given:

* a record panel (``per_viewer=False``) is rendered once per film version, language and site
  address, and cached (``films.page_cache``). Its context function receives the film's record
  (``films.record.FilmRecord``) and nothing else: no request, no viewer, no access level, so
  nothing it shows can depend on who is looking;
* a viewer panel (``per_viewer=True``) is rendered on every request and never cached. Its
  context function receives a ``Visit`` (the request, the viewer, the film and the viewer's
  access level). It must answer quickly, without a query, for a visitor it shows nothing to.

A context function returns the template's context, or None to leave the panel out.

The page's ``<head>`` has panels too (``HEAD_PANELS``: what the page tells other sites, such as
Open Graph tags and JSON-LD, declared by ``presskit``). They are record panels: given the record
only, rendered into the cached shell (``{% film_head record %}`` in ``_record_head.html``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest

from filmfolio.core.contributions import Registry
from filmfolio.films import access

from . import page_facts
from .models import Film
from .record import FilmRecord

PanelContext = Mapping[str, Any] | None


@dataclass(frozen=True)
class Visit:
    """What a viewer panel is given: who is looking at which film, with what access."""

    request: HttpRequest
    viewer: access.Viewer
    film: Film
    access: access.Access


@dataclass(frozen=True)
class Panel:
    """One part of the film page (see the module's docstring for the two kinds)."""

    key: str
    order: int
    template: str
    context: Callable[[Any], PanelContext]
    per_viewer: bool = False


PANELS: Registry[Panel] = Registry("panels")
# The page's <head> parts; record panels only (declared in the same ``panels.py`` modules).
HEAD_PANELS: Registry[Panel] = Registry("panels")


def record_panels() -> list[Panel]:
    """The panels rendered once per film version and cached, in page order."""
    return [panel for panel in PANELS if not panel.per_viewer]


def head_panels() -> list[Panel]:
    """The parts of the page's <head>, in order (never per viewer: the head is cached)."""
    return [panel for panel in HEAD_PANELS if not panel.per_viewer]


def viewer_panels() -> list[Panel]:
    """The panels rendered for every request, in page order."""
    return [panel for panel in PANELS if panel.per_viewer]


def _header(record: FilmRecord) -> PanelContext:
    return page_facts.page_context(record)


def _body(record: FilmRecord) -> PanelContext:
    return {
        **page_facts.page_context(record),
        "biographies": record.director_biographies(),
        "budget": page_facts.budget_of(record.film),
        "departments": page_facts.credits_by_department(record),
        "entries_by_year": page_facts.entries_by_year(record),
        "has_specifications": page_facts.has_specifications(record),
    }


PANELS.register(
    Panel(key="record-header", order=10, template="films/_record_header.html", context=_header)
)
PANELS.register(
    Panel(key="record-body", order=100, template="films/_record_body.html", context=_body)
)
