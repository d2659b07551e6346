"""What the apps above films do when a film is deleted, or is about to be shown more widely.

Festival entries and videos belong to apps above ``films``; deleting a film removes their rows
(the foreign keys cascade) but the search listing of a festival reached only through the film,
and the queued jobs of its videos, are theirs to follow. Such an app registers a
``FilmDeleting`` in its ``AppConfig.ready``; ``film_delete`` calls each one explicitly, in
order: ``collect(film)`` inside the transaction before the delete, ``after(collected)`` once
the film is gone.

Before a film is made public or a screener link is opened to someone, ``exposure_warnings``
asks each registered ``ExposureCheck`` (the festival run warns about pending premieres); the
change is refused with ``ExposureNotConfirmedError`` until the person confirms it.

Before a video's stream starts, ``play_refusal`` asks each registered ``PlayGate`` (sharing
counts a screener link's plays against its limit); a screener link whose watermark is burned
into a copy opens only when ``screener_copy_ready`` (each registered ``ScreenerCopyCheck``,
filled by the app making those copies) says so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from filmfolio.core.contributions import Registry
from filmfolio.core.errors import ValidationFailedError


@dataclass(frozen=True)
class FilmDeleting:
    """One app's part in deleting a film."""

    key: str
    collect: Callable[[Any], Any]
    after: Callable[[Any], object]
    order: int = 0


FILM_DELETING: Registry[FilmDeleting] = Registry("film_deleting")


# What is about to make the film seen more widely (``ExposureCheck.warnings`` is told which).
EXPOSE_PUBLIC = "public"
EXPOSE_SCREENER_LINK = "screener_link"


@dataclass(frozen=True)
class ExposureCheck:
    """One app's warnings before the film is shown more widely (made public, a screener link
    opened to someone): ``warnings(film, kind)`` says, in the active language, what the change
    would break (a pending festival's premiere condition); an empty list when nothing."""

    key: str
    warnings: Callable[[Any, str], list[str]]
    order: int = 0


EXPOSURE_CHECKS: Registry[ExposureCheck] = Registry("exposure_checks")


def exposure_warnings(film: Any, kind: str) -> list[str]:
    """Every registered app's warnings before ``film`` is exposed as ``kind`` says."""
    return [warning for check in EXPOSURE_CHECKS for warning in check.warnings(film, kind)]


class ExposureNotConfirmedError(ValidationFailedError):
    """The change would break what ``warnings`` say; it is made only once confirmed."""

    def __init__(self, warnings: list[str]) -> None:
        message = _("Confirm the change: %(warnings)s") % {"warnings": " ".join(warnings)}
        super().__init__(message, errors={"confirmed": warnings})
        self.warnings = warnings


@dataclass(frozen=True)
class PlayGate:
    """One app's say before a video's stream starts (its master playlist is authorised):
    ``refusal(request, film, visibility)`` answers None to let it play, or the reason it may
    not, in the active language (the screener link's play limit, its window). The app that
    grants access by screener link registers one."""

    key: str
    refusal: Callable[[Any, Any, str], str | None]
    order: int = 0


PLAY_GATES: Registry[PlayGate] = Registry("play_gates")


def play_refusal(request: Any, film: Any, *, visibility: str) -> str | None:
    """Why the stream of a video of ``film`` (of ``visibility``) may not start for this
    request, or None; asked once per play, when the master playlist is authorised."""
    for gate in PLAY_GATES:
        reason = gate.refusal(request, film, visibility)
        if reason:
            return reason
    return None


@dataclass(frozen=True)
class ScreenerCopyCheck:
    """Is the burned-in watermark copy of a screener link ready? ``ready(link)`` answers for
    links whose watermark is burned into a copy made by a background job; the app making those
    copies registers one. With none registered every link counts as ready."""

    key: str
    ready: Callable[[Any], bool]
    order: int = 0


SCREENER_COPY_CHECKS: Registry[ScreenerCopyCheck] = Registry("screener_copy_checks")


def screener_copy_ready(link: Any) -> bool:
    """May a screener link whose watermark is burned in open (every registered check says its
    copy is ready)? True when no app registered a check."""
    return all(check.ready(link) for check in SCREENER_COPY_CHECKS)


@dataclass(frozen=True)
class ScreenerLinkFollower:
    """One app's work when a screener link is made or its controls change, inside the same
    transaction (the copy with the recipient's watermark burned in, queued):
    ``follow(link, actor)``; a ``ValidationFailedError`` it raises refuses the whole change."""

    key: str
    follow: Callable[[Any, Any], object]
    order: int = 0


SCREENER_LINK_FOLLOWERS: Registry[ScreenerLinkFollower] = Registry("screener_link_followers")


def screener_link_followed(link: Any, actor: Any) -> None:
    """Tell every registered app that ``link`` was made or changed by ``actor``."""
    for follower in SCREENER_LINK_FOLLOWERS:
        follower.follow(link, actor)
