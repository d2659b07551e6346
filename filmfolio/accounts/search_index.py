"""What the search index holds for organisations: names and other names.

Renaming an organisation re-indexes the films it is credited on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from filmfolio.core.text import index_terms_of
from filmfolio.search.choices import DocumentKind
from filmfolio.search.registry import DocumentData, IndexedKind, register

from .models import Organisation


def organisation_documents(ids: list[int]) -> Iterator[DocumentData]:
    """Search documents of the organisations with these ids."""
    for organisation in Organisation.objects.filter(id__in=ids):
        names = dict.fromkeys([organisation.name, *(str(a) for a in organisation.aliases)])
        yield DocumentData(
            object_id=organisation.pk,
            title=organisation.name,
            url="",
            terms=index_terms_of(names),
            suggest=list(names),
            subtitle=organisation.get_kind_display(),
        )


def organisation_ids() -> Iterable[int]:
    """Every organisation id, in id order."""
    return (
        Organisation.objects.order_by("id").values_list("id", flat=True).iterator(chunk_size=5000)
    )


def organisation_dependants(organisation: Any) -> dict[str, list[int]]:
    """Films whose documents carry this organisation's name."""
    film_ids = organisation.film_roles.values_list("film_id", flat=True)
    return {DocumentKind.FILM: sorted(set(film_ids))}


register(
    IndexedKind(
        kind=DocumentKind.ORGANISATION,
        model_label="accounts.Organisation",
        documents=organisation_documents,
        all_ids=organisation_ids,
        dependants=organisation_dependants,
    )
)
