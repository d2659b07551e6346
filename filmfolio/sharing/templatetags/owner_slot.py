"""The owners' slot on the film page: what is missing from the record, with links to fix it.

Shown only to viewers who may edit the film; everyone else gets nothing (not even a hint that
the slot exists). The film is reached through its relations; this app imports no ``films``.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

from filmfolio.films.access import Access
from filmfolio.people.models import Person

register = template.Library()


def _edit_url(film: Any, section: str) -> str:
    return reverse("films_edit:section", kwargs={"slug": film.slug, "section": section})


def _credit_hints(film: Any) -> list[tuple[str, str]]:
    directors = [
        c.person
        for c in film.credits.select_related("person").filter(role__category="director")
        if c.person is not None
    ]
    if not directors:
        return [(_("Add a director"), _edit_url(film, "credits"))]
    with_bio = set(
        Person.objects.filter(
            pk__in=[p.pk for p in directors], biographies__isnull=False
        ).values_list("pk", flat=True)
    )
    if len(with_bio) < len({p.pk for p in directors}):
        return [(_("Add a director biography"), directors[0].get_absolute_url())]
    return []


def owner_hints_for(film: Any) -> list[tuple[str, str]]:
    """(message, address) pairs for what an owner should still add to ``film``."""
    hints: list[tuple[str, str]] = []
    if not film.year:
        hints.append((_("Add the year"), _edit_url(film, "basics")))
    if not film.runtime_minutes:
        hints.append((_("Add the runtime"), _edit_url(film, "specs")))
    hints.extend(_credit_hints(film))
    kinds = set(film.texts.values_list("kind", flat=True))
    if "synopsis" not in kinds:
        hints.append((_("Add a synopsis"), _edit_url(film, "texts")))
    if "logline" not in kinds:
        hints.append((_("Add a logline"), _edit_url(film, "texts")))
    return hints


@register.simple_tag
def owner_hints(film: Any, film_access: Any) -> list[tuple[str, str]]:
    """The hints for ``film`` when ``film_access`` allows editing, else nothing."""
    if film is None or film_access is None or int(film_access) < Access.EDIT:
        return []
    return owner_hints_for(film)


@register.simple_tag
def may_edit(film_access: Any) -> bool:
    return film_access is not None and int(film_access) >= Access.EDIT


@register.simple_tag
def may_own(film_access: Any) -> bool:
    return film_access is not None and int(film_access) >= Access.OWN
