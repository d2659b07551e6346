"""Writes of people's records as administrators make them in the Django admin.

Every write ends in ``person_changed``: a change record on the person, the person's search
document and those of the films crediting them rewritten in the same transaction, and new
versions of those films (their pages and documents show the person's names). People are
created from a typed name by ``person_for_name`` (``naming``).
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from filmfolio.core.audit import ChangeNote, record_change, rows_note, saved_note
from filmfolio.core.choices import AuditAction, AuditSection
from filmfolio.core.errors import PermissionDeniedError
from filmfolio.core.matching import name_match_key
from filmfolio.core.viewers import Viewer
from filmfolio.search import index

from ..hooks import person_shown_refresh
from ..models import Person


def require_admin(*, actor: Any) -> None:
    """Raise unless ``actor`` is an administrator."""
    if not Viewer.for_user(actor).is_admin:
        raise PermissionDeniedError(_("Only administrators may change people's records."))


def person_changed(person: Person, note: ChangeNote) -> None:
    """Record the change ``note`` describes to ``person``'s record (call inside the service's
    transaction): the change record, the person's search document, then every place that shows them
    (``hooks.PERSON_SHOWN``: the films crediting them get a new version)."""
    with transaction.atomic():
        record_change(target=person, note=note)
        index.update_for(person, dependants=False)  # its films, just below
        person_shown_refresh(person)


def person_save(*, person: Person, actor: Any, fields: list[str]) -> Person:
    """Save a person an admin form built with the values of ``fields`` set on it."""
    require_admin(actor=actor)
    person.match_key = name_match_key(person.display_name)
    with transaction.atomic():
        note = saved_note(
            person, fields, actor=actor, section=AuditSection.PERSON, summary=person.display_name
        )
        if note is not None:
            person_changed(person, note)
    return person


def person_rows_save(
    *, person: Person, actor: Any, section: str, saved: Any = (), deleted: Any = ()
) -> None:
    """Save and delete names, biographies or links of ``person`` together."""
    require_admin(actor=actor)
    with transaction.atomic():
        note = rows_note(actor=actor, section=section, saved=saved, deleted=deleted)
        if note is not None:
            person_changed(person, note)


def person_delete(*, person: Person, actor: Any) -> None:
    """Delete a person (refused by the database while they are credited on a film)."""
    require_admin(actor=actor)
    with transaction.atomic():
        record_change(
            target=person,
            note=ChangeNote(actor=actor, action=AuditAction.DELETE, summary=person.display_name),
        )
        index.remove_for(person)
        person.delete()
