"""Whole-record writes as the Django admin submits them: the film's own fields, rows of any of
its parts at once, and deleting a film.

The admin validates with its forms and hands the resulting instances here; these services check
the actor, write, and end in ``film_changed`` like every other film service. Visibility goes
through ``films.services.visibility.film_set_visibility``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import models, transaction
from django.utils.translation import gettext as _

from filmfolio.core.audit import ChangeNote, field_changes, rows_note
from filmfolio.core.choices import AuditAction, AuditSection
from filmfolio.core.errors import PermissionDeniedError
from filmfolio.films.changes import film_deleted
from filmfolio.films.choices import Visibility
from filmfolio.films.reindex import search_update_listings
from filmfolio.films.services.visibility import film_set_visibility
from filmfolio.people.models import Person

from ..hooks import FILM_DELETING
from ..models import Film
from .base import film_changed, require_edit, require_own

_NOT_RECORDED = frozenset({"visibility", "genres"})
# Every column but the version, which ``film_changed`` sets (and drops the old one's pages).
_SAVED_FIELDS = [
    f.name for f in Film._meta.concrete_fields if not f.primary_key and f.name != "updated_at"
]


def film_save(
    *, film: Film, actor: Any, fields: Iterable[str], genres: Iterable[Any] | None = None
) -> Film:
    """Save ``film`` with the values already set on it for ``fields`` (a new film when it has
    no id yet, created private, then given its visibility); ``genres`` replaces its genres."""
    fields = list(fields)
    is_new = film.pk is None
    _require_save(film, actor, is_new)
    visibility = film.visibility
    with transaction.atomic():
        stored = None if is_new else Film.objects.select_for_update().get(pk=film.pk)
        changes = _save_fields(film, stored, fields)
        if genres is not None:
            changes.update(_set_genres(film, genres))
        if is_new or changes:
            film_changed(
                film,
                ChangeNote(
                    actor=actor,
                    action=AuditAction.CREATE if is_new else AuditAction.UPDATE,
                    section=AuditSection.RECORD,
                    changes=changes,
                    summary=film.title,
                ),
            )
        if visibility != film.visibility:
            film_set_visibility(film=film, actor=actor, visibility=visibility)
    return film


def _require_save(film: Film, actor: Any, is_new: bool) -> None:
    """An editor of the film saves it; anyone signed in adds a film."""
    if not is_new:
        require_edit(film=film, actor=actor)
    elif not getattr(actor, "is_authenticated", False):
        raise PermissionDeniedError(_("Log in to add a film."))


def _save_fields(film: Film, stored: Film | None, fields: list[str]) -> dict[str, Any]:
    """Save the film keeping its stored visibility (private when new); return the changes of
    ``fields`` against the stored row."""
    film.visibility = Visibility.PRIVATE if stored is None else stored.visibility
    film.save(update_fields=None if stored is None else _SAVED_FIELDS)
    after = {name: getattr(film, name) for name in fields if name not in _NOT_RECORDED}
    before = {} if stored is None else {name: getattr(stored, name) for name in after}
    return field_changes(before, after)


def _set_genres(film: Film, genres: Iterable[Any]) -> dict[str, Any]:
    """Replace the film's genres; the change of their names, if any."""
    old = sorted(str(genre) for genre in film.genres.all())
    film.genres.set(list(genres))
    new = sorted(str(genre) for genre in film.genres.all())
    return {"genres": {"old": old, "new": new}} if old != new else {}


def film_rows_save(
    *,
    film: Film,
    actor: Any,
    section: str,
    saved: Iterable[models.Model] = (),
    deleted: Iterable[models.Model] = (),
) -> None:
    """Save and delete rows of one part of ``film`` (titles, credits, entries...) together,
    with one change record naming each row's old and new text."""
    require_edit(film=film, actor=actor)
    saved, deleted = list(saved), list(deleted)
    if any(getattr(row, "film_id", film.pk) != film.pk for row in saved):
        raise ValueError("Rows of another film")
    with transaction.atomic():
        note = rows_note(actor=actor, section=section, saved=saved, deleted=deleted)
        if note is not None:
            film_changed(film, note)


def film_delete(*, film: Film, actor: Any) -> None:
    """Delete ``film`` with every part of its record; it leaves search and the page cache at
    once and its history keeps a record of the deletion. A person or festival reached only
    through it leaves anonymous search in the same transaction, and its videos' queued jobs
    leave the queue (a running one stops at its next heartbeat)."""
    require_own(film=film, actor=actor)
    with transaction.atomic():
        people = sorted(set(film.credits.exclude(person=None).values_list("person_id", flat=True)))
        collected = [(part, part.collect(film)) for part in FILM_DELETING]
        film_deleted(film, actor=actor, summary=str(film))
        film.delete()
        search_update_listings(Person, people)
        for part, value in collected:  # the festivals' listing, the videos' queued jobs
            part.after(value)
