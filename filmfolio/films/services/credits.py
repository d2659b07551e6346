"""Credits on a film, and the people they name."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from filmfolio.core.choices import AuditAction, AuditSection
from filmfolio.core.errors import ObjectNotFoundError
from filmfolio.core.matching import name_match_key
from filmfolio.core.slugs import unique_slug
from filmfolio.films import access
from filmfolio.films.reindex import search_update, search_update_listing
from filmfolio.people.choices import NameScript
from filmfolio.people.models import Person, PersonName

from ..models import Credit, Film, Role
from .base import (
    _invalid,
    film_changed,
    require_edit,
    validated,
)


def person_create(*, name: str) -> Person:
    """A new person record named ``name`` (also kept as one of their written names)."""
    name = name.strip()
    script = NameScript.LATIN if name.isascii() else NameScript.OTHER
    person = Person(
        display_name=name, slug="placeholder", sort_name=name, match_key=name_match_key(name)
    )
    validated(person, exclude=["slug"])
    person.slug = unique_slug(Person, name)
    person.save()
    PersonName.objects.create(person=person, name=name, script=script)
    search_update(person)
    return person


def credit_add(
    *,
    film: Film,
    actor: Any,
    role: Role | str,
    person: Person | str | None = None,
    new_person_name: str = "",
    person_name: str = "",
    details: dict[str, Any] | None = None,
) -> Credit:
    """Credit a person on ``film`` with ``role`` (a role or its code).

    The person is ``person`` (a person or their slug), else a new person named
    ``new_person_name``, else the earliest person whose name matches ``person_name`` or a new
    one so named; with none of these the credit is uncredited. ``details`` may hold
    ``credited_as``, ``character``, ``description`` and ``position`` (default: after the
    role's other credits). Nothing is created unless the whole credit is valid.
    """
    require_edit(film=film, actor=actor)
    role = _role_for(role)
    with transaction.atomic():
        chosen = _credit_person(
            person, new_person_name, person_name, viewer=access.Viewer.for_user(actor)
        )
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
            film=film,
            actor=actor,
            action=AuditAction.ADD,
            section=AuditSection.CREDITS,
            changes={"credit": {"old": None, "new": _credit_label(chosen, role)}},
        )
    return credit


def _role_for(role: Role | str) -> Role:
    if isinstance(role, Role):
        return role
    found = Role.objects.filter(code=role).first()
    if found is None:
        raise _invalid("role", _("Unknown role."))
    return found


def _credit_person(
    person: Person | str | None, new_name: str, name: str, *, viewer: access.Viewer
) -> Person | None:
    """The credited person (see ``credit_add``); a new person is created here. Only people
    the actor may credit are picked or matched (``access.creditable_people``); another is
    answered like an unknown address, and a name matching only them makes a new person."""
    creditable = access.creditable_people(viewer, Person.objects.all())
    if person:
        lookup: dict[str, object] = (
            {"pk": person.pk} if isinstance(person, Person) else {"slug": person}
        )
        found = creditable.filter(**lookup).first()
        if found is None:
            raise _invalid("person", _("No person has this address."))
        return found
    if new_name.strip():
        return person_create(name=new_name)
    if not name.strip():
        return None
    key = name_match_key(name)
    found = creditable.filter(match_key=key).order_by("id").first() if key else None
    return found or person_create(name=name)


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
            film=film,
            actor=actor,
            action=AuditAction.REMOVE,
            section=AuditSection.CREDITS,
            changes={"credit": {"old": label, "new": None}},
        )
