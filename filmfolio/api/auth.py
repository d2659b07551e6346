"""Who calls the API: a personal token (``Authorization: Bearer ffk_…``) or the site session.

Session calls that change data must carry the CSRF token (django-ninja checks it for unsafe
methods); token calls need none. Read endpoints take no auth argument and build the viewer with
``api_viewer``, so anonymous readers see what anonymous visitors of the site see.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError
from ninja.security import HttpBearer, SessionAuth

from filmfolio.films.access import Viewer, ViewerRequest

from .errors import ApiError
from .services.tokens import api_token_authenticate

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class TokenAuth(HttpBearer):
    """A personal API token sent as a bearer token; a read token may only read (403 for a
    change), a revoked or expired one is refused (401)."""

    openapi_scheme = "bearer"

    def authenticate(self, request: HttpRequest, token: str) -> Any | None:
        api_token = api_token_authenticate(key=token)
        if api_token is None:
            return None
        if request.method not in SAFE_METHODS and not api_token.can_write:
            raise ApiError(
                403,
                "forbidden",
                _("This API token may only read. Create a token that may also write."),
            )
        request.user = api_token.user
        return api_token.user


class SiteSessionAuth(SessionAuth):
    """The site's login session, with the CSRF check for unsafe methods."""


WRITE_AUTH = [TokenAuth(), SiteSessionAuth()]


def api_viewer(request: ViewerRequest) -> Viewer:
    """The viewer of an API request: the token's user when a bearer token is sent (an invalid
    token is refused, not treated as anonymous), otherwise the session's viewer."""
    header = request.headers.get("Authorization", "")
    if header:
        scheme, _sep, key = header.partition(" ")
        if scheme.lower() != "bearer" or not key.strip():
            raise AuthenticationError()
        api_token = api_token_authenticate(key=key.strip())
        if api_token is None:
            raise AuthenticationError()
        return Viewer.for_user(api_token.user)
    return request.viewer
