"""Writes to a film's record: create, edit by section, credits, titles, texts and links.

Every service is keyword-only, checks the actor's right through ``sharing.access``, runs in one
transaction, and writes a change record (who, when, which fields, old and new value).
Festival entries are written by ``festivals.services``.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from filmfolio.core.audit import field_changes, record_change
from filmfolio.core.errors import ObjectNotFoundError, PermissionDeniedError, ValidationFailedError
from filmfolio.core.matching import name_match_key
from filmfolio.core.slugs import unique_slug
from filmfolio.people.choices import NameScript
from filmfolio.people.models import Person, PersonName
from filmfolio.sharing import access
from filmfolio.sharing.choices import CollaboratorRole
from filmfolio.sharing.models import Collaborator
from filmfolio.sharing.reindex import search_update

from .models import Credit, Film, FilmLink, FilmText, Role, Title

# Slugs that would shadow the editing addresses under /films/.
RESERVED_SLUGS = frozenset({"new", "lookup"})

SECTION_FIELDS: dict[str, tuple[str, ...]] = {
    "basics": ("title", "year", "completion_date", "kind"),
    "specs": (
        "runtime_minutes",
        "budget_amount",
        "budget_currency",
        "budget_as_stated",
        "shooting_format",
        "sound",
        "aspect_ratio",
        "color",
        "is_first_time_filmmaker",
        "is_student_project",
    ),
}


def record_film_change(*, target: Film, **details: Any) -> None:
    """Write the change record of a film and bring its search document up to date."""
    record_change(target=target, **details)
    search_update(target)


def require_edit(*, film: Film, actor: Any) -> None:
    """Raise unless ``actor`` may change ``film``'s record."""
    if not access.can_edit_film(access.Viewer.for_user(actor), film):
        raise PermissionDeniedError(_("You may not change this film."))


def require_own(*, film: Film, actor: Any) -> None:
    """Raise unless ``actor`` owns ``film``."""
    if not access.can_own_film(access.Viewer.for_user(actor), film):
        raise PermissionDeniedError(_("Only the film's owners may do this."))


def validated(instance: Any, *, exclude: list[str] | None = None) -> None:
    """Run model validation; turn its errors into a ``ValidationFailedError``."""
    try:
        instance.full_clean(exclude=exclude)
    except ValidationError as error:
        raise ValidationFailedError(
            _("Please correct the errors below."), errors=error.message_dict
        ) from error


def film_slug_for(title: str) -> str:
    """A free slug for a new film, never one of the editing addresses."""
    slug = unique_slug(Film, title)
    if slug in RESERVED_SLUGS:
        slug = unique_slug(Film, f"film-{title}")
    return slug


def film_create(*, actor: Any, title: str, year: int | None = None, kind: str = "") -> Film:
    """Create a private film owned by ``actor``; its display title is also its original title."""
    if not getattr(actor, "is_authenticated", False):
        raise PermissionDeniedError(_("Log in to add a film."))
    film = Film(title=title.strip(), year=year, kind=kind, slug="placeholder")
    validated(film, exclude=["slug"])
    with transaction.atomic():
        film.slug = film_slug_for(film.title)
        film.save()
        Collaborator.objects.create(film=film, user=actor, role=CollaboratorRole.OWNER)
        record_film_change(
            target=film,
            actor=actor,
            action="create",
            section="basics",
            changes=field_changes({}, {"title": film.title, "year": year, "kind": kind}),
            summary=film.title,
        )
    return film


def film_update_section(
    *, film: Film, actor: Any, section: str, values: dict[str, Any]
) -> dict[str, dict[str, Any]]:
    """Change the fields of one section ("basics", "specs"); returns the recorded changes.

    Fields outside the section are refused; nothing is saved unless every value is valid.
    """
    require_edit(film=film, actor=actor)
    allowed = SECTION_FIELDS.get(section)
    if allowed is None or set(values) - set(allowed):
        raise ValidationFailedError(_("These fields do not belong to this section."))
    with transaction.atomic():
        locked = Film.objects.select_for_update().get(pk=film.pk)
        before = {name: getattr(locked, name) for name in values}
        for name, value in values.items():
            setattr(locked, name, value)
        validated(locked)
        changes = field_changes(before, values)
        if changes:
            locked.save(update_fields=[*changes, "updated_at"])
            record_film_change(
                target=locked, actor=actor, action="update", section=section, changes=changes
            )
    film.refresh_from_db()
    return changes


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
    role: Role,
    person: Person | None = None,
    new_person_name: str = "",
    details: dict[str, str] | None = None,
) -> Credit:
    """Credit an existing ``person`` or a new one named ``new_person_name`` with ``role``.

    ``details`` may hold ``credited_as``, ``character`` and ``description``.
    """
    require_edit(film=film, actor=actor)
    if person is None and not new_person_name.strip():
        raise ValidationFailedError(
            _("Choose a person or type the name of a new one."),
            errors={"person": [_("Choose a person or type the name of a new one.")]},
        )
    with transaction.atomic():
        if person is None:
            person = person_create(name=new_person_name)
        credit = Credit(film=film, role=role, person=person, **(details or {}))
        credit.position = film.credits.filter(role=role).count()
        validated(credit)
        try:
            with transaction.atomic():
                credit.save()
        except IntegrityError as error:
            raise ValidationFailedError(
                _("%(person)s is already credited as %(role)s.") % {"person": person, "role": role}
            ) from error
        record_film_change(
            target=film,
            actor=actor,
            action="add",
            section="credits",
            changes={"credit": {"old": None, "new": f"{person} — {role}"}},
        )
    return credit


