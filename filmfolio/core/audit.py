"""Writing and reading change records: who changed what, when, from which value to which.

Services describe a change in a ``ChangeNote`` and call ``record_change`` inside their
transaction; pages read ``changes_for``.
``rows_write`` saves and deletes the rows an admin form built and says what changed.
"""

from __future__ import annotations

import datetime
import decimal
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, QuerySet

from .choices import AuditAction, AuditSection
from .models import ChangeRecord
from .versions import content_changed


def plain(value: Any) -> Any:
    """A JSON-safe form of a field value (dates as ISO text, models as their text)."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, Model):
        return str(value)
    if isinstance(value, list | tuple | set | frozenset):
        return [plain(v) for v in value]
    return str(value)


def field_changes(before: dict[str, Any], after: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """``{field: {"old": ..., "new": ...}}`` for every field whose value differs."""
    changes = {}
    for name, new in after.items():
        old = before.get(name)
        if plain(old) != plain(new):
            changes[name] = {"old": plain(old), "new": plain(new)}
    return changes


def save_with_changes(obj: Model, fields: Iterable[str]) -> tuple[bool, dict[str, dict[str, Any]]]:
    """Save ``obj`` (a form set ``fields`` on it); return whether it is new and the changes of
    those fields against the stored row (call inside the caller's transaction)."""
    is_new = obj.pk is None
    stored = None if is_new else type(obj)._default_manager.get(pk=obj.pk)
    obj.save()
    after = {name: getattr(obj, name) for name in fields}
    before = {} if stored is None else {name: getattr(stored, name) for name in after}
    return is_new, field_changes(before, after)


@dataclass(frozen=True, kw_only=True)
class ChangeNote:
    """What one change was, as its change record will say: who made it (``actor``), what they
    did (an ``AuditAction``), to which part of the record (an ``AuditSection``; blank: the
    record as a whole), the changed values (``{field: {"old": ..., "new": ...}}``) and a short
    text. Services build one and hand it to ``record_change`` or to the ``*_changed`` function of
    what they changed.

    ``action`` and ``section`` must be values of ``AuditAction`` and ``AuditSection``; anything
    else raises ``ValueError`` when the note is made, before anything is written.
    """

    actor: Any
    action: AuditAction | str
    section: AuditSection | str = ""
    changes: dict[str, Any] | None = None
    summary: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "action", AuditAction(self.action))
        object.__setattr__(self, "section", AuditSection(self.section) if self.section else "")


def record_change(*, target: Model, note: ChangeNote) -> ChangeRecord:
    """Write the change record of ``note`` for ``target`` (call inside the service's
    transaction)."""
    actor = note.actor
    content_changed()
    return ChangeRecord.objects.create(
        content_type=ContentType.objects.get_for_model(target),
        object_id=target.pk,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=note.action,
        section=note.section,
        summary=note.summary[:300],
        changes=note.changes or {},
    )


def saved_note(
    obj: Model, fields: Iterable[str], *, actor: Any, section: str = "", summary: str = ""
) -> ChangeNote | None:
    """Save ``obj`` as ``save_with_changes`` does and return the note of its creation or of the
    change of ``fields``; ``None`` when nothing changed (call inside the caller's
    transaction)."""
    is_new, changes = save_with_changes(obj, fields)
    if not (is_new or changes):
        return None
    action = AuditAction.CREATE if is_new else AuditAction.UPDATE
    return ChangeNote(actor=actor, action=action, section=section, changes=changes, summary=summary)


def rows_note(
    *, actor: Any, section: str, saved: Iterable[Model] = (), deleted: Iterable[Model] = ()
) -> ChangeNote | None:
    """Write rows as ``rows_write`` does and return the note of the update of ``section``;
    ``None`` when no row's text changed (call inside the caller's transaction)."""
    changes = rows_write(saved=saved, deleted=deleted)
    if not changes:
        return None
    return ChangeNote(actor=actor, action=AuditAction.UPDATE, section=section, changes=changes)


def changes_for(target: Model) -> QuerySet[ChangeRecord]:
    """The history of ``target``, newest first, with the actors loaded."""
    return ChangeRecord.objects.filter(
        content_type=ContentType.objects.get_for_model(target), object_id=target.pk
    ).select_related("actor")


def rows_write(
    *, saved: Iterable[Model] = (), deleted: Iterable[Model] = ()
) -> dict[str, dict[str, Any]]:
    """Delete then save model rows (for services that take rows an admin form built); returns
    ``{"<model> <id>": {"old": text, "new": text}}`` for each row whose text changed."""
    changes: dict[str, dict[str, Any]] = {}
    for row in deleted:
        changes[_row_key(row)] = {"old": str(row), "new": None}
        row.delete()
    for row in saved:
        old = type(row)._default_manager.filter(pk=row.pk).first() if row.pk else None
        row.save()
        if old is None or str(old) != str(row):
            changes[_row_key(row)] = {"old": None if old is None else str(old), "new": str(row)}
    return changes


def _row_key(row: Model) -> str:
    return f"{row._meta.model_name} {row.pk}"
