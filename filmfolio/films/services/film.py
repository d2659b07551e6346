"""Creating a film and editing its basics and specs."""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from filmfolio.core.audit import ChangeNote, field_changes
from filmfolio.core.choices import AuditAction, AuditSection
from filmfolio.core.errors import PermissionDeniedError, ValidationFailedError
from filmfolio.films.choices import CollaboratorRole
from filmfolio.films.models import Collaborator

from ..models import Film
from .base import (
    SECTION_FIELDS,
    _check_new_slug,
    _invalid,
    film_changed,
    film_slug_for,
    require_edit,
    validated,
)


def film_create(
    *,
    actor: Any,
    title: str,
    year: int | None = None,
    kind: str = "",
    slug: str = "",
    values: dict[str, Any] | None = None,
) -> Film:
    """Create a private film owned by ``actor``; its display title is also its original title.

    ``slug`` is chosen from the title unless given; ``values`` may set any other field of the
    "basics" and "specs" sections. Nothing is created unless every value is valid.
    """
    if not getattr(actor, "is_authenticated", False):
        raise PermissionDeniedError(_("Log in to add a film."))
    values = {"title": title.strip(), "year": year, "kind": kind, **(values or {})}
    _check_section_fields(values, _ALL_FIELDS)
    film = Film(slug=slug or "placeholder", **_with_blanks(values))
    with transaction.atomic():
        if slug:
            _check_new_slug(slug)
        validated(film, exclude=None if slug else ["slug"])
        film.slug = slug or film_slug_for(film.title)
        try:
            with transaction.atomic():
                film.save()
        except IntegrityError as error:  # the slug was taken meanwhile
            raise _invalid("slug", _("This address is taken.")) from error
        Collaborator.objects.create(film=film, user=actor, role=CollaboratorRole.OWNER)
        film_changed(
            film,
            ChangeNote(
                actor=actor,
                action=AuditAction.CREATE,
                section=AuditSection.BASICS,
                changes=field_changes({}, values),
                summary=film.title,
            ),
        )
    return film


_ALL_FIELDS = frozenset(name for names in SECTION_FIELDS.values() for name in names)


def _check_section_fields(values: dict[str, Any], allowed: Any) -> None:
    if allowed is None or set(values) - set(allowed):
        raise ValidationFailedError(_("These fields do not belong to this section."))


def _with_blanks(values: dict[str, Any]) -> dict[str, Any]:
    """``None`` for a text field that cannot be empty in the database means "blank"."""
    blanked = {}
    for name, value in values.items():
        field: Any = Film._meta.get_field(name)
        empty = value is None and not field.null and field.empty_strings_allowed
        blanked[name] = "" if empty else value
    return blanked


def film_update_section(
    *, film: Film, actor: Any, section: str, values: dict[str, Any]
) -> dict[str, dict[str, Any]]:
    """Change the fields of one section ("basics", "specs"); returns the recorded changes.

    Fields outside the section are refused; nothing is saved unless every value is valid.
    """
    require_edit(film=film, actor=actor)
    _check_section_fields(values, SECTION_FIELDS.get(section))
    return _film_fields_save(film=film, actor=actor, values=values)


def film_update(*, film: Film, actor: Any, values: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Change any fields of the "basics" and "specs" sections (only the keys of ``values``).

    ``None`` blanks a text field. One change record per section touched; nothing is saved
    unless every value is valid. Returns the recorded changes.
    """
    require_edit(film=film, actor=actor)
    _check_section_fields(values, _ALL_FIELDS)
    return _film_fields_save(film=film, actor=actor, values=_with_blanks(values))


def _film_fields_save(
    *, film: Film, actor: Any, values: dict[str, Any]
) -> dict[str, dict[str, Any]]:
    """Validate and save ``values`` on ``film``; record the changes of each section."""
    with transaction.atomic():
        locked = Film.objects.select_for_update().get(pk=film.pk)
        before = {name: getattr(locked, name) for name in values}
        for name, value in values.items():
            setattr(locked, name, value)
        validated(locked)
        changes = field_changes(before, values)
        if changes:
            locked.save(update_fields=list(changes))  # ``film_changed`` sets the version
        for section, names in SECTION_FIELDS.items():
            section_changes = {k: v for k, v in changes.items() if k in names}
            if section_changes:
                film_changed(
                    locked,
                    ChangeNote(
                        actor=actor,
                        action=AuditAction.UPDATE,
                        section=section,
                        changes=section_changes,
                    ),
                )
    film.refresh_from_db()
    return changes
