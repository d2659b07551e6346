"""Credits on a film, and the people they name."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from filmfolio.core.audit import ChangeNote
from filmfolio.core.choices import AuditAction, AuditSection
from filmfolio.core.errors import ObjectNotFoundError
from filmfolio.films.reindex import search_update_listing
from filmfolio.people.models import Person
from filmfolio.people.services import person_create, person_for_name

from ..models import Credit, Film, Role
from .base import (
    _invalid,
    film_changed,
    require_edit,
    validated,
)


@dataclass(frozen=True, kw_only=True)
class CreditedPerson:
    """Who a new credit names, as the editor, the API or a script chose them.

    ``person`` (a person, their id or their slug), else a new person named ``new_name`` (an
    explicit "create a new person" choice), else the person ``people.services.person_for_name``
    finds for the typed ``name`` (or a new one so named); with none of these the credit is
    uncredited.
    """

    person: Person | int | str | None = None
    new_name: str = ""
    name: str = ""


UNCREDITED = CreditedPerson()


def credit_add(
    *,
    film: Film,
    actor: Any,
    role: Role | str,
    credited: CreditedPerson = UNCREDITED,
    details: dict[str, Any] | None = None,
) -> Credit:
    """Credit the person ``credited`` names (``CreditedPerson``; by default nobody: an
    uncredited contribution) on ``film`` with ``role`` (a role or its code).

    ``details`` may hold ``credited_as``, ``character``, ``description`` and ``position``
    (default: after the role's other credits). Nothing is created unless the whole credit is
    valid.
    """
    require_edit(film=film, actor=actor)
    role = _role_for(role)
    with transaction.atomic():
        chosen = _credit_person(credited, actor=actor)
        if chosen is not None and film.credits.filter(person=chosen, role=role).exists():
            raise _invalid(NON_FIELD_ERRORS, _duplicate_credit(chosen, role))
        credit = Credit(film=film, role=role, person=chosen, **(details or {}))
        if "position" not in (details or {}):
            credit.position = film.credits.filter(role=role).count()
        validated(credit)
        try:
            with transaction.atomic():
                credit.save()
        except IntegrityError as error:
            raise _invalid(NON_FIELD_ERRORS, _duplicate_credit(chosen, role)) from error
        film_changed(
            film,
            ChangeNote(
                actor=actor,
                action=AuditAction.ADD,
                section=AuditSection.CREDITS,
                changes={"credit": {"old": None, "new": _credit_label(chosen, role)}},
            ),
        )
    return credit


def _role_for(role: Role | str) -> Role:
    if isinstance(role, Role):
        return role
    found = Role.objects.filter(code=role).first()
    if found is None:
        raise _invalid("role", _("Unknown role."))
    return found


def _credit_person(credited: CreditedPerson, *, actor: Any) -> Person | None:
    """The credited person (see ``CreditedPerson``), by the one rule of ``people.services``:
    only people the actor may credit are picked or matched; another is answered like an
    unknown address, and a name matching only them makes a new person."""
    person, new_name, name = credited.person, credited.new_name, credited.name
    if person == "":
        person = None
    if isinstance(person, str):
        found = Person.objects.filter(slug=person).values_list("pk", flat=True).first()
        person = found if found is not None else 0
    if isinstance(person, Person):
        person = person.pk
    if person is not None:
        return person_for_name(name=name, actor=actor, person_id=person)
    if new_name.strip():
        return person_create(name=new_name, actor=actor)
    if not name.strip():
        return None
    return person_for_name(name=name, actor=actor)


def _duplicate_credit(person: Person | None, role: Role) -> str:
    return _("%(person)s is already credited as %(role)s.") % {"person": person, "role": role}


def _credit_label(person: Person | None, role: Role) -> str:
    """ "Shengze Zhu — Director" for history lines."""
    return f"{person or _('Uncredited')} — {role}"


def credit_remove(*, film: Film, actor: Any, credit_id: int) -> None:
    """Remove one credit of ``film``; a credit of another film is not found."""
    require_edit(film=film, actor=actor)
    with transaction.atomic():
        credit = film.credits.select_related("person", "role").filter(pk=credit_id).first()
        if credit is None:
            raise ObjectNotFoundError(_("This credit does not exist on this film."))
        label = _credit_label(credit.person, credit.role)
        credit.delete()
        if credit.person is not None:
            search_update_listing(credit.person)
        film_changed(
            film,
            ChangeNote(
                actor=actor,
                action=AuditAction.REMOVE,
                section=AuditSection.CREDITS,
                changes={"credit": {"old": label, "new": None}},
            ),
        )


CREDIT_DETAILS = ("credited_as", "character", "description")


def credit_update(
    *,
    film: Film,
    actor: Any,
    credit_id: int,
    role: Role | str,
    who: CreditedPerson,
    details: dict[str, Any] | None = None,
) -> Credit:
    """Change one credit of ``film`` in place: its role, the person it names (``who``, by the
    one rule of ``people.services``; nobody for "name not given") and ``details``
    (``credited_as``, ``character``, ``description``). Nothing changes unless all is valid;
    the change record holds the old and new values of what changed."""
    require_edit(film=film, actor=actor)
    role = _role_for(role)
    with transaction.atomic():
        credit = film.credits.select_related("person", "role").filter(pk=credit_id).first()
        if credit is None:
            raise ObjectNotFoundError(_("This credit does not exist on this film."))
        before = _credit_values(credit)
        chosen = _credit_person(who, actor=actor)
        others = film.credits.exclude(pk=credit.pk)
        if chosen is not None and others.filter(person=chosen, role=role).exists():
            raise _invalid(NON_FIELD_ERRORS, _duplicate_credit(chosen, role))
        old_person = credit.person
        credit.person, credit.role = chosen, role
        for name in CREDIT_DETAILS:
            setattr(credit, name, (details or {}).get(name, getattr(credit, name)) or "")
        validated(credit)
        changes = _changed(before, _credit_values(credit))
        if changes:
            credit.save()
            _credit_updated(film, actor, old_person, changes)
    return credit


def _credit_values(credit: Credit) -> dict[str, Any]:
    values = {"credit": _credit_label(credit.person, credit.role)}
    return values | {name: getattr(credit, name) for name in CREDIT_DETAILS}


def _changed(before: dict[str, Any], after: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {k: {"old": before[k], "new": after[k]} for k in before if before[k] != after[k]}


def _credit_updated(film: Film, actor: Any, old_person: Person | None, changes: Any) -> None:
    """The change record; a person no longer credited here may leave the listings."""
    if old_person is not None:
        search_update_listing(old_person)
    film_changed(
        film,
        ChangeNote(
            actor=actor, action=AuditAction.UPDATE, section=AuditSection.CREDITS, changes=changes
        ),
    )
