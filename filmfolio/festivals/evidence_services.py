"""Writes of an entry's uploaded notification (``festivals.evidence_files``): attach and
remove, through the film's editing right, all or nothing, with a change record on the film.

* Attaching makes a claimed or sourced entry **sourced**, checked today; a confirmed entry
  stays confirmed (the file is kept beside the festival's decision).
* Removing the file leaves a sourced entry sourced while it still has the festival's page,
  and makes it **claimed** again when it has not; a confirmed entry stays confirmed.
"""

from __future__ import annotations

import copy
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from filmfolio.core.audit import ChangeNote
from filmfolio.core.choices import AuditAction, AuditSection
from filmfolio.core.errors import ObjectNotFoundError, ValidationFailedError
from filmfolio.films.models import Film
from filmfolio.films.services import film_changed, require_edit, validated

from . import evidence_files
from .choices import EntryEvidence
from .evidence import claimed_cleared, evidence_changes
from .models import Entry
from .services import entry_label, require_evidence


def _entry(film: Film, entry_id: int) -> Entry:
    entry = (
        film.festival_entries.select_related("edition__festival", "award")
        .filter(pk=entry_id)
        .first()
    )
    if entry is None:
        raise ObjectNotFoundError(_("This festival entry does not exist on this film."))
    return entry


def _record(film: Film, actor: Any, previous: Entry, entry: Entry) -> None:
    changes = evidence_changes(previous, entry)
    changes["evidence_file"] = {
        "old": previous.evidence_file_type or None,
        "new": entry.evidence_file_type or None,
    }
    film_changed(
        film,
        ChangeNote(
            actor=actor,
            action=AuditAction.UPDATE,
            section=AuditSection.FESTIVALS,
            changes=changes,
            summary=entry_label(entry),
        ),
    )


def entry_evidence_attach(*, film: Film, actor: Any, entry_id: int, upload: Any) -> Entry:
    """Keep ``upload`` (checked by content) as the notification backing the entry
    ``entry_id`` of ``film``, replacing any earlier one."""
    require_edit(film=film, actor=actor)
    kind = evidence_files.checked_kind(upload)
    with transaction.atomic():
        entry = _entry(film, entry_id)
        previous = copy.copy(entry)
        name = evidence_files.store(film_id=film.pk, entry_id=entry.pk, upload=upload, kind=kind)
        try:
            entry.evidence_file, entry.evidence_file_type = name, kind
            if entry.evidence != EntryEvidence.CONFIRMED:
                entry.evidence = EntryEvidence.SOURCED
                entry.evidence_checked_on = timezone.localdate()
            require_evidence(entry=entry, previous=previous)
            validated(entry)
            entry.save()
            _record(film, actor, previous, entry)
        except BaseException:
            evidence_files.discard(name)
            raise
        transaction.on_commit(lambda: evidence_files.discard(previous.evidence_file))
    return entry


def entry_evidence_remove(*, film: Film, actor: Any, entry_id: int) -> Entry:
    """Remove the notification of the entry ``entry_id``; without the festival's page as
    well, a sourced entry is claimed again."""
    require_edit(film=film, actor=actor)
    with transaction.atomic():
        entry = _entry(film, entry_id)
        if not entry.evidence_file:
            message = _("This entry has no uploaded notification.")
            raise ValidationFailedError(message, errors={"file": [message]})
        previous = copy.copy(entry)
        entry.evidence_file, entry.evidence_file_type = "", ""
        if entry.evidence == EntryEvidence.SOURCED and not entry.evidence_url:
            entry.evidence = EntryEvidence.CLAIMED
            claimed_cleared(entry)
        require_evidence(entry=entry, previous=previous)
        entry.save()
        _record(film, actor, previous, entry)
        transaction.on_commit(lambda: evidence_files.discard(previous.evidence_file))
    return entry
