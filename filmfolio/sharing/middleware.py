"""Response headers for sessions that hold screener-link or password grants.

A page opened through a grant must not be cached by shared caches nor leak its address in a
Referer header; this middleware marks every response of such a session ``private, no-store``
and ``no-referrer``.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from . import access


class GrantHeadersMiddleware:
    """Add private caching and referrer headers when the session holds grants."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is not None and (
            session.get(access.SESSION_LINK_GRANTS) or session.get(access.SESSION_PASSWORD_GRANTS)
        ):
            response["Cache-Control"] = "private, no-store"
            response["Referrer-Policy"] = "no-referrer"
        return response
