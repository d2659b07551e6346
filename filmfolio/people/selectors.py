"""Page-shaped reads of people: the person page and the index, each with a fixed query plan.

Credits are declared by the films app and festival entries by the festivals app, both to the
right of people; this module reaches them through the reverse relations (``person.credits``,
``film.festival_entries``) without importing those apps. Only films the viewer may see listed
are shown (``sharing.access.listed_films_q``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Exists, Model, OuterRef, Prefetch
from django.utils import translation

from filmfolio.sharing import access

from .models import Person

PEOPLE_PAGE_SIZE = 50


def pick_by_language(items: Iterable[Any], language: str | None = None) -> Any:
    """The item (with a ``language``) best matching ``language`` (default: the active one):
    same tag, then same primary language, then English, then the first."""
    items = list(items)
    if not items:
        return None
    wanted = (language or translation.get_language() or "en").lower()
    primary = wanted.split("-")[0]

    def rank(item: Any) -> int:
        tag = (item.language or "").lower()
        if tag == wanted:
            return 0
        if tag.split("-")[0] == primary:
            return 1
        return 2 if tag.split("-")[0] == "en" else 3

    return min(items, key=rank)


def related_model(model: type[Model], name: str) -> Any:
    """The model on the other side of relation ``name``."""
    return model._meta.get_field(name).related_model


@dataclass
class RoleCredits:
    """One role and the person's credits in it."""

    role: Any
    credits: list[Any]


@dataclass
class PersonPage:
    """Everything the person page shows."""

    person: Person
    other_names: list[Any]
    credits: list[Any]
    credits_by_role: list[RoleCredits]
    awards: list[Any]
    biography: Any


def _credit_prefetch(viewer: access.Viewer) -> Prefetch:
    credit_model = related_model(Person, "credits")
    entry_model = related_model(related_model(credit_model, "film"), "festival_entries")
    entries = entry_model.objects.select_related("edition__festival", "section", "award").order_by(
        "-edition__year", "edition__festival__name", "id"
    )
    credits = (
        credit_model.objects.filter(access.listed_films_q(viewer, prefix="film__"))
        .select_related("film", "role")
        .prefetch_related(Prefetch("film__festival_entries", queryset=entries))
        .order_by("role__position", "-film__year", "film__title", "id")
    )
    return Prefetch("credits", queryset=credits, to_attr="listed_credits")


def person_page_for(viewer: access.Viewer, slug: str) -> PersonPage | None:
    """The person page, or None when there is no such person."""
    person = (
        Person.objects.filter(slug=slug)
        .prefetch_related("names", "biographies", "links", _credit_prefetch(viewer))
        .first()
    )
    if person is None:
        return None
    credits = person.listed_credits  # type: ignore[attr-defined]
    return PersonPage(
        person=person,
        other_names=[n for n in person.names.all() if n.name != person.display_name],
        credits=credits,
        credits_by_role=_by_role(credits),
        awards=_awards(credits),
        biography=pick_by_language(person.biographies.all()),
    )


def _by_role(credits: Iterable[Any]) -> list[RoleCredits]:
    groups: dict[int, RoleCredits] = {}
    for credit in credits:
        groups.setdefault(credit.role_id, RoleCredits(credit.role, [])).credits.append(credit)
    return list(groups.values())


def _awards(credits: Iterable[Any]) -> list[Any]:
    """Awards (and named prizes such as shortlists) of the person's films, each once."""
    seen: dict[int, Any] = {}
    for credit in credits:
        for entry in credit.film.festival_entries.all():
            if entry.is_award or entry.award_id:
                seen.setdefault(entry.pk, entry)
    return sorted(seen.values(), key=lambda e: (-(e.edition.year or 0), e.edition.festival.name))


def people_page_for(viewer: access.Viewer, *, page: str | None) -> Page:
    """A page of people credited on at least one film the viewer may see listed."""
    credit_model = related_model(Person, "credits")
    listed = credit_model.objects.filter(
        access.listed_films_q(viewer, prefix="film__"), person=OuterRef("pk")
    )
    people = (
        Person.objects.filter(Exists(listed))
        .only("slug", "display_name", "sort_name")
        .order_by("sort_name", "display_name", "id")
    )
    return Paginator(people, PEOPLE_PAGE_SIZE).get_page(page)
