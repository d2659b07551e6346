"""The film page, served from a cached shell with the viewer's parts rendered per request.

The shell is ``films/detail.html`` with the record panels (``films.panels``) rendered in and a
slot in place of each viewer panel and each part of the frame that depends on the request (the
language switch's CSRF token and return address; the account links; messages; the signed-in
pages' script). It is rendered:

* from the film's record only (``films.selectors.film_record_for``) and without the request, so
  no user, session, CSRF token, query string or message can reach it, and record panels are
  given no viewer (``films.panels``): nothing in the cache depends on who asked first;
* once per film version, language and site address: the key holds ``updated_at``, which every
  change to what the page shows bumps (``films.changes.film_changed`` and
  ``films_refreshed``), and that drops the old version's entry too, so an edit shows at once.

On every request the slots are rendered with one request context (the context processors run
once) and joined with the shell's text. Who may see the film at all is checked before any of
this (``films.views.detail``).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from django.contrib.messages import get_messages
from django.core.cache import cache
from django.template.context import make_context
from django.template.loader import get_template, render_to_string
from django.utils import translation
from django.utils.crypto import salted_hmac
from django.utils.safestring import SafeString, mark_safe

from .changes import film_page_key
from .models import Film
from .panels import PANELS, Panel, PanelContext, Visit, viewer_panels
from .record import FilmRecord
from .selectors import film_record_for

CACHE_SECONDS = 60 * 60


def _always(visit: Visit) -> PanelContext:
    return {}


def _messages(visit: Visit) -> PanelContext:
    return {} if get_messages(visit.request) else None


def _signed_in(visit: Visit) -> PanelContext:
    return {} if visit.viewer.is_authenticated else None


# The parts of the frame (web/base.html) rendered for each request, keyed by their block.
FRAME_PARTS = (
    Panel("language_switch_request", 0, "web/_language_switch_request.html", _always, True),
    Panel("account_nav", 0, "accounts/nav.html", _always, True),
    Panel("messages", 0, "web/_messages.html", _messages, True),
    Panel("signed_in_scripts", 0, "web/_signed_in_scripts.html", _signed_in, True),
)


@lru_cache(maxsize=1)
def _separator() -> str:
    """An HTML comment that no stored text can produce (it is derived from the secret key, and
    the same in every process sharing the cache)."""
    return f"<!--{salted_hmac('filmfolio.films.page_cache', 'slot').hexdigest()[:24]}-->"


def _slot(name: str) -> SafeString:
    return mark_safe(f"{_separator()}{name}{_separator()}")


def film_page_html(visit: Visit) -> str:
    """The film page for ``visit`` (a viewer who may open the film)."""
    shell = film_page_shell(visit.film)
    parts = render_viewer_parts(visit)
    return "".join(parts[text] if i % 2 else text for i, text in enumerate(shell))


def film_page_shell(film: Film) -> list[str]:
    """The shell of ``film``'s page in the active language: its text, split at the slots
    (even items are text, odd items the names of the slots between them)."""
    key = film_page_key(film.pk, film.updated_at, translation.get_language())
    layout = _layout()
    cached = cache.get(key)
    if cached is not None and cached[0] == layout:
        return cached[1]
    shell = render_shell(film_record_for(film))
    cache.set(key, (layout, shell), CACHE_SECONDS)
    return shell


def _layout() -> str:
    """The panels the shell was built with: a shell cached by code with other panels is
    rendered again."""
    return "|".join(f"{p.key}:{p.order}:{p.per_viewer}:{p.template}" for p in PANELS)


def render_shell(record: FilmRecord) -> list[str]:
    """Render the shell from the record alone (no request: see the module's docstring)."""
    context = {
        "film": record.film,
        "record": record,
        "description": record.description(),
        "panels": [_record_panel(panel, record) for panel in PANELS],
        "slots": {part.key: _slot(part.key) for part in FRAME_PARTS},
    }
    return render_to_string("films/detail.html", context).split(_separator())


def _record_panel(panel: Panel, record: FilmRecord) -> str:
    if panel.per_viewer:
        return _slot(panel.key)
    extra = panel.context(record)
    if extra is None:
        return ""
    return render_to_string(panel.template, {"film": record.film, "record": record, **extra})


def render_viewer_parts(visit: Visit) -> dict[str, str]:
    """The frame's parts and the viewer panels for this request, by slot name ("" for a part
    that shows this viewer nothing)."""
    parts = [*FRAME_PARTS, *viewer_panels()]
    templates: dict[str, str] = {}
    extras: dict[str, Mapping[str, Any]] = {}
    for part in parts:
        extra = part.context(visit)
        if extra is not None:
            templates[part.key], extras[part.key] = part.template, extra
    base = {"film": visit.film, "access": visit.access, "viewer": visit.viewer}
    rendered = _render_together(visit, base, templates, extras) if templates else {}
    return {part.key: rendered.get(part.key, "") for part in parts}


def _render_together(
    visit: Visit,
    base: dict[str, Any],
    templates: dict[str, str],
    extras: dict[str, Mapping[str, Any]],
) -> dict[str, str]:
    """Render several templates with one request context: its processors run once."""
    compiled = {name: _engine_template(path) for name, path in templates.items()}
    context = make_context(base, visit.request)
    rendered: dict[str, str] = {}
    with context.bind_template(next(iter(compiled.values()))):
        for name, template in compiled.items():
            with context.push(extras[name]):
                rendered[name] = template.render(context)
    return rendered


def _engine_template(path: str) -> Any:
    """The engine's template behind the backend's wrapper (it renders with a given context)."""
    return get_template(path).template  # type: ignore[attr-defined]
