"""What the search index holds for people: every written form of their names, read as pinyin,
and their biographies below them; and which of their films a search for them brings first.

It lives with films (and ``films.search_index`` registers it) because whether a person is
listed follows the films crediting them.

A person's document is public when ``films.access`` lists them for an anonymous visitor
(credited on a public film); their films' collaborators find the others. The documents carry no
film titles, so a private film's title never reaches search through its crew. Renaming a person
re-indexes their films; every re-index of a film brings its people's listing up to date
(``IndexedKind.followers``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.urls import reverse

from filmfolio.core.text import index_terms_of, prose_terms
from filmfolio.films import access
from filmfolio.people.models import Person, PersonBiography, PersonName
from filmfolio.search.choices import DocumentKind
from filmfolio.search.registry import (
    DocumentData,
    IndexedKind,
    SqlPart,
    ids_subquery,
    register,
)

from .choices import RoleCategory
from .models import Credit, Role

_SLUG = "slug-placeholder"
# how much a role says about whose film it is: direction, then the key creative roles, then
# other crew, then cast
ROLE_WEIGHTS = {
    RoleCategory.DIRECTOR: 4,
    RoleCategory.PRODUCER: 3,
    RoleCategory.WRITER: 3,
    RoleCategory.CINEMATOGRAPHY: 3,
    RoleCategory.EDITOR: 3,
    RoleCategory.CAST: 1,
}
_CREW_WEIGHT = 2


def _credits() -> QuerySet:
    """Credits without their default order (it joins roles, which counting does not need)."""
    return Credit.objects.order_by()


def person_documents(ids: list[int]) -> Iterator[DocumentData]:
    """Search documents of the people with these ids (plain value queries: fast rebuilds)."""
    id_list = ids_subquery(ids)
    names: dict[int, list[str]] = defaultdict(list)
    for person_id, name in PersonName.objects.filter(person_id__in=id_list).values_list(
        "person_id", "name"
    ):
        names[person_id].append(name)
    biographies: dict[int, list[str]] = defaultdict(list)
    for person_id, language, body in PersonBiography.objects.filter(
        person_id__in=id_list
    ).values_list("person_id", "language", "body"):
        biographies[person_id] += prose_terms(body, language)
    roles = _role_terms(id_list)
    credits = dict(
        _credits()
        .filter(person_id__in=id_list)
        .values("person_id")
        .annotate(n=Count("*"))  # not "id": the person_id index alone answers
        .values_list("person_id", "n")
    )
    # one reverse() per batch: the address of every person differs only by their slug
    url_pattern = reverse("people:detail", kwargs={"slug": _SLUG})
    public = public_person_ids(ids)
    people = Person.objects.filter(id__in=id_list).values_list("id", "slug", "display_name")
    for pk, slug, display_name in people:
        forms = list(dict.fromkeys([display_name, *names.get(pk, [])]))
        yield DocumentData(
            object_id=pk,
            title=display_name,
            url=url_pattern.replace(_SLUG, slug),
            terms=index_terms_of(forms, is_name=True),
            extra_terms=[*roles.get(pk, []), *biographies.get(pk, [])],
            subtitle=" · ".join(name for name in forms if name != display_name),
            is_public=pk in public,
            boost=0.1 * credits.get(pk, 0),
            suggest=forms,
            suggest_is_name=True,
        )


def _role_terms(id_list: Any) -> dict[int, list[str]]:
    """Person id -> the words of the roles they have been credited in: English and Chinese
    names and other labels ("Cinematographer", "摄影"), so "Zhu Shengze cinematographer" or
    "摄影 朱声仄" find her."""
    words = {
        pk: index_terms_of([name_en, name_zh, *(str(alias) for alias in aliases or ())])
        for pk, name_en, name_zh, aliases in Role.objects.values_list(
            "id", "name_en", "name_zh", "aliases"
        )
    }
    roles: dict[int, list[str]] = defaultdict(list)
    held = _credits().filter(person_id__in=id_list).values_list("person_id", "role_id").distinct()
    for person_id, role_id in held:
        roles[person_id] += words.get(role_id, [])
    return roles


def person_ids() -> Iterable[int]:
    """Every person id, most credited first, then by id."""
    counts = dict(
        _credits()
        .filter(person__isnull=False)
        .values("person_id")
        .annotate(n=Count("*"))  # not "id": the person_id index alone answers
        .values_list("person_id", "n")
    )
    ids = list(Person.objects.order_by("id").values_list("id", flat=True).iterator(10000))
    return sorted(ids, key=lambda pk: (-counts.get(pk, 0), pk))


def person_films(named: SqlPart, numbers: tuple[int, ...] = ()) -> tuple[str, SqlPart]:
    """The films of the people whose ids ``named`` selects, as SQL giving ``(object_id,
    weight)`` rows, heaviest first: their most telling role on each film (``ROLE_WEIGHTS``,
    times 100) plus the number of their roles on it, the best over the named people. A film
    someone directed, produced, shot and edited comes before one they only directed, which
    comes before one they acted in. One query with the search's read (``search.related``)."""
    named_sql, named_params = named
    cases = " ".join(f"WHEN %s THEN {100 * weight}" for weight in ROLE_WEIGHTS.values())
    credit, role = Credit._meta.db_table, Role._meta.db_table
    sql = (
        "SELECT film_id AS object_id, max(weight) AS weight FROM ("
        f"SELECT c.film_id, max(CASE r.category {cases} ELSE {100 * _CREW_WEIGHT} END) "
        f"+ count(*) AS weight FROM {credit} c JOIN {role} r ON r.id = c.role_id "
        f"WHERE c.person_id IN ({named_sql}) GROUP BY c.person_id, c.film_id"
        ") per_person GROUP BY film_id"
    )
    return DocumentKind.FILM, (sql, [*(str(category) for category in ROLE_WEIGHTS), *named_params])


def person_dependants(person: Any) -> dict[str, list[int]]:
    """Films whose documents carry this person's names."""
    film_ids = person.credits.values_list("film_id", flat=True).distinct()
    return {DocumentKind.FILM: list(film_ids)}


def public_person_ids(ids: list[int]) -> set[int]:
    """The people among ``ids`` listed for everyone (credited on a public film)."""
    people = Person.objects.filter(id__in=ids_subquery(ids))
    listed = people.listed_for(access.Viewer.anonymous())
    return set(listed.values_list("id", flat=True))


def extra_listed_person_ids(viewer: access.Viewer) -> QuerySet | None:
    """Ids of people listed for ``viewer`` through films not listed for everyone."""
    own = access.own_films_q(viewer, prefix="film__")
    if own is None:
        return None
    return _credits().filter(own, ~Q(person_id=None)).values("person_id")


register(
    IndexedKind(
        kind=DocumentKind.PERSON,
        model_label="people.Person",
        documents=person_documents,
        all_ids=person_ids,
        dependants=person_dependants,
        extra_listed_ids=extra_listed_person_ids,
        public_ids=public_person_ids,
        related=person_films,
    )
)