def credit_remove(*, film: Film, actor: Any, credit_id: int) -> None:
    """Remove one credit of ``film``; a credit of another film is not found."""
    require_edit(film=film, actor=actor)
    with transaction.atomic():
        credit = film.credits.select_related("person", "role").filter(pk=credit_id).first()
        if credit is None:
            raise ObjectNotFoundError(_("This credit does not exist on this film."))
        label = f"{credit.person} — {credit.role}"
        credit.delete()
        record_film_change(
            target=film,
            actor=actor,
            action="remove",
            section="credits",
            changes={"credit": {"old": label, "new": None}},
        )


def title_add(*, film: Film, actor: Any, text: str, kind: str, language: str = "") -> Title:
    """Add a title of ``kind`` in ``language`` (BCP 47) to ``film``."""
    require_edit(film=film, actor=actor)
    title = Title(
        film=film, text=text.strip(), kind=kind, language=language, position=film.titles.count()
    )
    validated(title)
    with transaction.atomic():
        title.save()
        record_film_change(
            target=film,
            actor=actor,
            action="add",
            section="titles",
            changes={"title": {"old": None, "new": f"{title.text} ({kind})"}},
        )
    return title


def title_remove(*, film: Film, actor: Any, title_id: int) -> None:
    """Remove one title of ``film``."""
    require_edit(film=film, actor=actor)
    with transaction.atomic():
        title = film.titles.filter(pk=title_id).first()
        if title is None:
            raise ObjectNotFoundError(_("This title does not exist on this film."))
        title.delete()
        record_film_change(
            target=film,
            actor=actor,
            action="remove",
            section="titles",
            changes={"title": {"old": f"{title.text} ({title.kind})", "new": None}},
        )


def text_set(*, film: Film, actor: Any, kind: str, language: str, body: str) -> FilmText | None:
    """Set the text of ``kind`` in ``language``; an empty body removes it."""
    require_edit(film=film, actor=actor)
    body = body.strip()
    with transaction.atomic():
        current = film.texts.filter(kind=kind, language=language).first()
        old = current.body if current else None
        if not body:
            if current is not None:
                current.delete()
            text = None
        else:
            text = current or FilmText(film=film, kind=kind, language=language)
            text.body = body
            validated(text, exclude=None if current else ["film"])
            text.save()
        if old != (body or None):
            record_film_change(
                target=film,
                actor=actor,
                action="set",
                section="texts",
                changes={f"{kind}:{language}": {"old": old, "new": body or None}},
            )
    return text


def link_add(*, film: Film, actor: Any, kind: str, url: str, label: str = "") -> FilmLink:
    """Add an external link to ``film``."""
    require_edit(film=film, actor=actor)
    link = FilmLink(
        film=film, kind=kind, url=url.strip(), label=label.strip(), position=film.links.count()
    )
    validated(link)
    with transaction.atomic():
        link.save()
        record_film_change(
            target=film,
            actor=actor,
            action="add",
            section="links",
            changes={"link": {"old": None, "new": link.url}},
        )
    return link


def link_remove(*, film: Film, actor: Any, link_id: int) -> None:
    """Remove one external link of ``film``."""
    require_edit(film=film, actor=actor)
    with transaction.atomic():
        link = film.links.filter(pk=link_id).first()
        if link is None:
            raise ObjectNotFoundError(_("This link does not exist on this film."))
        link.delete()
        record_film_change(
            target=film,
            actor=actor,
            action="remove",
            section="links",
            changes={"link": {"old": link.url, "new": None}},
        )
