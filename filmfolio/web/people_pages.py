"""Page-shaped reads of people: the person page, the index and the person picker's candidates,
each with a fixed query plan.

The person page combines people, their credits on films and the festival entries of those
films, so it is composed here, above all three. Only films the viewer may see listed are shown
(``films.access.listed_films_q``), and a person exists for a viewer only when
``films.access.listed_people`` says so.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Prefetch

from filmfolio.festivals.models import Entry
from filmfolio.films import access
from filmfolio.films.cards import attach_card_images
from filmfolio.films.models import Credit
from filmfolio.people.models import Person
from filmfolio.people.selectors import pick_by_language

PEOPLE_PAGE_SIZE = 50
# The columns the person page shows: lists of films need a few of each film's many fields.
CREDIT_FIELDS = (
    "film_id",
    "person_id",
    "role_id",
    "credited_as",
    "character",
    "description",
    "film__slug",
    "film__title",
    "film__year",
    "film__kind",
    "film__visibility",
    "role__code",
    "role__name_en",
    "role__name_zh",
    "role__category",
    "role__position",
)
ENTRY_FIELDS = (
    "film_id",
    "result",
    "date",
    "edition__number",
    "edition__year",
    "edition__festival__slug",
    "edition__festival__name",
    "section__name",
    "award__name",
)


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
    credits = (
        Credit.objects.listed_for(viewer)
        .select_related("film", "role")
        .only(*CREDIT_FIELDS)
        .order_by("role__position", "-film__year", "film__title", "id")
    )
    return Prefetch("credits", queryset=credits, to_attr="listed_credits")


def person_page_for(viewer: access.Viewer, slug: str) -> PersonPage | None:
    """The person page, or None when there is no such person or the viewer may see none of
    their films listed (seven queries: the last gives the films' posters)."""
    person = (
        Person.objects.filter(slug=slug)
        .listed_for(viewer)
        .order_by()
        .prefetch_related("names", "biographies", "links", _credit_prefetch(viewer))
        .first()
    )
    if person is None:
        return None
    credits = person.listed_credits  # type: ignore[attr-defined]
    attach_card_images(credit.film for credit in credits)
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


def _awards(credits: list[Any]) -> list[Any]:
    """Awards (and named prizes such as shortlists) of the person's films, newest first, in one
    query for all the films."""
    films = {credit.film_id: credit.film for credit in credits}
    if not films:
        return []
    entries = (
        Entry.objects.filter(film_id__in=list(films))
        .select_related("edition__festival", "section", "award")
        .only(*ENTRY_FIELDS)
        .order_by("-edition__year", "edition__festival__name", "id")
    )
    awards = []
    for entry in entries:
        if entry.is_award or entry.award_id:
            entry.film = films[entry.film_id]
            awards.append(entry)
    return awards


def people_page_for(viewer: access.Viewer, *, page: str | None) -> Page:
    """A page of people credited on at least one film the viewer may see listed."""
    people = (
        Person.objects.listed_for(viewer)
        .only("slug", "display_name", "sort_name")
        .order_by("sort_name", "display_name", "id")
    )
    return Paginator(people, PEOPLE_PAGE_SIZE).get_page(page)


MAX_CANDIDATE_FILMS = 5


def _candidate_films(person: Person) -> list[dict[str, Any]]:
    """The person's films the viewer may see listed, newest first, with their roles."""
    films: dict[int, dict[str, Any]] = {}
    for credit in person.listed_credits:  # type: ignore[attr-defined]
        film = films.setdefault(
            credit.film_id,
            {"title": credit.film.title, "year": credit.film.year, "roles": []},
        )
        film["roles"].append(str(credit.role.name))
    ranked = sorted(films.values(), key=lambda f: (-(f["year"] or 0), f["title"]))
    return ranked[:MAX_CANDIDATE_FILMS]


def person_candidates_for(viewer: access.Viewer, people: list[Person]) -> list[dict[str, Any]]:
    """What tells candidates of the person picker apart: every written name, and the films
    (title, year, roles) the viewer may see listed. Two queries for any number of people."""
    found = Person.objects.filter(pk__in=[p.pk for p in people]).prefetch_related(
        "names",
        Prefetch(
            "credits",
            queryset=Credit.objects.listed_for(viewer).select_related("film", "role"),
            to_attr="listed_credits",
        ),
    )
    by_id = {person.pk: person for person in found}
    return [
        {
            "id": person.pk,
            "slug": person.slug,
            "label": person.display_name,
            "names": [n.name for n in person.names.all() if n.name != person.display_name],
            "films": _candidate_films(person),
        }
        for person in (by_id[p.pk] for p in people if p.pk in by_id)
    ]
