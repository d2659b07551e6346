"""Titles, texts per language and links of a film."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from filmfolio.core.audit import ChangeNote
from filmfolio.core.choices import AuditAction, AuditSection
from filmfolio.core.errors import ObjectNotFoundError

from ..models import Film, FilmLink, FilmText, Title
from .base import (
    _invalid,
    film_changed,
    refuse_nul,
    require_edit,
    validated,
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
    refuse_nul(title)
    if film.titles.filter(text=title.text, kind=kind).exists():
        raise _invalid("text", _("The film already has this title."))
    validated(title)
    with transaction.atomic():
        title.save()
        film_changed(
            film,
            ChangeNote(
                actor=actor,
                action=AuditAction.ADD,
                section=AuditSection.TITLES,
                changes={"title": {"old": None, "new": f"{title.text} ({kind})"}},
            ),
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
        film_changed(
            film,
            ChangeNote(
                actor=actor,
                action=AuditAction.REMOVE,
                section=AuditSection.TITLES,
                changes={"title": {"old": f"{title.text} ({title.kind})", "new": None}},
            ),
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
            film_changed(
                film,
                ChangeNote(
                    actor=actor,
                    action=AuditAction.SET,
                    section=AuditSection.TEXTS,
                    changes={f"{kind}:{language}": {"old": old, "new": body}},
                ),
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
    film_changed(
        film,
        ChangeNote(
            actor=actor,
            action=AuditAction.SET,
            section=AuditSection.TEXTS,
            changes={f"{text.kind}:{text.language}": {"old": text.body, "new": None}},
        ),
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
        film_changed(
            film,
            ChangeNote(
                actor=actor,
                action=AuditAction.ADD,
                section=AuditSection.LINKS,
                changes={"link": {"old": None, "new": link.url}},
            ),
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
        film_changed(
            film,
            ChangeNote(
                actor=actor,
                action=AuditAction.REMOVE,
                section=AuditSection.LINKS,
                changes={"link": {"old": link.url, "new": None}},
            ),
        )
