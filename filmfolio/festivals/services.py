"""Writes of festival entries on a film, and of the festival records themselves.

Entries: keyword-only services that check the actor through ``films.access`` (via the films
services), run in one transaction and end in ``film_changed`` on the film. Festivals, editions,
sections and awards (changed by administrators in the Django admin) end in
``festival_changed``: a change record on the festival, its search document and those of the
films entered at it rewritten in the same transaction, and new versions of those films (their
pages show the festival's names).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from filmfolio.core.audit import ChangeNote, record_change, rows_note, saved_note
from filmfolio.core.choices import AuditAction, AuditSection
from filmfolio.core.errors import ObjectNotFoundError, PermissionDeniedError, ValidationFailedError
from filmfolio.core.matching import title_match_key
from filmfolio.core.slugs import unique_slug
from filmfolio.films import access
from filmfolio.films.changes import record_shown_on_films_changed
from filmfolio.films.models import Film
from filmfolio.films.reindex import search_remove, search_update, search_update_listing
from filmfolio.films.services import film_changed, film_rows_save, require_edit, validated

from .choices import EntryEvidence
from .evidence import claimed_cleared, evidence_changes, evidence_errors
from .evidence_files import discard
from .models import Award, Edition, Entry, Festival, Section


def festival_pick_or_create(
    *, festival: Festival | str | None, new_name: str = "", actor: Any = None
) -> Festival:
    """The chosen festival (or the one with that slug), or an existing one with exactly that
    name, or a new one. Only festivals ``actor`` may enter a film at are picked or matched
    (``access.enterable_festivals``); another is answered like an unknown address, and a name
    matching only such a festival makes a new one."""
    enterable = access.enterable_festivals(access.Viewer.for_user(actor), Festival.objects.all())
    if festival:
        lookup: dict[str, object] = (
            {"pk": festival.pk} if isinstance(festival, Festival) else {"slug": festival}
        )
        found = enterable.filter(**lookup).first()
        if found is None:
            message = _("No festival has this address.")
            raise ValidationFailedError(message, errors={"festival": [message]})
        return found
    name = new_name.strip()
    if not name:
        raise ValidationFailedError(
            _("Choose a festival or type the name of a new one."),
            errors={"festival": [_("Choose a festival or type the name of a new one.")]},
        )
    key = title_match_key(name)
    existing = enterable.filter(Q(name__iexact=name) | Q(match_key=key)).first()
    if existing is not None:
        return existing
    created = Festival(name=name, slug="placeholder", match_key=key)
    validated(created, exclude=["slug"])
    created.slug = unique_slug(Festival, name)
    created.save()
    search_update(created)
    return created


def edition_pick_or_create(*, festival: Festival, year: int | None, number: int | None) -> Edition:
    """The edition of ``festival`` with that year and number, created when missing."""
    if year is None and number is None:
        raise ValidationFailedError(
            _("Give the edition's year or number."),
            errors={"year": [_("Give the edition's year or number.")]},
        )
    edition = Edition.objects.filter(festival=festival, year=year, number=number).first()
    if edition is None:
        edition = Edition(festival=festival, year=year, number=number)
        validated(edition)
        edition.save()
        search_update(festival, dependants=False)  # its document holds its editions' numbers
    return edition


@dataclass(frozen=True, kw_only=True)
class EntryDraft:
    """A festival entry as the editor, the API or a script gives it, before anything is found
    or created.

    ``festival`` is a festival or its slug; without it a festival named ``new_festival_name``
    is found or created. ``year`` and ``number`` name the edition (one of them at least); the
    section and award are picked by name or created. ``result`` is an ``EntryResult`` value.
    ``evidence`` is claimed (the default) or sourced with ``evidence_url`` and
    ``evidence_checked_on``; confirmed is refused (``festivals.evidence``).
    """

    festival: Festival | str | None = None
    new_festival_name: str = ""
    year: int | None = None
    number: int | None = None
    section_name: str = ""
    award_name: str = ""
    result: str
    date: datetime.date | None = None
    note: str = ""
    evidence: str = EntryEvidence.CLAIMED
    evidence_url: str = ""
    evidence_checked_on: datetime.date | None = None


def require_evidence(*, entry: Entry, previous: Entry | None) -> None:
    """Raise unless ``entry``'s evidence may be saved (``festivals.evidence``); a claimed
    entry's source fields are emptied."""
    claimed_cleared(entry)
    errors = evidence_errors(entry=entry, festival=entry.edition.festival, previous=previous)
    if errors:
        raise ValidationFailedError(next(iter(errors.values()))[0], errors=errors)


