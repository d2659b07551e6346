"""Who is asking: the viewer of a request, resolved once per request by
``middleware.ViewerMiddleware`` (``request.viewer``), and the grants a browser session holds.

A viewer is a user (maybe anonymous) plus the films this session may open through screener
links or passwords; the policy in ``films.access`` takes it as a plain value. Screener-link
grants are re-checked when the viewer is resolved (one indexed query, only when the session
holds any): a revoked or expired link stops opening its film at once.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.functional import SimpleLazyObject

from filmfolio.films.access import Viewer
from filmfolio.films.choices import Visibility
from filmfolio.films.models import Film

from .models import Delivery, ScreenerLink

# Session keys under which grants are kept.
SESSION_LINK_GRANTS = "filmfolio.link_grants"
SESSION_PASSWORD_GRANTS = "filmfolio.password_grants"


def attach_viewer(request: HttpRequest) -> None:
    """Put the request's viewer on it as ``request.viewer``, resolved when first used (again
    after a grant changes it)."""
    request.__dict__.pop("_filmfolio_viewer", None)
    request.viewer = SimpleLazyObject(partial(viewer_for, request))  # type: ignore[attr-defined]


def viewer_for(request: HttpRequest) -> Viewer:
    """The viewer of a request, resolved once (``ViewerMiddleware`` puts it on the request as
    ``request.viewer``, when first used).

    Screener-link grants are re-checked here on every request (one indexed query, only when the
    session holds any): a revoked or expired link stops opening its film at once, and its grant
    is dropped from the session.
    """
    cached = getattr(request, "_filmfolio_viewer", None)
    if cached is not None:
        return cached
    session = getattr(request, "session", None)
    links: dict[int, int] = {}
    download_ids: frozenset[int] = frozenset()
    password_ids: frozenset[int] = frozenset()
    if session is not None:
        links, download_ids = _valid_link_grants(session)
        password_ids = _valid_password_film_ids(session)
    viewer = Viewer(
        user=getattr(request, "user", AnonymousUser()),
        link_film_ids=frozenset(links),
        password_film_ids=password_ids,
        link_ids=frozenset(links.values()),
        link_download_film_ids=download_ids,
    )
    request._filmfolio_viewer = viewer  # type: ignore[attr-defined]
    return viewer


def _valid_link_grants(session: Any) -> tuple[dict[int, int], frozenset[int]]:
    """Film id -> link id of the session's link grants whose links are valid now (inside their
    window), and the films of those whose link lets the recipient download a copy; prunes the
    rest."""
    grants = session.get(SESSION_LINK_GRANTS) or {}
    if not grants:
        return {}, frozenset()
    wanted = {int(film_id): int(link_id) for film_id, link_id in grants.items()}
    delivery = _open_links(list(wanted.values()))
    kept = {f: link for f, link in wanted.items() if (f, link) in delivery}
    if len(kept) != len(wanted):
        session[SESSION_LINK_GRANTS] = {str(k): v for k, v in kept.items()}
    downloads = {f for f, link in kept.items() if delivery[(f, link)] == Delivery.DOWNLOAD}
    return kept, frozenset(downloads)


def _open_links(link_ids: list[int]) -> dict[tuple[int, int], str]:
    """(film id, link id) -> delivery of those links that open now (inside their window)."""
    now = timezone.now()
    rows = (
        ScreenerLink.objects.filter(id__in=link_ids, revoked_at__isnull=True)
        .filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now))
        .filter(Q(not_before__isnull=True) | Q(not_before__lte=now))
        .values_list("film_id", "id", "delivery")
    )
    return {(film_id, link_id): kind for film_id, link_id, kind in rows}


def link_granted(request: HttpRequest, *, film_id: int, link_id: int) -> bool:
    """Does this browser session hold the grant of ``link_id`` for ``film_id`` already?"""
    grants = request.session.get(SESSION_LINK_GRANTS) or {}
    return bool(grants.get(str(film_id)) == link_id)


def grant_link(request: HttpRequest, *, film_id: int, link_id: int) -> None:
    """Let this browser session open ``film_id`` through screener link ``link_id``."""
    grants = dict(request.session.get(SESSION_LINK_GRANTS) or {})
    grants[str(film_id)] = link_id
    request.session[SESSION_LINK_GRANTS] = grants
    attach_viewer(request)


def _password_fingerprint(password_hash: str) -> str:
    """What a session keeps of the password it was granted with: a keyed digest of the stored
    hash, which changes whenever the password is set again."""
    return salted_hmac("filmfolio.sharing.password-grant", password_hash).hexdigest()[:32]


def _password_grants(session: Any) -> dict[str, str]:
    """The session's password grants, film id -> fingerprint (grants kept as a plain list of
    ids by older versions carry no fingerprint and count for nothing)."""
    grants = session.get(SESSION_PASSWORD_GRANTS) or {}
    return dict(grants) if isinstance(grants, dict) else {}


def _valid_password_film_ids(session: Any) -> frozenset[int]:
    """Film ids of the session's password grants whose film still has the password they were
    given with (one indexed query, only when the session holds any); prunes the rest, so a
    changed password asks everyone again."""
    grants = _password_grants(session)
    if not grants:
        if SESSION_PASSWORD_GRANTS in session:
            del session[SESSION_PASSWORD_GRANTS]
        return frozenset()
    current = Film.objects.filter(
        id__in=[int(film_id) for film_id in grants], visibility=Visibility.PASSWORD
    ).values_list("id", "password_hash")
    kept = {
        str(film_id): grants[str(film_id)]
        for film_id, password_hash in current
        if password_hash
        and constant_time_compare(grants[str(film_id)], _password_fingerprint(password_hash))
    }
    if kept != grants:
        session[SESSION_PASSWORD_GRANTS] = kept
    return frozenset(int(film_id) for film_id in kept)


def grant_password(request: HttpRequest, *, film: Any) -> None:
    """Let this browser session open ``film`` after its password was given, until the
    password changes."""
    grants = _password_grants(request.session)
    grants[str(film.pk)] = _password_fingerprint(film.password_hash)
    request.session[SESSION_PASSWORD_GRANTS] = grants
    attach_viewer(request)
