"""Writing the search index: the one place that creates, replaces and deletes documents.

Services call ``update_for(obj)`` after they change an indexed object (and ``remove_for(obj)``
before deleting one); there are no signals. Objects that other documents mention (a person's
name on films) have their dependants re-indexed by a background task after the commit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import islice
from typing import Any

from django.db import transaction

from . import registry
from .models import SearchDocument, SearchFacetValue, SearchTerm
from .registry import DocumentData

BATCH_SIZE = 1000
_VOCABULARY_LENGTHS = range(4, 33)


def update_for(obj: Any) -> None:
    """Re-index ``obj`` now and its dependants after commit; nothing if its model isn't indexed."""
    indexed = registry.for_model(type(obj))
    if indexed is None:
        return
    update_ids(indexed.kind, [obj.pk])
    if indexed.dependants is not None:
        for kind, ids in indexed.dependants(obj).items():
            enqueue_update(kind, ids)


def remove_for(obj: Any) -> None:
    """Remove ``obj``'s document (call before or after deleting it; both are safe)."""
    indexed = registry.for_model(type(obj))
    if indexed is not None:
        remove_ids(indexed.kind, [obj.pk])


def enqueue_update(kind: str, ids: Iterable[int]) -> None:
    """Re-index documents in the background once the current transaction commits."""
    from .tasks import update_documents_task

    def enqueue(chunk: list[int]) -> Callable[[], object]:
        return lambda: update_documents_task.enqueue(kind=kind, ids=chunk)

    for chunk in _chunks(ids, BATCH_SIZE):
        transaction.on_commit(enqueue(list(chunk)))


def remove_ids(kind: str, ids: list[int]) -> int:
    """Delete the documents of ``kind`` for ``ids``; returns how many were deleted."""
    deleted, _details = SearchDocument.objects.filter(kind=kind, object_id__in=ids).delete()
    return deleted


@transaction.atomic
def update_ids(kind: str, ids: list[int]) -> int:
    """Rebuild the documents of ``kind`` for ``ids``; ids whose object is gone are removed."""
    indexed = registry.get(kind)
    documents = list(indexed.documents(list(ids)))
    remove_ids(kind, list(ids))
    _write(kind, documents)
    return len(documents)


def rebuild(
    kinds: list[str] | None = None,
    *,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[str, int], None] | None = None,
) -> dict[str, int]:
    """Empty and rebuild the index of ``kinds`` (all registered kinds by default)."""
    counts: dict[str, int] = {}
    selected = [item for item in registry.kinds() if kinds is None or item.kind in kinds]
    if kinds is None:
        SearchTerm.objects.all().delete()
    for indexed in selected:
        SearchDocument.objects.filter(kind=indexed.kind).delete()
        counts[indexed.kind] = 0
        for chunk in _chunks(indexed.all_ids(), batch_size):
            with transaction.atomic():
                written = _write(indexed.kind, list(indexed.documents(chunk)))
            counts[indexed.kind] += written
            if progress is not None:
                progress(indexed.kind, counts[indexed.kind])
    return counts


def _write(kind: str, documents: list[DocumentData]) -> int:
    """Insert documents, their facet values and new vocabulary words."""
    rows = SearchDocument.objects.bulk_create(
        [_document_row(kind, data) for data in documents], batch_size=BATCH_SIZE
    )
    facet_rows = [
        SearchFacetValue(document=row, facet=facet, value=value[:120], label=label[:200])
        for row, data in zip(rows, documents, strict=True)
        for facet, values in data.facets.items()
        for value, label in values
    ]
    SearchFacetValue.objects.bulk_create(facet_rows, batch_size=BATCH_SIZE)
    words = {
        term
        for data in documents
        for term in (*data.terms, *data.extra_terms)
        if len(term) in _VOCABULARY_LENGTHS and term.isascii() and term.isalpha()
    }
    SearchTerm.objects.bulk_create(
        [SearchTerm(term=word) for word in sorted(words)],
        batch_size=BATCH_SIZE,
        ignore_conflicts=True,
    )
    return len(rows)


def _document_row(kind: str, data: DocumentData) -> SearchDocument:
    """The model row for one document."""
    from filmfolio.core.text import fold

    return SearchDocument(
        kind=kind,
        object_id=data.object_id,
        title=data.title[:300],
        title_folded=fold(data.title)[:300],
        subtitle=data.subtitle[:300],
        url=data.url[:300],
        terms=" ".join(data.terms),
        extra_terms=" ".join(data.extra_terms),
        is_public=data.is_public,
        film_id=data.film_id,
        boost=data.boost,
        film_kind=data.film_kind,
        year=data.year,
        runtime_minutes=data.runtime_minutes,
        is_award_winning=data.is_award_winning,
        has_trailer=data.has_trailer,
    )


def _chunks(items: Iterable[int], size: int) -> Iterable[list[int]]:
    """Consecutive lists of at most ``size`` items."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk
