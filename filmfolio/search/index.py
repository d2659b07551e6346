"""Writing the search index: the one place that creates, replaces and deletes documents.

Services call ``update_for(obj)`` after they change an indexed object (and ``remove_for(obj)``
before deleting one); there are no signals. Objects that other documents mention (a person's
name on films) have their dependants re-indexed by a background task after the commit.

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
import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from django.conf import settings
from django.db import connection, transaction

from filmfolio.core.text import fold, prefix_keys

from . import helper, registry
from .backends import get_backend
from .filters import document_tokens
from .models import SearchDocument, SearchFacetValue, SearchSuggestion, SearchTerm
from .registry import DocumentData

log = logging.getLogger(__name__)
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
_BUILT_COLUMNS = DOCUMENT_COLUMNS[1:-1]  # what a batch holds: not the id nor the time
_PUBLIC_COLUMN = _BUILT_COLUMNS.index("is_public")
_PARALLEL_MIN_DOCUMENTS = 20_000  # fewer are built here faster than helper processes start


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
    batch = build_batch(kind, list(ids))
    remove_ids(kind, list(ids))
    rows = SearchDocument.objects.bulk_create(
        [SearchDocument(**dict(zip(_BUILT_COLUMNS, values, strict=True))) for values in batch.rows],
        batch_size=BATCH_SIZE,
    )
    writer = _Writer()
    writer.add_batch(batch, [row.pk for row in rows])
    writer.finish()
    return len(rows)


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
    selected = [item for item in registry.kinds() if kinds is None or item.kind in kinds]
    backend = get_backend()
    counts = {item.kind: 0 for item in selected}
    helpers = _helper_count(workers)
    with transaction.atomic(), connection.cursor() as cursor:
        backend.bulk_load_begin(cursor, everything=kinds is None)
        _delete_kinds(cursor, [item.kind for item in selected], everything=kinds is None)
        cursor.execute("SELECT coalesce(max(id), 0) FROM search_searchdocument")
        writer = _Writer(bulk=True, next_id=cursor.fetchone()[0] + 1)
        jobs = _interleaved(
            [
                [(item.kind, chunk) for chunk in _chunks(item.all_ids(), batch_size)]
                for item in selected
            ]
        )
        if workers is None and sum(len(ids) for _kind, ids in jobs) < _PARALLEL_MIN_DOCUMENTS:
            helpers = 0
        started = time.perf_counter()
        with young_collections_only():
            for batch in _built(jobs, helpers):
                counts[batch.kind] += writer.add_batch(batch)
                if progress is not None:
                    progress(batch.kind, counts[batch.kind])
                gc.collect(1)
        writer.finish()
        log.info("documents written in %.1fs (%d helpers)", time.perf_counter() - started, helpers)
        started = time.perf_counter()
        backend.bulk_load_end(cursor, next_id=writer.next_id)
        log.info("full-text index built in %.1fs", time.perf_counter() - started)
    if connection.in_atomic_block:
        return counts
    backend.after_rebuild(connection, compact=compact)
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


@dataclass
class Batch:
    """The rows of one batch of documents, ready to write (picklable: helpers build them)."""

    kind: str
    rows: list[tuple[Any, ...]] = field(default_factory=list)
    """Values of ``_BUILT_COLUMNS`` per document."""
    keys: list[list[str]] = field(default_factory=list)
    """Autocomplete keys per document."""
    words: set[str] = field(default_factory=set)
    """Words for the typo vocabulary."""
    labels: dict[tuple[str, str], str] = field(default_factory=dict)
    """(facet, value) -> label."""


def build_batch(kind: str, ids: list[int]) -> Batch:
    """Build the documents of ``kind`` for ``ids`` (those whose objects still exist)."""
    batch = Batch(kind)
    for data in registry.get(kind).documents(ids):
        fields = _fields(kind, data)
        batch.rows.append(tuple(fields[column] for column in _BUILT_COLUMNS))
        batch.keys.append(suggestion_keys(data))
        for facet, values in data.facets.items():
            for value, label in values:
                batch.labels.setdefault((facet, value[:120]), label[:200])
        batch.words.update(data.terms)
        batch.words.update(data.extra_terms)
    batch.words = {
        word
        for word in batch.words
        if len(word) in _VOCABULARY_LENGTHS and word.isascii() and word.isalpha()
    }
    return batch


class _Writer:
    """Writes batches: documents at once, suggestions in big chunks, vocabulary at the end."""

    def __init__(self, *, bulk: bool = False, next_id: int = 0) -> None:
        from django.utils import timezone

        self.bulk = bulk
        self.next_id = next_id
        self.now = timezone.now()
        self.words: set[str] = set()
        self.labels: dict[tuple[str, str], str] = {}
        self.suggestions: list[tuple[str, int, bool]] = []

    def add_batch(self, batch: Batch, ids: list[int] | None = None) -> int:
        """Remember the suggestions, vocabulary and labels of ``batch``; with no ``ids``
        (a rebuild) also write its documents, numbered from ``next_id``. Returns how many."""
        if ids is None:
            ids = list(range(self.next_id, self.next_id + len(batch.rows)))
            self.next_id += len(ids)
            rows = [(pk, *values, self.now) for pk, values in zip(ids, batch.rows, strict=True)]
            get_backend().insert_rows(connection, "search_searchdocument", DOCUMENT_COLUMNS, rows)
        for pk, values, keys in zip(ids, batch.rows, batch.keys, strict=True):
            is_public = values[_PUBLIC_COLUMN]
            self.suggestions += [(key, pk, is_public) for key in keys]
        if len(self.suggestions) >= 50_000 or not self.bulk:
            self._flush_suggestions()
        self.words |= batch.words
        for key, label in batch.labels.items():
            self.labels.setdefault(key, label)
        return len(ids)

    def _flush_suggestions(self) -> None:
        rows, self.suggestions = self.suggestions, []
        get_backend().insert_rows(connection, "search_searchsuggestion", SUGGESTION_COLUMNS, rows)

    def finish(self) -> None:
        """Write what is still held: suggestions, new vocabulary words, new facet labels."""
        self._flush_suggestions()
        SearchTerm.objects.bulk_create(
            [SearchTerm(term=word) for word in sorted(self.words)],
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


@contextmanager
def young_collections_only() -> Iterator[None]:
    """Switch automatic garbage collection off; the caller collects the young generations
    after each batch.

    A full collection walks every object the process holds, and a rebuild holds many (the
    cached terms of every name): automatic full collections were a third of a rebuild's time.
    A batch's garbage is young, so collecting generations 0 and 1 after it frees it.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _helper_count(workers: int | None) -> int:
    """How many helper processes a rebuild may use here (0: build in this process)."""
    if workers is None:
        workers = settings.SEARCH_REBUILD_WORKERS or os.cpu_count() or 1
    name = str(connection.settings_dict["NAME"])
    in_memory = connection.vendor == "sqlite" and (name == ":memory:" or "mode=memory" in name)
    if workers < 2 or connection.in_atomic_block or in_memory:
        return 0
    return workers


