"""Edits of film records through the API: create and update films, titles, credits, festival
entries and texts. Each service owns its transaction and the ``sharing.access`` check, and marks
the film as changed (``updated_at``) so caches keyed on it (press kit) are refreshed.

These belong with the films app once it has its own services; the API only calls them.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from filmfolio.core.errors import (
    ObjectNotFoundError,
    PermissionDeniedError,
    ValidationFailedError,
)
from filmfolio.core.matching import name_match_key
from filmfolio.core.slugs import unique_slug
from filmfolio.festivals.models import Award, Edition, Entry, Festival, Section
from filmfolio.films.models import Credit, Film, FilmText, Role, Title
from filmfolio.people.models import Person
from filmfolio.search import index
from filmfolio.sharing.access import Viewer, can_edit_film
from filmfolio.sharing.choices import CollaboratorRole
from filmfolio.sharing.models import Collaborator


def _require_edit(viewer: Viewer, film: Film) -> None:
    if not can_edit_film(viewer, film):
        raise PermissionDeniedError(_("You may not change this film."))


def _touch(film: Film) -> None:
    """Mark the film changed (``updated_at`` keys the press-kit cache) and re-index it."""
    film.save(update_fields=["updated_at"])
    index.update_for(film)


def _invalid(field: str, message: str) -> ValidationFailedError:
    return ValidationFailedError(message, errors={field: [message]})


def film_create(*, viewer: Viewer, data: dict[str, Any]) -> Film:
    """Create a private film owned by the viewer; ``data`` holds checked field values."""
    if not viewer.is_authenticated:
        raise PermissionDeniedError(_("Log in to add a film."))
    data = {k: v for k, v in data.items() if v is not None}
    slug = data.pop("slug", None)
    with transaction.atomic():
        if slug and Film.objects.filter(slug=slug).exists():
            raise _invalid("slug", _("This address is taken."))
        film = Film.objects.create(slug=slug or unique_slug(Film, data["title"]), **data)
        Collaborator.objects.create(film=film, user=viewer.user, role=CollaboratorRole.OWNER)
        index.update_for(film)
    return film


def film_update(*, viewer: Viewer, film: Film, changes: dict[str, Any]) -> Film:
    """Change the given fields of ``film`` (only the keys present in ``changes``)."""
    _require_edit(viewer, film)
    if "title" in changes and not changes["title"]:
        raise _invalid("title", _("A film needs a title."))
    with transaction.atomic():
        for name, value in changes.items():
            if value is None and name in _NOT_NULL:
                value = ""
            setattr(film, name, value)
        try:
            film.full_clean(exclude=["slug", "password_hash"], validate_unique=False)
        except DjangoValidationError as exc:
            raise ValidationFailedError(
                _("Some values are not valid."),
                errors={k: [str(m) for m in v] for k, v in exc.message_dict.items()},
            ) from exc
        film.save()
        index.update_for(film)
    return film


_NOT_NULL = {
    "kind",
    "budget_currency",
    "budget_as_stated",
    "shooting_format",
    "sound",
    "aspect_ratio",
    "color",
}


def title_add(*, viewer: Viewer, film: Film, data: dict[str, Any]) -> Title:
    """Add a title to ``film``; the same text of the same kind is refused."""
    _require_edit(viewer, film)
    with transaction.atomic():
        if film.titles.filter(text=data["text"], kind=data["kind"]).exists():
            raise _invalid("text", _("The film already has this title."))
        title = Title.objects.create(film=film, **{**data, "language": data["language"] or ""})
        _touch(film)
    return title


def title_delete(*, viewer: Viewer, film: Film, title_id: int) -> None:
    """Remove one title of ``film``."""
    _require_edit(viewer, film)
    with transaction.atomic():
        deleted, _rows = film.titles.filter(pk=title_id).delete()
        if not deleted:
            raise ObjectNotFoundError(_("No such title."))
        _touch(film)


def text_set(*, viewer: Viewer, film: Film, kind: str, language: str, body: str) -> FilmText:
    """Create or replace the ``kind`` text of ``film`` in ``language``."""
    _require_edit(viewer, film)
    with transaction.atomic():
        text, _created = FilmText.objects.update_or_create(
            film=film, kind=kind, language=language, defaults={"body": body}
        )
        _touch(film)
    return text


def text_delete(*, viewer: Viewer, film: Film, kind: str, language: str) -> None:
    """Remove the ``kind`` text of ``film`` in ``language``."""
    _require_edit(viewer, film)
    with transaction.atomic():
        deleted, _rows = film.texts.filter(kind=kind, language=language).delete()
        if not deleted:
            raise ObjectNotFoundError(_("No such text."))
        _touch(film)


def _credit_person(data: dict[str, Any]) -> Person | None:
    """The credited person: by slug, or the person whose name matches, or a new person."""
    if data.get("person"):
        person = Person.objects.filter(slug=data["person"]).first()
        if person is None:
            raise _invalid("person", _("No person has this address."))
        return person
    name = (data.get("person_name") or "").strip()
    if not name:
        return None
    key = name_match_key(name)
    person = Person.objects.filter(match_key=key).order_by("id").first() if key else None
    if person is None:
        person = Person.objects.create(
            display_name=name, slug=unique_slug(Person, name), match_key=key
        )
        index.update_for(person)
    return person


def credit_add(*, viewer: Viewer, film: Film, data: dict[str, Any]) -> Credit:
    """Credit a person (existing, or new by name) with a role from the vocabulary."""
    _require_edit(viewer, film)
    role = Role.objects.filter(code=data["role"]).first()
    if role is None:
        raise _invalid("role", _("Unknown role."))
    with transaction.atomic():
        person = _credit_person(data)
        if person is not None and film.credits.filter(person=person, role=role).exists():
            raise _invalid("person", _("This person already has this role on the film."))
        credit = Credit.objects.create(
            film=film,
            person=person,
            role=role,
            credited_as=data["credited_as"],
            character=data["character"],
            description=data["description"],
            position=data["position"],
        )
        _touch(film)
    return credit


def credit_delete(*, viewer: Viewer, film: Film, credit_id: int) -> None:
    """Remove one credit of ``film`` (the person stays)."""
    _require_edit(viewer, film)
    with transaction.atomic():
        deleted, _rows = film.credits.filter(pk=credit_id).delete()
        if not deleted:
            raise ObjectNotFoundError(_("No such credit."))
        _touch(film)


def _edition(festival: Festival, number: int | None, year: int | None) -> Edition:
    if number is None and year is None:
        raise _invalid("edition_year", _("Give the edition's number or year."))
    edition = Edition.objects.filter(festival=festival, number=number, year=year).first()
    return edition or Edition.objects.create(festival=festival, number=number, year=year)


def entry_add(*, viewer: Viewer, film: Film, data: dict[str, Any]) -> Entry:
    """Record a selection or award of ``film`` at a festival edition."""
    _require_edit(viewer, film)
    festival = Festival.objects.filter(slug=data["festival"]).first()
    if festival is None:
        raise _invalid("festival", _("No festival has this address."))
    with transaction.atomic():
        edition = _edition(festival, data["edition_number"], data["edition_year"])
        section = award = None
        if data["section"]:
            section, _c = Section.objects.get_or_create(edition=edition, name=data["section"])
        if data["award"]:
            award, _c = Award.objects.get_or_create(festival=festival, name=data["award"])
        entry = Entry.objects.create(
            film=film,
            edition=edition,
            section=section,
            award=award,
            result=data["result"],
            date=data["date"],
            note=data["note"],
        )
        _touch(film)
    return entry


def entry_delete(*, viewer: Viewer, film: Film, entry_id: int) -> None:
    """Remove one festival entry of ``film``."""
    _require_edit(viewer, film)
    with transaction.atomic():
        deleted, _rows = film.festival_entries.filter(pk=entry_id).delete()
        if not deleted:
            raise ObjectNotFoundError(_("No such festival entry."))
        _touch(film)
