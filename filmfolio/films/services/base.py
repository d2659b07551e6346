"""Shared pieces of the film services: permission checks, validation, and ``film_changed``
(from ``films.changes``), which every film service calls after its write."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from filmfolio.core.errors import PermissionDeniedError, ValidationFailedError
from filmfolio.core.slugs import unique_slug
from filmfolio.films import access
from filmfolio.films.changes import film_changed as film_changed

from ..models import BASIC_FIELDS, SPEC_FIELDS, Film

# Slugs that would shadow the editing addresses under /films/.
RESERVED_SLUGS = frozenset({"new", "lookup"})

SECTION_FIELDS: dict[str, tuple[str, ...]] = {"basics": BASIC_FIELDS, "specs": SPEC_FIELDS}


def require_edit(*, film: Film, actor: Any) -> None:
    """Raise unless ``actor`` may change ``film``'s record."""
    if not access.can_edit_film(access.Viewer.for_user(actor), film):
        raise PermissionDeniedError(_("You may not change this film."))


def require_own(*, film: Film, actor: Any) -> None:
    """Raise unless ``actor`` owns ``film``."""
    if not access.can_own_film(access.Viewer.for_user(actor), film):
        raise PermissionDeniedError(_("Only the film's owners may do this."))


def validated(instance: Any, *, exclude: list[str] | None = None) -> None:
    """Run model validation; turn its errors into a ``ValidationFailedError``."""
    try:
        instance.full_clean(exclude=exclude)
    except ValidationError as error:
        raise ValidationFailedError(
            _("Some values are not valid."), errors=error.message_dict
        ) from error


def _invalid(field: str, message: str) -> ValidationFailedError:
    return ValidationFailedError(message, errors={field: [message]})


def film_slug_for(title: str) -> str:
    """A free slug for a new film, never one of the editing addresses."""
    slug = unique_slug(Film, title)
    if slug in RESERVED_SLUGS:
        slug = unique_slug(Film, f"film-{title}")
    return slug


def _check_new_slug(slug: str) -> None:
    """Refuse a chosen slug that is taken or would shadow an editing address."""
    if slug in RESERVED_SLUGS or Film.objects.filter(slug=slug).exists():
        raise _invalid("slug", _("This address is taken."))
