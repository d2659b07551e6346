"""Writing the search index: the one place that creates, replaces and deletes documents.

Services call ``update_for(obj)`` after they change an indexed object (and ``remove_for(obj)``
before deleting one); there are no signals. Objects that other documents mention (a person's
name on films) have their dependants re-indexed by a background task after the commit; objects
whose listing follows another's (a film's people and festivals) have it brought up to date
with it, at once.

``rebuild()`` is the bulk path: in one transaction it switches the engine's incremental
machinery off (FTS5 triggers, the GIN index), writes rows with ``executemany`` (``COPY`` on
PostgreSQL) numbered in the registry's order (most prominent first), and builds the
full-text index once at the end. Readers keep seeing the old index until it commits.

Building documents (reading facts, normalising text) is most of a rebuild's work, so a large
rebuild hands batches to helper processes, one per core, while this process writes what they
return, in order: the index is the same whichever way it was built.
"""

from __future__ import annotations

import gc
import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable
from itertools import islice
from typing import Any

from django.db import connection, transaction

from . import registry
from .backends import get_backend
from .batches import (
    BUILT_COLUMNS,
    DOCUMENT_COLUMNS,
    PUBLIC_COLUMN,
    Batch,
    build_batch,
    built_batches,
    helper_count,
    interleaved,
    young_collections_only,
)
from .models import SearchDocument, SearchFacetValue, SearchSuggestion
from .vocabulary import change_vocabulary, public_words, write_vocabulary

log = logging.getLogger(__name__)
BATCH_SIZE = 1000
REBUILD_BATCH_SIZE = 5000
SUGGESTION_COLUMNS = ("key", "document_id", "is_public")


def update_for(obj: Any, *, dependants: bool = True) -> None:
    """Re-index ``obj`` (and the listing of its followers) now and its dependants after commit
    (not with ``dependants=False``: the caller re-indexes them itself); nothing if its model
    isn't indexed."""
    indexed = registry.for_model(type(obj))
    if indexed is None:
        return
    update_ids(indexed.kind, [obj.pk])
    if dependants and indexed.dependants is not None:
        for kind, ids in indexed.dependants(obj).items():
            enqueue_update(kind, ids)


def update_listing_for(obj: Any) -> None:
    """Bring ``obj``'s listing up to date now (a film stopped or started reaching it; nothing
    it mentions changed); nothing if its model isn't indexed."""
    indexed = registry.for_model(type(obj))
    if indexed is not None:
        refresh_listing(indexed.kind, [obj.pk])


def refresh_listing(kind: str, ids: list[int]) -> int:
    """Re-index the documents of ``kind`` among ``ids`` whose listing for everyone changed;
    returns how many. Two small queries when nothing changed. Objects without a document are
    left to whoever created them (the services and the importer index what they create)."""
    indexed = registry.get(kind)
    if not ids:
        return 0
    if indexed.public_ids is None:
        return update_ids(kind, ids)
    public = indexed.public_ids(ids)
    stored = dict(
        SearchDocument.objects.filter(kind=kind, object_id__in=registry.ids_subquery(ids))
        .values_list("object_id", "is_public")
        .order_by()
    )
    changed = [pk for pk in ids if pk in stored and stored[pk] != (pk in public)]
    return update_ids(kind, changed) if changed else 0


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


@transaction.atomic
def remove_ids(kind: str, ids: list[int]) -> int:
    """Delete the documents of ``kind`` for ``ids`` and their words from the vocabulary;
    returns how many were deleted."""
    public = SearchDocument.objects.filter(kind=kind, object_id__in=ids, is_public=True)
    change_vocabulary(Counter(), public_words(public.values_list("terms", "extra_terms")))
    return _delete_documents(kind, ids)


def _delete_documents(kind: str, ids: list[int]) -> int:
    """Delete the documents of ``kind`` for ``ids`` (the vocabulary is the caller's)."""
    documents = SearchDocument.objects.filter(kind=kind, object_id__in=ids)
    SearchSuggestion.objects.filter(document__in=documents).delete()
    _total, details = documents.delete()
    return details.get(SearchDocument._meta.label, 0)


@transaction.atomic
def update_ids(kind: str, ids: list[int]) -> int:
    """Rebuild the documents of ``kind`` for ``ids``; ids whose object is gone are removed."""
    batch = build_batch(kind, list(ids))
    replaced = SearchDocument.objects.filter(kind=kind, object_id__in=ids, is_public=True)
    removed = public_words(replaced.values_list("terms", "extra_terms"))
    _delete_documents(kind, list(ids))
    rows = SearchDocument.objects.bulk_create(
        [SearchDocument(**dict(zip(BUILT_COLUMNS, values, strict=True))) for values in batch.rows],
        batch_size=BATCH_SIZE,
    )
    writer = _Writer(removed=removed)
    writer.add_batch(batch, [row.pk for row in rows])
    writer.finish()
    indexed = registry.get(kind)
    if indexed.followers is not None:
        for follower_kind, follower_ids in indexed.followers(list(ids)).items():
            refresh_listing(follower_kind, follower_ids)
    return len(rows)


def _selected_kinds(kinds: list[str] | None) -> list[Any]:
    """The registered kinds named (all of them when ``kinds`` is None)."""
    return [item for item in registry.kinds() if kinds is None or item.kind in kinds]


def _jobs(selected: list[Any], batch_size: int) -> list[tuple[str, list[int]]]:
    """(kind, ids) batches of every selected kind, the kinds interleaved."""
    return interleaved(
        [[(item.kind, chunk) for chunk in _chunks(item.all_ids(), batch_size)] for item in selected]
    )


