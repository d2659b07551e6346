"""Collaborator rows as the Django admin submits them: saved and deleted through the film's
change function, so the film's history records who was given or lost access."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from filmfolio.core.audit import rows_note
from filmfolio.core.choices import AuditSection
from filmfolio.films.changes import film_changed
from filmfolio.films.models import Collaborator
from filmfolio.films.services import require_own


def collaborator_rows_save(
    *,
    film: Any,
    actor: Any,
    saved: list[Collaborator] | tuple[()] = (),
    deleted: list[Collaborator] | tuple[()] = (),
) -> None:
    """Save and delete collaborators of ``film`` together, with one change record."""
    require_own(film=film, actor=actor)
    with transaction.atomic():
        note = rows_note(
            actor=actor, section=AuditSection.COLLABORATORS, saved=saved, deleted=deleted
        )
        if note is not None:
            film_changed(film, note)
