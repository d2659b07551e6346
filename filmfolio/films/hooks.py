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
