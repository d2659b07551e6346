"""What the search index holds for people: every written form of their names, read as pinyin.

People are listed for everyone; their documents carry no film titles, so a private film's
title never reaches search through its crew. Renaming a person re-indexes their films.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from django.db.models import Count
from django.urls import reverse

from filmfolio.core.text import index_terms
from filmfolio.search.choices import DocumentKind
from filmfolio.search.registry import DocumentData, IndexedKind, register

from .models import Person

_SLUG = "slug-placeholder"


def person_documents(ids: list[int]) -> Iterator[DocumentData]:
    """Search documents of the people with these ids."""
    people = (
        Person.objects.filter(id__in=ids)
        .annotate(credit_count=Count("credits"))
        .prefetch_related("names")
    )
    # one reverse() per batch: the address of every person differs only by their slug
    url_pattern = reverse("people:detail", kwargs={"slug": _SLUG})
    for person in people:
        names = dict.fromkeys([person.display_name, *(n.name for n in person.names.all())])
        yield DocumentData(
            object_id=person.pk,
            title=person.display_name,
            url=url_pattern.replace(_SLUG, person.slug),
            terms=[term for name in names for term in index_terms(name, is_name=True)],
            subtitle=" · ".join(name for name in names if name != person.display_name),
            boost=0.1 * person.credit_count,
            suggest=list(names),
            suggest_is_name=True,
        )


def person_ids() -> Iterable[int]:
    """Every person id, in id order."""
    return Person.objects.order_by("id").values_list("id", flat=True).iterator(chunk_size=5000)


def person_dependants(person: Any) -> dict[str, list[int]]:
    """Films whose documents carry this person's names."""
    film_ids = person.credits.values_list("film_id", flat=True).distinct()
    return {DocumentKind.FILM: list(film_ids)}


register(
    IndexedKind(
        kind=DocumentKind.PERSON,
        model_label="people.Person",
        documents=person_documents,
        all_ids=person_ids,
        dependants=person_dependants,
    )
)