def entry_add(*, film: Film, actor: Any, draft: EntryDraft) -> Entry:
    """Record ``film`` at a festival edition (selection, nomination, award...) as ``draft``
    describes it. Nothing is created unless the whole entry is valid.
    """
    require_edit(film=film, actor=actor)
    with transaction.atomic():
        chosen = festival_pick_or_create(
            festival=draft.festival, new_name=draft.new_festival_name, actor=actor
        )
        edition = edition_pick_or_create(festival=chosen, year=draft.year, number=draft.number)
        section = None
        if draft.section_name.strip():
            section, _created = Section.objects.get_or_create(
                edition=edition, name=draft.section_name.strip()[:200]
            )
        award = None
        if draft.award_name.strip():
            award, _created = Award.objects.get_or_create(
                festival=chosen, name=draft.award_name.strip()[:200]
            )
        entry = Entry(
            film=film,
            edition=edition,
            section=section,
            award=award,
            result=draft.result,
            date=draft.date,
            note=draft.note.strip(),
            evidence=draft.evidence,
            evidence_url=draft.evidence_url.strip(),
            evidence_checked_on=draft.evidence_checked_on,
        )
        require_evidence(entry=entry, previous=None)
        validated(entry)
        entry.save()
        film_changed(
            film,
            ChangeNote(
                actor=actor,
                action=AuditAction.ADD,
                section=AuditSection.FESTIVALS,
                changes={"entry": {"old": None, "new": entry_label(entry)}}
                | evidence_changes(None, entry),
            ),
        )
    return entry


def entry_label(entry: Entry) -> str:
    """ "Winner: Best Short Film — 36th (2014) Golden Horse Awards" for history lines."""
    parts = [entry.get_result_display()]
    if entry.award_id:
        parts.append(f": {entry.award}")
    parts.append(f" — {entry.edition}")
    return "".join(str(p) for p in parts)


def entry_remove(*, film: Film, actor: Any, entry_id: int) -> None:
    """Remove one festival entry of ``film``; an entry of another film is not found."""
    require_edit(film=film, actor=actor)
    with transaction.atomic():
        entry = (
            film.festival_entries.select_related("edition__festival", "award")
            .filter(pk=entry_id)
            .first()
        )
        if entry is None:
            raise ObjectNotFoundError(_("This festival entry does not exist on this film."))
        label = entry_label(entry)
        entry.delete()
        transaction.on_commit(lambda: discard(entry.evidence_file))
        search_update_listing(entry.edition.festival)
        film_changed(
            film,
            ChangeNote(
                actor=actor,
                action=AuditAction.REMOVE,
                section=AuditSection.FESTIVALS,
                changes={"entry": {"old": label, "new": None}},
            ),
        )


def entry_save(*, entry: Entry, actor: Any) -> Entry:
    """Save an entry an admin form built; moving it to another film changes both films. Its
    evidence is checked (``require_evidence``: a confirmed entry's facts stay as the festival
    gave them) and a change of evidence is recorded on the film."""
    with transaction.atomic():
        previous = (
            Entry.objects.select_related("film", "edition__festival", "award")
            .filter(pk=entry.pk)
            .first()
            if entry.pk
            else None
        )
        moved_from = previous.film if previous and previous.film_id != entry.film_id else None
        if moved_from is not None:
            require_edit(film=moved_from, actor=actor)
        require_edit(film=entry.film, actor=actor)
        require_evidence(entry=entry, previous=previous)
        film_rows_save(film=entry.film, actor=actor, section=AuditSection.FESTIVALS, saved=[entry])
        _evidence_changed(entry, previous, actor)
        if moved_from is not None and previous is not None:
            film_changed(
                moved_from,
                ChangeNote(
                    actor=actor,
                    action=AuditAction.REMOVE,
                    section=AuditSection.FESTIVALS,
                    changes={"entry": {"old": entry_label(previous), "new": None}},
                ),
            )
    return entry


