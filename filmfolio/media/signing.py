"""Signed HLS addresses: variant playlists, segments and subtitle renditions served without the
database or the session.

The master playlist is authorised once through ``media.policy``; its variant and subtitle
addresses then carry a token in the path::

    /media/s/<video uuid>/<grant>.<film id>.<expires>.<signature>/<rendition>/<file>

The signature is an HMAC-SHA256 (key derived from ``SECRET_KEY`` with the salt ``SALT``) of the
video, the film (where its files are stored), the rendition (a rung such as ``720p``, or
``subs``), the expiry (Unix seconds) and the grant: ``p`` for media any visitor gets anyway, else
``s`` and a keyed digest of the browser's session cookie, so that an address works only with
the cookie of the session it was granted to. Relative addresses inside a variant playlist keep
the token, so a segment needs no rewriting. The player asks ``videos/<uuid>/hls/tokens`` (the
policy again) for fresh tokens before the ones it holds expire (``SIGNED_URL_SECONDS``).

Pure functions of text and the request's cookies: nothing here touches a model.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.utils.crypto import constant_time_compare, salted_hmac

from .conf import media_setting

SALT = "filmfolio.media.signed-hls"
PREFIX = "/media/s/"
PUBLIC_GRANT = "p"
_UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
TOKEN = r"[ps][0-9a-f]{0,16}\.\d{1,12}\.\d{1,12}\.[0-9a-f]{32}"
RENDITION = rf"(?!subs/)\w+/(?:index\.m3u8|seg_\d+\.ts)|subs/{_UUID}\.(?:m3u8|vtt)"
SIGNED_PATH = re.compile(
    rf"^{PREFIX}(?P<public_id>{_UUID})/(?P<token>{TOKEN})/(?P<rendition>{RENDITION})$"
)


@dataclass(frozen=True)
class Grant:
    """What a valid token says: the film whose files these are and whether it is public."""

    film_id: int
    public: bool


def rendition_of(path: str) -> str:
    """The rendition a file belongs to: its first path part (``720p``, ``subs``)."""
    return path.split("/", 1)[0]


def session_grant(session_key: str | None) -> str:
    """The grant of a browser session: ``s`` and a keyed digest of its cookie (never the key)."""
    if not session_key:
        return ""
    return "s" + salted_hmac(SALT + ".session", session_key, algorithm="sha256").hexdigest()[:16]


def _signature(public_id: str, film_id: int, rendition: str, expires: int, grant: str) -> str:
    message = f"{public_id}|{film_id}|{rendition}|{expires}|{grant}"
    return salted_hmac(SALT, message, algorithm="sha256").hexdigest()[:32]


def make_token(
    *, public_id: object, film_id: int, rendition: str, grant: str, now: float | None = None
) -> str:
    """A token for one rendition of a video, valid ``SIGNED_URL_SECONDS`` from ``now``."""
    expires = int(now if now is not None else time.time()) + int(
        media_setting("SIGNED_URL_SECONDS")
    )
    signature = _signature(str(public_id), film_id, rendition, expires, grant)
    return f"{grant}.{film_id}.{expires}.{signature}"


def check_token(
    request: HttpRequest, *, public_id: str, token: str, rendition: str, now: float | None = None
) -> Grant | None:
    """The grant of a token that is genuine, not expired and presented by the session it was
    granted to; None for any other. Reads only the request's cookies."""
    if not re.fullmatch(TOKEN, token):
        return None
    grant, film_id, expires, signature = token.split(".")
    if int(expires) < (now if now is not None else time.time()):
        return None
    expected = _signature(public_id, int(film_id), rendition, int(expires), grant)
    if not constant_time_compare(signature, expected):
        return None
    if grant != PUBLIC_GRANT:
        cookie = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
        if not constant_time_compare(grant, session_grant(cookie)):
            return None
    return Grant(film_id=int(film_id), public=grant == PUBLIC_GRANT)


def signed_base(*, public_id: object, token: str) -> str:
    """The address a rendition's files are under, up to the rendition."""
    return f"{PREFIX}{public_id}/{token}/"


def signed_master(master: str, tokens: dict[str, str], *, public_id: object) -> str:
    """The master playlist with every variant and subtitle address signed (``tokens``: one per
    rendition); addresses of renditions without a token are left out with their tag."""
    out: list[str] = []
    for line in master.splitlines():
        if line.startswith("#EXT-X-MEDIA:") and 'URI="' in line:
            head, _, rest = line.partition('URI="')
            token = tokens.get(rendition_of(rest))
            if token is None:
                continue
            line = f'{head}URI="{signed_base(public_id=public_id, token=token)}{rest}'
        elif line and not line.startswith("#"):
            token = tokens.get(rendition_of(line))
            if token is None:
                out = out[:-1] if out and out[-1].startswith("#EXT-X-STREAM-INF") else out
                continue
            line = signed_base(public_id=public_id, token=token) + line
        out.append(line)
    return "\n".join(out) + "\n"