def _built(jobs: list[tuple[str, list[int]]], helpers: int) -> Iterator[Batch]:
    """The batches of ``jobs`` built here or by ``helpers`` processes, in the jobs' order.

    At most two batches per helper wait to be written, so memory stays bounded when the
    helpers are faster than the writer.
    """
    if not helpers:
        for kind, ids in jobs:
            yield build_batch(kind, ids)
        return
    context = multiprocessing.get_context("spawn")  # fork would share this open connection
    database = dict(connection.settings_dict)
    with ProcessPoolExecutor(
        helpers,
        mp_context=context,
        initializer=helper.start,
        initargs=(settings.SETTINGS_MODULE or os.environ.get("DJANGO_SETTINGS_MODULE"), database),
    ) as pool:
        pending: deque[Future[Batch]] = deque()
        for kind, ids in jobs:
            pending.append(pool.submit(helper.build, kind, ids))
            if len(pending) > 2 * helpers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def _interleaved(
    batches_by_kind: list[list[tuple[str, list[int]]]],
) -> list[tuple[str, list[int]]]:
    """The batches of every kind merged so each kind is spread evenly over the index order,
    each in its own order (most prominent first).

    Broad queries look at the first matches in index order: spread out, those are the most
    prominent films *and* people, and an engine that walks the index in order to find them
    (PostgreSQL's plan for common words) never crosses a block of one kind without matches.
    """
    positions = [
        (number / len(batches), rank, batch)
        for rank, batches in enumerate(batches_by_kind)
        for number, batch in enumerate(batches)
    ]
    return [batch for _position, _rank, batch in sorted(positions, key=lambda p: p[:2])]


def _chunks(items: Iterable[int], size: int) -> Iterable[list[int]]:
    """Consecutive lists of at most ``size`` items."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk
