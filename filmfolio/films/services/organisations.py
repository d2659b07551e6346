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
from filmfolio.core.audit import ChangeNote, record_change, rows_note, saved_note
from filmfolio.core.choices import AuditAction, AuditSection
from filmfolio.films.changes import record_shown_on_films_changed
from filmfolio.films.reindex import search_remove

from ..models import Film, FilmCompany
from .vocabulary import require_admin


def organisation_changed(organisation: Organisation, note: ChangeNote) -> None:
    """Record the change ``note`` describes to ``organisation`` (call inside the service's
    transaction): the films crediting it show its name."""
    film_ids = FilmCompany.objects.filter(organisation=organisation).values_list(
        "film_id", flat=True
    )
    record_shown_on_films_changed(organisation, note, film_model=Film, film_ids=film_ids)


def organisation_save(*, organisation: Organisation, actor: Any, fields: list[str]) -> None:
    """Save an organisation an admin form built with the values of ``fields`` set on it."""
    require_admin(actor)
    with transaction.atomic():
        note = saved_note(
            organisation,
            fields,
            actor=actor,
            section=AuditSection.ORGANISATION,
            summary=organisation.name,
        )
        if note is not None:
            organisation_changed(organisation, note)


def organisation_rows_save(
    *, organisation: Organisation, actor: Any, section: str, saved: Any = (), deleted: Any = ()
) -> None:
    """Save and delete rows of ``organisation`` (its memberships) together."""
    require_admin(actor)
    with transaction.atomic():
        note = rows_note(actor=actor, section=section, saved=saved, deleted=deleted)
        if note is not None:
            record_change(target=organisation, note=note)


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
