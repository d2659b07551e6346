"""Organisations as administrators change them in the Django admin.

An organisation's names are on the search documents and pages of the films it is credited on
(production, school, distribution...), so every change ends in ``organisation_changed``: a
change record on the organisation, its search document and those of its films rewritten in the
same transaction, and new versions of those films. It lives here because ``accounts`` sits left
of the change module in the dependency order.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from filmfolio.accounts.models import Organisation
from filmfolio.core.audit import ChangeNote, record_change, rows_write, save_with_changes
from filmfolio.core.choices import AuditAction, AuditSection
from filmfolio.films.changes import films_refreshed
from filmfolio.films.reindex import search_remove, search_update

from ..models import Film, FilmCompany
from .vocabulary import require_admin


def organisation_changed(
    organisation: Organisation,
    *,
    actor: Any,
    action: str,
    section: str = "",
    changes: dict[str, Any] | None = None,
) -> None:
    """Record a change to ``organisation`` (call inside the service's transaction)."""
    with transaction.atomic():
        record_change(
            target=organisation,
            note=ChangeNote(
                actor=actor,
                action=action,
                section=section,
                changes=changes,
                summary=organisation.name,
            ),
        )
        search_update(organisation, dependants=False)  # its films, just below
        film_ids = FilmCompany.objects.filter(organisation=organisation).values_list(
            "film_id", flat=True
        )
        films_refreshed(Film, list(film_ids))


def organisation_save(*, organisation: Organisation, actor: Any, fields: list[str]) -> None:
    """Save an organisation an admin form built with the values of ``fields`` set on it."""
    require_admin(actor)
    with transaction.atomic():
        is_new, changes = save_with_changes(organisation, fields)
        if is_new or changes:
            action = AuditAction.CREATE if is_new else AuditAction.UPDATE
            organisation_changed(
                organisation,
                actor=actor,
                action=action,
                section=AuditSection.ORGANISATION,
                changes=changes,
            )


def organisation_rows_save(
    *, organisation: Organisation, actor: Any, section: str, saved: Any = (), deleted: Any = ()
) -> None:
    """Save and delete rows of ``organisation`` (its memberships) together."""
    require_admin(actor)
    with transaction.atomic():
        changes = rows_write(saved=saved, deleted=deleted)
        if changes:
            record_change(
                target=organisation,
                note=ChangeNote(
                    actor=actor, action=AuditAction.UPDATE, section=section, changes=changes
                ),
            )


def organisation_delete(*, organisation: Organisation, actor: Any) -> None:
    """Delete an organisation (refused by the database while a film credits it)."""
    require_admin(actor)
    with transaction.atomic():
        record_change(
            target=organisation,
            note=ChangeNote(actor=actor, action=AuditAction.DELETE, summary=organisation.name),
        )
        search_remove(organisation)
        organisation.delete()