def _write_batches(
    writer: _Writer,
    batches: Iterable[Any],
    counts: dict[str, int],
    progress: Callable[[str, int], None] | None,
) -> None:
    """Write the built batches, counting documents per kind and reporting progress."""
    with young_collections_only():
        for batch in batches:
            counts[batch.kind] += writer.add_batch(batch)
            if progress is not None:
                progress(batch.kind, counts[batch.kind])
            gc.collect(1)
    writer.finish()


def rebuild(
    kinds: list[str] | None = None,
    *,
    batch_size: int = REBUILD_BATCH_SIZE,
    workers: int | None = None,
    compact: bool = False,
    progress: Callable[[str, int], None] | None = None,
) -> dict[str, int]:
    """Empty and rebuild the index of ``kinds`` (all registered kinds by default), in one
    transaction.

    ``workers`` helper processes build the documents (default: the
    ``SEARCH_REBUILD_WORKERS`` setting, used from 20,000 documents on: fewer are built here
    faster than helpers start). A rebuild inside a transaction (helpers could not see its rows)
    or on an in-memory database builds them here. ``compact`` gives the replaced rows' space
    back after the commit where the engine keeps it (PostgreSQL), making searches wait.
    """
    selected = _selected_kinds(kinds)
    backend = get_backend()
    counts = {item.kind: 0 for item in selected}
    nested = connection.in_atomic_block  # helpers would not see this transaction's rows
    with backend.bulk_session(connection), transaction.atomic(), connection.cursor() as cursor:
        backend.bulk_load_begin(cursor, everything=kinds is None)
        removed = None if kinds is None else _public_words_of(cursor, [i.kind for i in selected])
        _delete_kinds(cursor, [item.kind for item in selected], everything=kinds is None)
        cursor.execute("SELECT coalesce(max(id), 0) FROM search_searchdocument")
        next_id = cursor.fetchone()[0] + 1
        writer = _Writer(bulk=True, next_id=next_id, removed=removed, backend=backend)
        jobs = _jobs(selected, batch_size)
        documents = sum(len(ids) for _kind, ids in jobs)
        helpers = helper_count(workers, documents=documents, nested=nested)
        started = time.perf_counter()
        _write_batches(writer, built_batches(jobs, helpers), counts, progress)
        log.info("documents written in %.1fs (%d helpers)", time.perf_counter() - started, helpers)
        started = time.perf_counter()
        backend.bulk_load_end(cursor, next_id=writer.next_id)
        log.info("full-text index built in %.1fs", time.perf_counter() - started)
    if not nested:  # maintenance that cannot run inside a transaction
        backend.after_rebuild(connection, compact=compact)
    return counts


def _public_words_of(cursor: Any, kinds: list[str]) -> Counter[str]:
    """The vocabulary words of the public documents of ``kinds``, counted per document."""
    counts: Counter[str] = Counter()
    for kind in kinds:
        cursor.execute(
            "SELECT terms, extra_terms FROM search_searchdocument WHERE kind = %s AND is_public",
            [kind],
        )
        while rows := cursor.fetchmany(REBUILD_BATCH_SIZE):
            counts.update(public_words(rows))
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


class _Writer:
    """Writes batches: documents at once, suggestions in big chunks, vocabulary at the end.

    ``removed`` counts the vocabulary words of the public documents the batches replace;
    None when the whole index (and so the vocabulary) was emptied first."""

    def __init__(
        self,
        *,
        bulk: bool = False,
        next_id: int = 0,
        removed: Counter[str] | None = None,
        backend: Any = None,
    ) -> None:
        from django.utils import timezone

        self.backend = backend or get_backend()  # a rebuild's: it holds the load's state
        self.bulk = bulk
        self.next_id = next_id
        self.removed = removed
        self.now = timezone.now()
        self.words: Counter[str] = Counter()
        self.labels: dict[tuple[str, str], str] = {}
        self.suggestions: list[tuple[str, int, bool]] = []

    def add_batch(self, batch: Batch, ids: list[int] | None = None) -> int:
        """Remember the suggestions, vocabulary and labels of ``batch``; with no ``ids``
        (a rebuild) also write its documents, numbered from ``next_id``. Returns how many."""
        if ids is None:
            ids = list(range(self.next_id, self.next_id + len(batch.rows)))
            self.next_id += len(ids)
            rows = [(pk, *values, self.now) for pk, values in zip(ids, batch.rows, strict=True)]
            self.backend.insert_rows(connection, "search_searchdocument", DOCUMENT_COLUMNS, rows)
            if ids:
                with connection.cursor() as cursor:
                    self.backend.bulk_rows_written(cursor, first_id=ids[0], last_id=ids[-1])
        for pk, values, keys in zip(ids, batch.rows, batch.keys, strict=True):
            is_public = values[PUBLIC_COLUMN]
            self.suggestions += [(key, pk, is_public) for key in keys]
        if len(self.suggestions) >= 50_000 or not self.bulk:
            self._flush_suggestions()
        self.words.update(batch.words)
        for key, label in batch.labels.items():
            self.labels.setdefault(key, label)
        return len(ids)

    def _flush_suggestions(self) -> None:
        rows, self.suggestions = self.suggestions, []
        self.backend.insert_rows(connection, "search_searchsuggestion", SUGGESTION_COLUMNS, rows)

    def finish(self) -> None:
        """Write what is still held: suggestions, new vocabulary words, new facet labels."""
        self._flush_suggestions()
        if self.removed is None:
            write_vocabulary(self.words)
        else:
            change_vocabulary(self.words, self.removed)
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
