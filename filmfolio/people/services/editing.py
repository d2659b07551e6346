"""Writes of a person's written names and biographies made on the web by whoever may change
the person's record (``Person.objects.editable_by``, decided by ``films.access``).

Each service checks the actor, runs in one transaction and ends in ``person_changed`` (a change
record with the old and new values, the person's search document and the films crediting them
brought up to date). Bad input raises ``ValidationFailedError`` naming the field and changes
nothing.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from filmfolio.core import vocab
from filmfolio.core.audit import ChangeNote
from filmfolio.core.choices import AuditAction, AuditSection
from filmfolio.core.errors import ObjectNotFoundError, PermissionDeniedError, ValidationFailedError
from filmfolio.core.matching import name_match_key
from filmfolio.core.viewers import Viewer

from ..choices import NameOrder, NameScript
from ..models import Person, PersonBiography, PersonName
from .naming import MAX_NAME_LENGTH, name_script
from .records import person_changed

MAX_BIOGRAPHY_LENGTH = 20000
NAME_FIELDS = ("name", "script", "order", "language")


def require_person_edit(*, person: Person, actor: Any) -> None:
    """Raise unless ``actor`` may change ``person``'s names and biographies."""
    if actor is None:
        return  # the operator's commands
    if not Person.objects.filter(pk=person.pk).editable_by(Viewer.for_user(actor)).exists():
        raise PermissionDeniedError(_("You may not change this person's record."))


def _invalid(field: str, message: str) -> ValidationFailedError:
    return ValidationFailedError(message, errors={field: [message]})


def _clean_name(person: Person, values: dict[str, Any], name_id: int | None) -> dict[str, str]:
    """The stored values of a written name: the name with its spaces tidied, its script (found
    from the name when not given), its order and language; refused when empty, too long, of
    an unknown script or order, or already one of the person's names."""
    name = " ".join(str(values.get("name") or "").split())
    if not name or len(name) > MAX_NAME_LENGTH:
        raise _invalid("name", _("Write the name, at most 200 characters."))
    cleaned = {
        "name": name,
        "script": _choice("script", values.get("script") or name_script(name), NameScript),
        "order": _choice("order", values.get("order") or "", NameOrder),
        "language": _language(values.get("language") or ""),
    }
    others = person.names.exclude(pk=name_id) if name_id is not None else person.names.all()
    if others.filter(name=name).exists():
        raise _invalid("name", _("%(name)s already has this name.") % {"name": person})
    return cleaned


def _choice(field: str, value: str, choices: Any) -> str:
    """``value`` if it is one of ``choices`` (or empty), else the field's refusal."""
    if value and value not in choices.values:
        messages = {
            "script": _("Choose the script the name is written in."),
            "order": _("Choose the order of the name."),
        }
        raise _invalid(field, messages[field])
    return value


def _language(code: str) -> str:
    if code and not vocab.is_language_code(code):
        message = _("“%(name)s” is not a language we know; pick one from the list.")
        raise _invalid("language", message % {"name": code})
    return code


def _names_changed(person: Person, actor: Any, action: str, values: tuple[Any, Any]) -> None:
    """Record the change of one written name, ``values`` its old and new label."""
    changes = {"name": {"old": values[0], "new": values[1]}}
    person_changed(
        person,
        ChangeNote(actor=actor, action=action, section=AuditSection.NAMES, changes=changes),
    )


def _name_label(row: PersonName) -> str:
    return " · ".join(filter(None, [row.name, row.script, row.order, row.language]))


def person_name_add(*, person: Person, actor: Any, values: dict[str, Any]) -> PersonName:
    """Give ``person`` another written name: ``values`` holds ``name`` and may hold
    ``script`` (found from the name when empty), ``order`` and ``language`` (a BCP 47 code)."""
    require_person_edit(person=person, actor=actor)
    with transaction.atomic():
        row = PersonName.objects.create(person=person, **_clean_name(person, values, None))
        _names_changed(person, actor, AuditAction.ADD, (None, _name_label(row)))
    return row


def _name_row(person: Person, name_id: int) -> PersonName:
    row = person.names.filter(pk=name_id).first()
    if row is None:
        raise ObjectNotFoundError(_("This name is not one of this person's names."))
    return row


def person_name_update(
    *, person: Person, actor: Any, name_id: int, values: dict[str, Any]
) -> PersonName:
    """Change one of ``person``'s written names in place (its text, script, order, language).
    The name pages show (``display_name``) follows when it is the one changed."""
    require_person_edit(person=person, actor=actor)
    with transaction.atomic():
        row = _name_row(person, name_id)
        before = _name_label(row)
        cleaned = _clean_name(person, values, row.pk)
        was_display = row.name == person.display_name
        for field, value in cleaned.items():
            setattr(row, field, value)
        if _name_label(row) == before:
            return row
        row.save()
        if was_display:
            _display_name_set(person, row.name)
        _names_changed(person, actor, AuditAction.UPDATE, (before, _name_label(row)))
    return row


def _display_name_set(person: Person, name: str) -> None:
    person.display_name = person.sort_name = name
    person.match_key = name_match_key(name)
    person.save(update_fields=["display_name", "sort_name", "match_key", "updated_at"])


def person_name_remove(*, person: Person, actor: Any, name_id: int) -> None:
    """Remove one of ``person``'s written names; the name pages show stays."""
    require_person_edit(person=person, actor=actor)
    with transaction.atomic():
        row = _name_row(person, name_id)
        if row.name == person.display_name:
            raise _invalid("name", _("This is the name pages show; it cannot be removed."))
        label = _name_label(row)
        row.delete()
        _names_changed(person, actor, AuditAction.REMOVE, (label, None))


def person_biography_set(*, person: Person, actor: Any, language: str, body: str) -> bool:
    """Write ``person``'s biography in ``language`` (a BCP 47 code), replacing the one in that
    language; an empty ``body`` removes it. True when something changed."""
    require_person_edit(person=person, actor=actor)
    body = body.strip()
    if not _language(language):
        raise _invalid("language", _("Choose the language of the biography."))
    if len(body) > MAX_BIOGRAPHY_LENGTH:
        raise _invalid("body", _("A biography has at most 20,000 characters."))
    with transaction.atomic():
        row = person.biographies.filter(language=language).first()
        old = row.body if row else None
        if (old or "") == body:
            return False
        if not body:
            PersonBiography.objects.filter(pk=row.pk).delete()  # type: ignore[union-attr]
        else:
            PersonBiography.objects.update_or_create(
                person=person, language=language, defaults={"body": body}
            )
        person_changed(
            person,
            ChangeNote(
                actor=actor,
                action=AuditAction.SET if body else AuditAction.REMOVE,
                section=AuditSection.BIOGRAPHIES,
                changes={f"biography ({language})": {"old": old, "new": body or None}},
            ),
        )
    return True
