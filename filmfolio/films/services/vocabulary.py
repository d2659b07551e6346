"""Changes to the role and genre vocabularies made by administrators in the Django admin.

A film's search document and page show its genres and which credits direct it, so a changed
role or genre gives every film using it a new version and a new search document, in the same
transaction; the change is recorded on the role or genre.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from filmfolio.core.audit import ChangeNote, field_changes, record_change
from filmfolio.core.choices import AuditAction
from filmfolio.core.errors import PermissionDeniedError
from filmfolio.films import access
from filmfolio.films.changes import films_refreshed

from ..models import Credit, Film, Genre, Role


def require_admin(actor: Any) -> None:
    """Raise unless ``actor`` is an administrator."""
    if not access.Viewer.for_user(actor).is_admin:
        raise PermissionDeniedError(_("Only administrators may change the vocabularies."))


def _film_ids(entry: Role | Genre) -> list[int]:
    if isinstance(entry, Role):
        return list(Credit.objects.filter(role=entry).values_list("film_id", flat=True))
    return list(Film.genres.through.objects.filter(genre=entry).values_list("film_id", flat=True))


def vocabulary_save(*, entry: Role | Genre, actor: Any, fields: list[str]) -> None:
    """Save a role or genre an admin form built with the values of ``fields`` set on it."""
    require_admin(actor)
    with transaction.atomic():
        stored = type(entry).objects.filter(pk=entry.pk).first() if entry.pk else None
        entry.save()
        after = {name: getattr(entry, name) for name in fields}
        before = {} if stored is None else {name: getattr(stored, name) for name in after}
        changes = field_changes(before, after)
        if stored is None or changes:
            action = AuditAction.CREATE if stored is None else AuditAction.UPDATE
            record_change(
                target=entry, note=ChangeNote(actor=actor, action=action, changes=changes)
            )
            films_refreshed(Film, _film_ids(entry))


def vocabulary_delete(*, entry: Role | Genre, actor: Any) -> None:
    """Delete a role (refused while credits use it) or a genre (its films lose it)."""
    require_admin(actor)
    with transaction.atomic():
        film_ids = _film_ids(entry)
        record_change(
            target=entry,
            note=ChangeNote(actor=actor, action=AuditAction.DELETE, summary=str(entry)),
        )
        entry.delete()
        films_refreshed(Film, film_ids)
