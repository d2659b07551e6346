"""Coded facts of a film edited one at a time: countries and languages with their role,
genres, companies (production, distribution, sales...) and a title's kind, language and order.

Like every film service these check the actor, write in one transaction and end in
``film_changed``; a refused value changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from filmfolio.accounts.choices import OrganisationKind
from filmfolio.accounts.models import Organisation
from filmfolio.core import vocab
from filmfolio.core.audit import ChangeNote
from filmfolio.core.choices import AuditAction, AuditSection
from filmfolio.core.errors import ObjectNotFoundError
from filmfolio.core.matching import title_match_key
from filmfolio.core.slugs import unique_slug
from filmfolio.films.reindex import search_update

from ..choices import CompanyRole
from ..models import Film, FilmCompany, FilmCountry, FilmLanguage, Genre, Title
from .base import _invalid, film_changed, require_edit, validated


def _record(film: Film, actor: Any, section: AuditSection, name: str, old: Any, new: Any) -> None:
    action = (
        AuditAction.ADD
        if old is None
        else AuditAction.REMOVE
        if new is None
        else AuditAction.UPDATE
    )
    film_changed(
        film,
        ChangeNote(
            actor=actor, action=action, section=section, changes={name: {"old": old, "new": new}}
        ),
    )


def country_add(*, film: Film, actor: Any, country: str, role: str) -> FilmCountry:
    """Add a country (ISO 3166-1 alpha-2) of ``role`` (origin, filming) to ``film``."""
    require_edit(film=film, actor=actor)
    code = country.strip().upper()
    if code not in vocab.country_codes():
        raise _invalid("country", _("Choose a country from the list."))
    if film.countries.filter(country=code, role=role).exists():
        raise _invalid("country", _("This country is already on the film."))
    row = FilmCountry(film=film, country=code, role=role, position=film.countries.count())
    validated(row)
    with transaction.atomic():
        row.save()
        _record(film, actor, AuditSection.COUNTRIES, "country", None, f"{code} ({role})")
    return row


def country_remove(*, film: Film, actor: Any, country_id: int) -> None:
    """Remove one country of ``film``."""
    require_edit(film=film, actor=actor)
    with transaction.atomic():
        row = film.countries.filter(pk=country_id).first()
        if row is None:
            raise ObjectNotFoundError(_("This country is not on this film."))
        row.delete()
        _record(film, actor, AuditSection.COUNTRIES, "country", f"{row.country} ({row.role})", None)


def language_add(
    *, film: Film, actor: Any, language: str, role: str, label: str = ""
) -> FilmLanguage:
    """Add a language (BCP 47) of ``role`` (original, spoken, dubbed, subtitles)."""
    require_edit(film=film, actor=actor)
    code = language.strip()
    if not vocab.is_language_code(code):
        raise _invalid("language", _("Choose a language from the list."))
    label = label.strip()
    if film.languages.filter(language=code, role=role, label=label).exists():
        raise _invalid("language", _("This language is already on the film."))
    row = FilmLanguage(
        film=film, language=code, role=role, label=label, position=film.languages.count()
    )
    validated(row)
    with transaction.atomic():
        row.save()
        _record(film, actor, AuditSection.LANGUAGES, "language", None, f"{code} ({role})")
    return row


def language_remove(*, film: Film, actor: Any, language_id: int) -> None:
    """Remove one language of ``film``."""
    require_edit(film=film, actor=actor)
    with transaction.atomic():
        row = film.languages.filter(pk=language_id).first()
        if row is None:
            raise ObjectNotFoundError(_("This language is not on this film."))
        row.delete()
        _record(
            film, actor, AuditSection.LANGUAGES, "language", f"{row.language} ({row.role})", None
        )


def genres_set(*, film: Film, actor: Any, genres: Iterable[Genre]) -> bool:
    """Make ``genres`` the film's genres; True when they changed."""
    require_edit(film=film, actor=actor)
    with transaction.atomic():
        old = sorted(genre.slug for genre in film.genres.all())
        film.genres.set(list(genres))
        new = sorted(genre.slug for genre in film.genres.all())
        if old == new:
            return False
        film_changed(
            film,
            ChangeNote(
                actor=actor,
                action=AuditAction.UPDATE,
                section=AuditSection.GENRES,
                changes={"genres": {"old": old, "new": new}},
            ),
        )
    return True


def _organisation_for(name: str) -> Organisation:
    """The organisation with this name (any spelling the match key folds), else a new one."""
    key = title_match_key(name)
    found = Organisation.objects.filter(match_key=key).order_by("id").first() if key else None
    if found is not None:
        return found
    organisation = Organisation(
        name=name, slug="placeholder", kind=OrganisationKind.OTHER, match_key=key
    )
    validated(organisation, exclude=["slug"])
    organisation.slug = unique_slug(Organisation, name)
    organisation.save()
    search_update(organisation, dependants=False)
    return organisation


def company_add(*, film: Film, actor: Any, name: str, role: str) -> FilmCompany:
    """Credit the organisation called ``name`` (found or created) with ``role`` on ``film``."""
    require_edit(film=film, actor=actor)
    name = name.strip()
    if not name:
        raise _invalid("name", _("Type the company's name."))
    if role not in CompanyRole.values:
        raise _invalid("role", _("Choose a role from the list."))
    with transaction.atomic():
        organisation = _organisation_for(name)
        if film.companies.filter(organisation=organisation, role=role).exists():
            raise _invalid("name", _("This company already has this role on the film."))
        row = FilmCompany(
            film=film, organisation=organisation, role=role, position=film.companies.count()
        )
        row.save()
        _record(
            film, actor, AuditSection.COMPANIES, "company", None, f"{organisation.name} ({role})"
        )
    return row


def company_remove(*, film: Film, actor: Any, company_id: int) -> None:
    """Remove one company's role on ``film`` (the organisation itself stays)."""
    require_edit(film=film, actor=actor)
    with transaction.atomic():
        row = film.companies.select_related("organisation").filter(pk=company_id).first()
        if row is None:
            raise ObjectNotFoundError(_("This company is not on this film."))
        row.delete()
        _record(
            film, actor, AuditSection.COMPANIES, "company", f"{row.organisation} ({row.role})", None
        )


def title_update(*, film: Film, actor: Any, title_id: int, values: dict[str, Any]) -> Title:
    """Change a title's text, kind, language or position (only the keys of ``values``)."""
    require_edit(film=film, actor=actor)
    allowed = {"text", "kind", "language", "position"}
    if set(values) - allowed:
        raise _invalid("text", _("These fields do not belong to this section."))
    with transaction.atomic():
        title = film.titles.filter(pk=title_id).first()
        if title is None:
            raise ObjectNotFoundError(_("This title does not exist on this film."))
        before = f"{title.text} ({title.kind}, {title.language or '-'}, {title.position})"
        for name, value in values.items():
            setattr(title, name, value.strip() if isinstance(value, str) else value)
        if film.titles.filter(text=title.text, kind=title.kind).exclude(pk=title.pk).exists():
            raise _invalid("text", _("The film already has this title."))
        validated(title)
        title.save()
        after = f"{title.text} ({title.kind}, {title.language or '-'}, {title.position})"
        if before != after:
            _record(film, actor, AuditSection.TITLES, "title", before, after)
    return title
