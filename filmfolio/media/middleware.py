"""Signed HLS files answered before the session, authentication and viewer middleware.

A segment at a signed address (``media.signing``) needs neither the session nor the user: this
middleware, placed right after WhiteNoise in ``MIDDLEWARE``, hands such requests to
``views.signed.signed_file`` and returns its answer, so no session is loaded (0 queries).
Every other request goes on down the chain.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest
from django.http.response import HttpResponseBase

from .signing import SIGNED_PATH
from .views.signed import signed_file


class SignedMediaMiddleware:
    """Serve signed HLS addresses without sessions; pass everything else on."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        match = SIGNED_PATH.match(request.path_info)
        if match is None:
            return self.get_response(request)
        return signed_file(request, **match.groupdict())
