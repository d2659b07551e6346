"""What the search index holds for festivals: names, other names and place.

Renaming a festival re-indexes the films entered at it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from filmfolio.core.text import index_terms, index_terms_of
from filmfolio.search.choices import DocumentKind
from filmfolio.search.registry import DocumentData, IndexedKind, register

from .models import Entry, Festival


def festival_documents(ids: list[int]) -> Iterator[DocumentData]:
    """Search documents of the festivals with these ids."""
    for festival in Festival.objects.filter(id__in=ids):
        names = dict.fromkeys([festival.name, *(str(alias) for alias in festival.aliases)])
        yield DocumentData(
            object_id=festival.pk,
            title=festival.name,
            url=festival.get_absolute_url(),
            terms=index_terms_of(names),
            suggest=list(names),
            extra_terms=index_terms(f"{festival.city} {festival.country}"),
            subtitle=", ".join(part for part in (festival.city, festival.country) if part),
        )


def festival_ids() -> Iterable[int]:
    """Every festival id, in id order."""
    return Festival.objects.order_by("id").values_list("id", flat=True).iterator(chunk_size=5000)


def festival_dependants(festival: Any) -> dict[str, list[int]]:
    """Films whose documents carry this festival's name."""
    film_ids = Entry.objects.filter(edition__festival=festival).values_list("film_id", flat=True)
    return {DocumentKind.FILM: sorted(set(film_ids))}


register(
    IndexedKind(
        kind=DocumentKind.FESTIVAL,
        model_label="festivals.Festival",
        documents=festival_documents,
        all_ids=festival_ids,
        dependants=festival_dependants,
    )
)
