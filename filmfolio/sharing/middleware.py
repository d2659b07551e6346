"""The viewer of each request (``request.viewer``), response headers for sessions that hold
screener-link or password grants, and the counting of screener-link openings.

A page opened through a grant must not be kept by any cache: this middleware marks every
response of such a session ``Cache-Control: private, no-store``. Its address never leaves the
site in a Referer header: the site-wide ``SECURE_REFERRER_POLICY`` is ``same-origin``, which the
middleware enforces on these responses. (``no-referrer`` is kept for the token addresses
themselves, in ``sharing.views``; on pages with forms it makes Chromium post ``Origin: null``,
which Django's CSRF check refuses.)
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from . import opening, viewers


class ViewerMiddleware:
    """Put the request's viewer on it as ``request.viewer`` (resolved once, when first used),
    so views hand a plain value to the access policy."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        viewers.attach_viewer(request)
        return self.get_response(request)


class GrantHeadersMiddleware:
    """Add private caching and a same-origin referrer policy when the session holds grants."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is not None and (
            session.get(viewers.SESSION_LINK_GRANTS) or session.get(viewers.SESSION_PASSWORD_GRANTS)
        ):
            response["Cache-Control"] = "private, no-store"
            if response.get("Referrer-Policy") != "no-referrer":
                response["Referrer-Policy"] = "same-origin"
        return response


class ScreenerOpensMiddleware:
    """Count the screener-link openings a browser session noted, on its next GET (the film
    page a link redirects to): only a browser that keeps cookies gets there with the session."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        opening.screener_link_count_opens(request=request)
        return self.get_response(request)
