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

SECTION_FIELDS: dict[str, tuple[str, ...]] = {"basics": BASIC_FIELDS, "specs": SPEC_FIELDS}


def require_edit(*, film: Film, actor: Any) -> None:
    """Raise unless ``actor`` may change ``film``'s record."""
    if not access.can_edit_film(access.Viewer.for_user(actor), film):
        raise PermissionDeniedError(_("You may not change this film."))


def require_own(*, film: Film, actor: Any) -> None:
    """Raise unless ``actor`` owns ``film``."""
    if not access.can_own_film(access.Viewer.for_user(actor), film):
        raise PermissionDeniedError(_("Only the film's owners may do this."))


def refuse_nul(instance: Any) -> None:
    """Refuse text holding a NUL character, before any query sees it: no database of ours can
    store it (PostgreSQL refuses it outright)."""
    with_nul = {
        field.name: [_("Null characters are not allowed.")]
        for field in instance._meta.concrete_fields
        if isinstance(getattr(instance, field.attname, None), str)
        and "\x00" in getattr(instance, field.attname)
    }
    if with_nul:
        raise ValidationFailedError(_("Some values are not valid."), errors=with_nul)


def validated(instance: Any, *, exclude: list[str] | None = None) -> None:
    """Run model validation (``refuse_nul`` first); turn its errors into a
    ``ValidationFailedError``."""
    refuse_nul(instance)
    try:
        instance.full_clean(exclude=exclude)
    except ValidationError as error:
        raise ValidationFailedError(
            _("Some values are not valid."), errors=error.message_dict
        ) from error


def _invalid(field: str, message: str) -> ValidationFailedError:
    return ValidationFailedError(message, errors={field: [message]})


def film_slug_for(title: str) -> str:
    """A free slug for a new film (the studio lives under /studio/, so no word is reserved)."""
    return unique_slug(Film, title)


def _check_new_slug(slug: str) -> None:
    """Refuse a chosen slug that is taken."""
    if Film.objects.filter(slug=slug).exists():
        raise _invalid("slug", _("This address is taken."))