def _evidence_changed(entry: Entry, previous: Entry | None, actor: Any) -> None:
    changes = evidence_changes(previous, entry)
    if changes:
        film_changed(
            entry.film,
            ChangeNote(
                actor=actor,
                action=AuditAction.UPDATE,
                section=AuditSection.FESTIVALS,
                changes=changes,
                summary=entry_label(entry),
            ),
        )


def require_admin(*, actor: Any) -> None:
    """Raise unless ``actor`` is an administrator (festival records are theirs to change)."""
    if not access.Viewer.for_user(actor).is_admin:
        raise PermissionDeniedError(_("Only administrators may change festival records."))


def festival_changed(festival: Festival, note: ChangeNote) -> None:
    """Record the change ``note`` describes to ``festival``'s record (call inside the
    service's transaction)."""
    record_shown_on_films_changed(
        festival, note, film_model=Film, film_ids=_entered_film_ids(festival)
    )


def _entered_film_ids(festival: Festival) -> list[int]:
    return list(Entry.objects.filter(edition__festival=festival).values_list("film_id", flat=True))


def festival_save(*, festival: Festival, actor: Any, fields: list[str]) -> Festival:
    """Save a festival an admin form built with the values of ``fields`` set on it."""
    require_admin(actor=actor)
    festival.match_key = title_match_key(festival.name)
    with transaction.atomic():
        note = saved_note(
            festival, fields, actor=actor, section=AuditSection.FESTIVAL, summary=festival.name
        )
        if note is not None:
            festival_changed(festival, note)
    return festival


def festival_rows_save(
    *,
    festival: Festival,
    actor: Any,
    section: str,
    saved: Any = (),
    deleted: Any = (),
) -> None:
    """Save and delete editions, sections or awards of ``festival`` together."""
    require_admin(actor=actor)
    festival_rows_write(
        festival=festival, actor=actor, section=section, saved=saved, deleted=deleted
    )


def festival_rows_write(
    *,
    festival: Festival,
    actor: Any,
    section: str,
    saved: Any = (),
    deleted: Any = (),
) -> None:
    """Validate, save and delete editions, sections or awards of ``festival`` for an actor the
    caller has already allowed (an administrator, or a manager of the festival's account)."""
    for row in saved:
        validated(row)
    with transaction.atomic():
        note = rows_note(actor=actor, section=section, saved=saved, deleted=deleted)
        if note is not None:
            festival_changed(festival, note)


@dataclass(frozen=True, kw_only=True)
class FestivalDecision:
    """What a festival decided about a film at one of its editions."""

    edition: Edition
    section: Section | None = None
    award: Award | None = None
    result: str
    date: datetime.date | None = None


def entry_confirm(*, film: Film, decision: FestivalDecision, actor: Any) -> Entry:
    """Write the festival's decision as a **confirmed** entry on ``film`` (or confirm the
    entry the filmmaker already recorded for the same edition, section, award and result).

    The caller has checked that ``actor`` decides for the edition's festival; the film's
    editors are not asked, since the fact is the festival's."""
    with transaction.atomic():
        entry = Entry.objects.filter(
            film=film,
            edition=decision.edition,
            section=decision.section,
            award=decision.award,
            result=decision.result,
        ).first() or Entry(
            film=film,
            edition=decision.edition,
            section=decision.section,
            award=decision.award,
            result=decision.result,
        )
        old = entry.evidence if entry.pk else None
        entry.date = decision.date or entry.date
        entry.evidence = EntryEvidence.CONFIRMED
        entry.confirmed_at = timezone.now()
        validated(entry)
        entry.save()
        film_changed(
            film,
            ChangeNote(
                actor=actor,
                action=AuditAction.SET if old else AuditAction.ADD,
                section=AuditSection.FESTIVALS,
                changes={"entry": {"old": old, "new": entry_label(entry)}},
            ),
        )
    return entry


def festival_delete(*, festival: Festival, actor: Any) -> None:
    """Delete a festival (refused by the database while films are entered at it)."""
    require_admin(actor=actor)
    with transaction.atomic():
        record_change(
            target=festival,
            note=ChangeNote(actor=actor, action=AuditAction.DELETE, summary=festival.name),
        )
        search_remove(festival)
        festival.delete()
