"""Writes to a film's record: create, edit by section, credits, titles, texts and links.

Every service is keyword-only, checks the actor's right through ``sharing.access``, runs in one
transaction, and writes a change record (who, when, which fields, old and new value).
Festival entries are written by ``festivals.services``.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
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
    """Write the change record of a film, mark the film changed (``updated_at`` keys the cached
    film page and press kit) and bring its search document up to date."""
    record_change(target=target, **details)
    target.updated_at = timezone.now()
    Film.objects.filter(pk=target.pk).update(updated_at=target.updated_at)
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
            _("Some values are not valid."), errors=error.message_dict
        ) from error


def _invalid(field: str, message: str) -> ValidationFailedError:
    return ValidationFailedError(message, errors={field: [message]})


def film_slug_for(title: str) -> str:
    """A free slug for a new film, never one of the editing addresses."""
    slug = unique_slug(Film, title)
    if slug in RESERVED_SLUGS:
        slug = unique_slug(Film, f"film-{title}")
    return slug


def _check_new_slug(slug: str) -> None:
    """Refuse a chosen slug that is taken or would shadow an editing address."""
    if slug in RESERVED_SLUGS or Film.objects.filter(slug=slug).exists():
        raise _invalid("slug", _("This address is taken."))


def film_create(
    *,
    actor: Any,
    title: str,
    year: int | None = None,
    kind: str = "",
    slug: str = "",
    values: dict[str, Any] | None = None,
) -> Film:
    """Create a private film owned by ``actor``; its display title is also its original title.

    ``slug`` is chosen from the title unless given; ``values`` may set any other field of the
    "basics" and "specs" sections. Nothing is created unless every value is valid.
    """
    if not getattr(actor, "is_authenticated", False):
        raise PermissionDeniedError(_("Log in to add a film."))
    values = {"title": title.strip(), "year": year, "kind": kind, **(values or {})}
    _check_section_fields(values, _ALL_FIELDS)
    film = Film(slug=slug or "placeholder", **_with_blanks(values))
    with transaction.atomic():
        if slug:
            _check_new_slug(slug)
        validated(film, exclude=None if slug else ["slug"])
        film.slug = slug or film_slug_for(film.title)
        try:
            with transaction.atomic():
                film.save()
        except IntegrityError as error:  # the slug was taken meanwhile
            raise _invalid("slug", _("This address is taken.")) from error
        Collaborator.objects.create(film=film, user=actor, role=CollaboratorRole.OWNER)
        record_film_change(
            target=film,
            actor=actor,
            action="create",
            section="basics",
            changes=field_changes({}, values),
            summary=film.title,
        )
    return film


_ALL_FIELDS = frozenset(name for names in SECTION_FIELDS.values() for name in names)


def _check_section_fields(values: dict[str, Any], allowed: Any) -> None:
    if allowed is None or set(values) - set(allowed):
        raise ValidationFailedError(_("These fields do not belong to this section."))


def _with_blanks(values: dict[str, Any]) -> dict[str, Any]:
    """``None`` for a text field that cannot be empty in the database means "blank"."""
    blanked = {}
    for name, value in values.items():
        field: Any = Film._meta.get_field(name)
        empty = value is None and not field.null and field.empty_strings_allowed
        blanked[name] = "" if empty else value
    return blanked


def film_update_section(
    *, film: Film, actor: Any, section: str, values: dict[str, Any]
) -> dict[str, dict[str, Any]]:
    """Change the fields of one section ("basics", "specs"); returns the recorded changes.

    Fields outside the section are refused; nothing is saved unless every value is valid.
    """
    require_edit(film=film, actor=actor)
    _check_section_fields(values, SECTION_FIELDS.get(section))
    return _film_fields_save(film=film, actor=actor, values=values)


def film_update(*, film: Film, actor: Any, values: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Change any fields of the "basics" and "specs" sections (only the keys of ``values``).

    ``None`` blanks a text field. One change record per section touched; nothing is saved
    unless every value is valid. Returns the recorded changes.
    """
    require_edit(film=film, actor=actor)
    _check_section_fields(values, _ALL_FIELDS)
    return _film_fields_save(film=film, actor=actor, values=_with_blanks(values))


def _film_fields_save(
    *, film: Film, actor: Any, values: dict[str, Any]
) -> dict[str, dict[str, Any]]:
    """Validate and save ``values`` on ``film``; record the changes of each section."""
    with transaction.atomic():
        locked = Film.objects.select_for_update().get(pk=film.pk)
        before = {name: getattr(locked, name) for name in values}
        for name, value in values.items():
            setattr(locked, name, value)
        validated(locked)
        changes = field_changes(before, values)
        if changes:
            locked.save(update_fields=[*changes, "updated_at"])
        for section, names in SECTION_FIELDS.items():
            section_changes = {k: v for k, v in changes.items() if k in names}
            if section_changes:
                record_film_change(
                    target=locked,
                    actor=actor,
                    action="update",
                    section=section,
                    changes=section_changes,
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
        chosen = _credit_person(person, new_person_name, person_name)
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
        record_film_change(
            target=film,
            actor=actor,
            action="add",
            section="credits",
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


def _credit_person(person: Person | str | None, new_name: str, name: str) -> Person | None:
    """The credited person (see ``credit_add``); a new person is created here."""
    if isinstance(person, Person):
        return person
    if person:
        found = Person.objects.filter(slug=person).first()
        if found is None:
            raise _invalid("person", _("No person has this address."))
        return found
    if new_name.strip():
        return person_create(name=new_name)
    if not name.strip():
        return None
    key = name_match_key(name)
    found = Person.objects.filter(match_key=key).order_by("id").first() if key else None
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
        record_film_change(
            target=film,
            actor=actor,
            action="remove",
            section="credits",
            changes={"credit": {"old": label, "new": None}},
        )


def title_add(
    *,
    film: Film,
    actor: Any,
    text: str,
    kind: str,
    language: str = "",
    position: int | None = None,
) -> Title:
    """Add a title of ``kind`` in ``language`` (BCP 47) to ``film``, last unless ``position``
    is given; the same text of the same kind is refused."""
    require_edit(film=film, actor=actor)
    title = Title(film=film, text=text.strip(), kind=kind, language=language)
    title.position = film.titles.count() if position is None else position
    if film.titles.filter(text=title.text, kind=kind).exists():
        raise _invalid("text", _("The film already has this title."))
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
        if not body:
            if current is not None:
                _text_delete(film=film, actor=actor, text=current)
            return None
        text = current or FilmText(film=film, kind=kind, language=language)
        old, text.body = text.body or None, body
        validated(text, exclude=None if current else ["film"])
        text.save()
        if old != body:
            record_film_change(
                target=film,
                actor=actor,
                action="set",
                section="texts",
                changes={f"{kind}:{language}": {"old": old, "new": body}},
            )
    return text


def text_remove(*, film: Film, actor: Any, kind: str, language: str) -> None:
    """Remove the text of ``kind`` in ``language``; a missing text is not found."""
    require_edit(film=film, actor=actor)
    with transaction.atomic():
        current = film.texts.filter(kind=kind, language=language).first()
        if current is None:
            raise ObjectNotFoundError(_("This text does not exist on this film."))
        _text_delete(film=film, actor=actor, text=current)


def _text_delete(*, film: Film, actor: Any, text: FilmText) -> None:
    text.delete()
    record_film_change(
        target=film,
        actor=actor,
        action="set",
        section="texts",
        changes={f"{text.kind}:{text.language}": {"old": text.body, "new": None}},
    )


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
