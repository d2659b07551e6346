"""The site's public address for absolute links (canonical, Open Graph, JSON-LD, citations,
oEmbed, press kits, e-mails).

``FILMFOLIO_SITE_URL`` fixes it. When it is unset, the address is the one the current request
came to (its scheme and ``Host``, which Django checks against ``ALLOWED_HOSTS``), so the same
installation links correctly on ``127.0.0.1``, a LAN address or a domain. Work outside a
request (the worker) is handed the address of the request that asked for it (``serving``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.http import HttpRequest, HttpResponse

# Used only outside any request when nothing else says where the site is.
FALLBACK_ADDRESS = "http://127.0.0.1:8000"

_current_request: ContextVar[HttpRequest | None] = ContextVar("site_request", default=None)
_current_address: ContextVar[str] = ContextVar("site_address", default="")


def site_url() -> str:
    """The site's address without a trailing slash, e.g. ``https://films.example.org``."""
    configured = str(getattr(settings, "SITE_URL", "") or "")
    if configured:
        return configured.rstrip("/")
    request = _current_request.get()
    if request is not None:
        return f"{request.scheme}://{request.get_host()}"
    return (_current_address.get() or FALLBACK_ADDRESS).rstrip("/")


def absolute_url(path: str) -> str:
    """``path`` (starting with ``/``) on the public site."""
    return site_url() + path


@contextmanager
def serving(address: str) -> Iterator[None]:
    """Links built inside the block point at ``address`` (when no setting fixes the address)."""
    token = _current_address.set(address)
    try:
        yield
    finally:
        _current_address.reset(token)


class SiteAddressMiddleware:
    """Makes the current request's address available to ``site_url`` while it is served."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            _current_request.reset(token)
