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

Pages for plain visitors (``visitor_page_cache``): a visitor who is not signed in and holds no
screener or password grant gets the same page as every other such visitor, so the whole
response of the film, person, festival and catalogue pages is cached for them, keyed by the
content version (``core.versions``, which every write to anything a page shows changes), the
language, the site address and the path with its query. A hit costs no query at all, not even
the access check: a film made private or any other change gives every page a new key. What is
stored was rendered for a plain visitor, so it only ever reaches plain visitors; a response that
used a CSRF token, set a cookie or changed the session is never stored (those pages ask for no
token from plain visitors: ``web.language``).

The film page for signed-in and granted viewers (``viewer_page_cache``): cached per viewer
(user, flags, grants) under the same content version, rendered with a slot where the CSRF token
goes and stored split there; each request gets its own token joined in. Never for the film's
managers, who see live state.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from functools import lru_cache, wraps
from typing import Any

from django.contrib.messages import get_messages
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.template.context import make_context
from django.template.loader import get_template, render_to_string
from django.utils import translation
from django.utils.crypto import salted_hmac
from django.utils.http import urlencode
from django.utils.safestring import SafeString, mark_safe

from filmfolio.core.site import site_url
from filmfolio.core.versions import content_version

from .access import Access
from .changes import film_page_key
from .models import Film
from .panels import PANELS, Panel, PanelContext, Visit, viewer_panels
from .record import FilmRecord
from .selectors import film_record_for

# Both caches are keyed by versions that every change replaces: the lifetime only bounds how
# long an entry nobody reads any more takes space.
CACHE_SECONDS = 12 * 60 * 60
VISITOR_SECONDS = 6 * 60 * 60
# A longer query string is not cached (it would only fill the cache).
VISITOR_QUERY_LIMIT = 300
# Headers a view may set that are stored with the page (the middleware adds the rest each time).
_KEPT_HEADERS = ("Content-Type", "Content-Language", "Link", "X-Robots-Tag")


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
    if visit.access >= Access.EDIT:
        # The film's managers see live state (videos being encoded): never stored for them.
        setattr(visit.request, MANAGER_ATTRIBUTE, True)
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
        if getattr(visit.request, CSRF_SLOT_ATTRIBUTE, False):
            context.update({"csrf_token": csrf_slot()})  # see viewer_page_cache
        for name, template in compiled.items():
            with context.push(extras[name]):
                rendered[name] = template.render(context)
    return rendered


def _engine_template(path: str) -> Any:
    """The engine's template behind the backend's wrapper (it renders with a given context)."""
    return get_template(path).template  # type: ignore[attr-defined]


View = Callable[..., HttpResponse]


# Set on a request by ``viewer_page_cache``: its parts get a slot instead of a CSRF token.
CSRF_SLOT_ATTRIBUTE = "_filmfolio_csrf_slot"
# Set on a request by ``film_page_html`` when the viewer manages the film.
MANAGER_ATTRIBUTE = "_filmfolio_film_manager"


@lru_cache(maxsize=1)
def csrf_slot() -> str:
    """What stands for the CSRF token in a page cached for one viewer: letters and digits that
    no stored text can produce (derived from the secret key) and that escaping leaves alone."""
    return f"csrf{salted_hmac('filmfolio.films.page_cache', 'csrf').hexdigest()[:32]}"


def is_plain_visitor(request: HttpRequest) -> bool:
    """Not signed in and no screener or password grant in the session: the one viewer class
    whose pages are cached whole."""
    viewer = request.viewer  # type: ignore[attr-defined]
    return not viewer.is_authenticated and not viewer.granted_film_ids


def visitor_page_key(request: HttpRequest) -> str | None:
    """The cache key of this request's page for a plain visitor, or None when it is not to be
    cached (another viewer class, a message to show, not a GET, a long query). Read before the
    view runs: the content version is read before any data (``core.versions``)."""
    if request.method != "GET" or len(request.META.get("QUERY_STRING", "")) > VISITOR_QUERY_LIMIT:
        return None
    if not is_plain_visitor(request) or get_messages(request):
        return None
    query = urlencode(sorted(request.GET.lists()), doseq=True)
    address = hashlib.sha256(f"{request.path}?{query}".encode()).hexdigest()[:32]
    language = translation.get_language()
    return f"pages:visitor:{content_version()}:{language}:{site_url()}:{address}"


def viewer_page_key(request: HttpRequest) -> str | None:
    """The cache key of this request's film page for a signed-in or granted viewer, or None
    (a plain visitor, a message to show, not a GET, a long query). The key names the viewer:
    the user (id, name, staff and superuser flags) and the films this session was granted,
    so no page cached for one viewer reaches another, and it holds the content version, which
    every change to the films, their collaborators and links replaces."""
    if request.method != "GET" or len(request.META.get("QUERY_STRING", "")) > VISITOR_QUERY_LIMIT:
        return None
    if is_plain_visitor(request) or get_messages(request):
        return None
    viewer = request.viewer  # type: ignore[attr-defined]
    user = viewer.user
    who = "-"
    if viewer.is_authenticated:
        who = f"{user.pk}:{user.get_username()}:{user.is_staff:d}:{user.is_superuser:d}"
    grants = f"{sorted(viewer.link_film_ids)}:{sorted(viewer.password_film_ids)}"
    query = urlencode(sorted(request.GET.lists()), doseq=True)
    viewer_id = hashlib.sha256(f"{who}|{grants}|{request.path}?{query}".encode()).hexdigest()
    language = translation.get_language()
    return f"films:viewer-page:{content_version()}:{language}:{site_url()}:{viewer_id[:40]}"


def _storable(request: HttpRequest, response: HttpResponse) -> bool:
    """Whether a response rendered for a plain visitor holds nothing of this request: no CSRF
    token was used, no cookie set, the session left as it was."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    session = getattr(request, "session", None)
    return not (session is not None and session.modified) and is_plain_visitor(request)


def visitor_page_cache(view: View) -> View:
    """Serve ``view``'s page to plain visitors from the cache (see the module's docstring);
    every other viewer gets it rendered as before. Wrap a view in its URLconf."""

    @wraps(view)
    def cached_view(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        key = visitor_page_key(request)
        if key is not None:
            stored = cache.get(key)
            if stored is not None:
                content, headers = stored
                response = HttpResponse(content)
                for name, value in headers:
                    response[name] = value
                return response
        response = view(request, *args, **kwargs)
        if getattr(response, "is_rendered", True) is False:
            response.render()  # type: ignore[attr-defined]
        if key is not None and _storable(request, response):
            headers = [(h, response[h]) for h in _KEPT_HEADERS if response.has_header(h)]
            cache.set(key, (response.content, headers), VISITOR_SECONDS)
        return response

    return cached_view


def _with_token(request: HttpRequest, parts: list[str]) -> str:
    """The page with this request's CSRF token in the slots (and its cookie, as Django does
    for every page that uses one)."""
    return get_token(request).join(parts) if len(parts) > 1 else parts[0]


def viewer_page_cache(view: View) -> View:
    """Serve the film page to a signed-in or granted viewer from a cache of their own (see
    ``viewer_page_key``); plain visitors pass through to ``visitor_page_cache``.

    The page is rendered with a slot where the CSRF token goes (``csrf_slot``, set in the
    request context of the parts rendered per request), stored split at the slots, and every
    request gets its own token put in them: no token is ever stored. A response that used a
    real token (the password form), set a cookie or changed the session is not stored."""

    @wraps(view)
    def cached_view(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        key = viewer_page_key(request)
        if key is None:
            return view(request, *args, **kwargs)
        stored = cache.get(key)
        if stored is not None:
            parts, headers = stored
            response = HttpResponse(_with_token(request, parts))
            for name, value in headers:
                response[name] = value
            return response
        setattr(request, CSRF_SLOT_ATTRIBUTE, True)
        response = view(request, *args, **kwargs)
        setattr(request, CSRF_SLOT_ATTRIBUTE, False)
        if response.status_code != 200 or response.streaming:
            return response
        parts = response.content.decode().split(csrf_slot())
        if _storable_for_viewer(request, response):
            headers = [(h, response[h]) for h in _KEPT_HEADERS if response.has_header(h)]
            cache.set(key, (parts, headers), VISITOR_SECONDS)
        response.content = _with_token(request, parts)
        return response

    return cached_view


def _storable_for_viewer(request: HttpRequest, response: HttpResponse) -> bool:
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    if getattr(request, MANAGER_ATTRIBUTE, False):
        return False
    session = getattr(request, "session", None)
    return not (session is not None and session.modified) and not get_messages(request)
