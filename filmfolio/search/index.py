"""Writing the search index: the one place that creates, replaces and deletes documents.

Services call ``update_for(obj)`` after they change an indexed object (and ``remove_for(obj)``
before deleting one); there are no signals. Objects that other documents mention (a person's
name on films) have their dependants re-indexed by a background task after the commit.

``rebuild()`` is the bulk path: in one transaction it switches the engine's incremental
machinery off (FTS5 triggers, the GIN index), writes rows with ``executemany`` (``COPY`` on
PostgreSQL) numbered in the registry's order (most prominent first), and builds the
full-text index once at the end. Readers keep seeing the old index until it commits.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any

from django.db import connection, transaction

from filmfolio.core.text import fold, prefix_keys

from . import registry
from .backends import get_backend
from .filters import document_tokens
from .models import SearchDocument, SearchFacetValue, SearchSuggestion, SearchTerm
from .registry import DocumentData

BATCH_SIZE = 1000
REBUILD_BATCH_SIZE = 5000
_VOCABULARY_LENGTHS = range(4, 33)
DOCUMENT_COLUMNS = (
    "id",
    "kind",
    "object_id",
    "title",
    "title_folded",
    "subtitle",
    "url",
    "terms",
    "extra_terms",
    "filters",
    "is_public",
    "film_id",
    "boost",
    "film_kind",
    "year",
    "runtime_minutes",
    "is_award_winning",
    "has_trailer",
    "indexed_at",
)
SUGGESTION_COLUMNS = ("key", "document_id", "is_public")


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
    documents = SearchDocument.objects.filter(kind=kind, object_id__in=ids)
    SearchSuggestion.objects.filter(document__in=documents).delete()
    _total, details = documents.delete()
    return details.get(SearchDocument._meta.label, 0)


@transaction.atomic
def update_ids(kind: str, ids: list[int]) -> int:
    """Rebuild the documents of ``kind`` for ``ids``; ids whose object is gone are removed."""
    indexed = registry.get(kind)
    documents = list(indexed.documents(list(ids)))
    remove_ids(kind, list(ids))
    rows = SearchDocument.objects.bulk_create(
        [SearchDocument(**_fields(kind, data)) for data in documents], batch_size=BATCH_SIZE
    )
    writer = _Writer(bulk=False)
    writer.add_suggestions([(row.pk, data) for row, data in zip(rows, documents, strict=True)])
    writer.add_vocabulary(documents)
    writer.finish()
    return len(rows)


def rebuild(
    kinds: list[str] | None = None,
    *,
    batch_size: int = REBUILD_BATCH_SIZE,
    progress: Callable[[str, int], None] | None = None,
) -> dict[str, int]:
    """Empty and rebuild the index of ``kinds`` (all registered kinds by default), in one
    transaction."""
    selected = [item for item in registry.kinds() if kinds is None or item.kind in kinds]
    backend = get_backend()
    counts: dict[str, int] = {}
    with transaction.atomic(), connection.cursor() as cursor:
        backend.bulk_load_begin(cursor)
        _delete_kinds(cursor, [item.kind for item in selected], everything=kinds is None)
        cursor.execute("SELECT coalesce(max(id), 0) FROM search_searchdocument")
        writer = _Writer(bulk=True, next_id=cursor.fetchone()[0] + 1)
        for indexed in selected:
            counts[indexed.kind] = 0
            for chunk in _chunks(indexed.all_ids(), batch_size):
                counts[indexed.kind] += writer.add_documents(indexed.kind, indexed.documents(chunk))
                if progress is not None:
                    progress(indexed.kind, counts[indexed.kind])
        writer.finish()
        backend.bulk_load_end(cursor, next_id=writer.next_id)
    if connection.in_atomic_block:
        return counts
    backend.after_rebuild(connection)
    return counts


def _delete_kinds(cursor: Any, kinds: list[str], *, everything: bool) -> None:
    """Remove the documents of ``kinds`` and their suggestions (and the vocabulary when
    ``everything``) with plain SQL: no per-row work."""
    if everything:
        tables = (
            "search_searchsuggestion",
            "search_searchdocument",
            "search_searchterm",
            "search_searchfacetvalue",
        )
        for table in tables:
            cursor.execute(f"DELETE FROM {table}")
        return
    for kind in kinds:
        cursor.execute(
            "DELETE FROM search_searchsuggestion WHERE document_id IN "
            "(SELECT id FROM search_searchdocument WHERE kind = %s)",
            [kind],
        )
        cursor.execute("DELETE FROM search_searchdocument WHERE kind = %s", [kind])


def _fields(kind: str, data: DocumentData) -> dict[str, Any]:
    """The column values of one document."""
    return {
        "kind": kind,
        "object_id": data.object_id,
        "title": data.title[:300],
        "title_folded": fold(data.title)[:300],
        "subtitle": data.subtitle[:300],
        "url": data.url[:300],
        "terms": " ".join(data.terms),
        "extra_terms": " ".join(data.extra_terms),
        "filters": " ".join(
            document_tokens(
                kind=kind,
                is_public=data.is_public,
                film_kind=data.film_kind,
                year=data.year,
                runtime_minutes=data.runtime_minutes,
                is_award_winning=data.is_award_winning,
                has_trailer=data.has_trailer,
                facets=data.facets,
            )
        ),
        "is_public": data.is_public,
        "film_id": data.film_id,
        "boost": data.boost,
        "film_kind": data.film_kind,
        "year": data.year,
        "runtime_minutes": data.runtime_minutes,
        "is_award_winning": data.is_award_winning,
        "has_trailer": data.has_trailer,
    }


def suggestion_keys(data: DocumentData) -> list[str]:
    """The autocomplete keys of one document."""
    keys: dict[str, None] = {}
    for text in data.suggest or [data.title]:
        keys.update(dict.fromkeys(prefix_keys(text, is_name=data.suggest_is_name)))
    return [key for key in keys if key]


class _Writer:
    """Collects rows and writes them in big batches; remembers vocabulary and facet labels."""

    def __init__(self, *, bulk: bool, next_id: int = 0) -> None:
        from django.utils import timezone

        self.bulk = bulk
        self.next_id = next_id
        self.now = timezone.now()
        self.words: set[str] = set()
        self.labels: dict[tuple[str, str], str] = {}
        self.suggestions: list[tuple[str, int, bool]] = []

    def add_documents(self, kind: str, documents: Iterator[DocumentData]) -> int:
        """Write documents with ids numbered from ``next_id``; returns how many."""
        rows, written = [], []
        for data in documents:
            fields = _fields(kind, data)
            rows.append((self.next_id, *(fields[c] for c in DOCUMENT_COLUMNS[1:-1]), self.now))
            written.append((self.next_id, data))
            self.next_id += 1
        get_backend().insert_rows(connection, "search_searchdocument", DOCUMENT_COLUMNS, rows)
        self.add_suggestions(written)
        self.add_vocabulary([data for _id, data in written])
        return len(rows)

    def add_suggestions(self, documents: list[tuple[int, DocumentData]]) -> None:
        for document_id, data in documents:
            self.suggestions += [
                (key, document_id, data.is_public) for key in suggestion_keys(data)
            ]
        if len(self.suggestions) >= 50_000 or not self.bulk:
            self._flush_suggestions()

    def add_vocabulary(self, documents: list[DocumentData]) -> None:
        for data in documents:
            for facet, values in data.facets.items():
                for value, label in values:
                    self.labels.setdefault((facet, value[:120]), label[:200])
            self.words.update(data.terms)
            self.words.update(data.extra_terms)

    def _flush_suggestions(self) -> None:
        rows, self.suggestions = self.suggestions, []
        get_backend().insert_rows(connection, "search_searchsuggestion", SUGGESTION_COLUMNS, rows)

    def finish(self) -> None:
        """Write what is still held: suggestions, new vocabulary words, new facet labels."""
        self._flush_suggestions()
        words = [
            word
            for word in sorted(self.words)
            if len(word) in _VOCABULARY_LENGTHS and word.isascii() and word.isalpha()
        ]
        SearchTerm.objects.bulk_create(
            [SearchTerm(term=word) for word in words],
            batch_size=5000,
            ignore_conflicts=True,
        )
        SearchFacetValue.objects.bulk_create(
            [
                SearchFacetValue(facet=facet, value=value, label=label)
                for (facet, value), label in sorted(self.labels.items())
            ],
            batch_size=5000,
            ignore_conflicts=True,
        )


def _chunks(items: Iterable[int], size: int) -> Iterable[list[int]]:
    """Consecutive lists of at most ``size`` items."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk
