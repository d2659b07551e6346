"""The rows of search documents, and building them in batches here or in helper processes.

A registered kind gives ``DocumentData``; ``build_batch`` turns a batch of it into the column
values, autocomplete keys, vocabulary words and facet labels that ``search.index`` writes.
A large rebuild has helper processes (``search.helper``) build batches while it writes them.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections import Counter, deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import connection

from filmfolio.core.text import fold, once_each_word, prefix_keys

from . import helper, registry
from .filters import document_tokens
from .registry import DocumentData
from .vocabulary import document_words, kept

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
BUILT_COLUMNS = DOCUMENT_COLUMNS[1:-1]  # what a batch holds: not the id nor the time
PUBLIC_COLUMN = BUILT_COLUMNS.index("is_public")
PARALLEL_MIN_DOCUMENTS = 20_000  # fewer are built here faster than helper processes start


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
        "extra_terms": " ".join(once_each_word(data.extra_terms)),
        "filters": " ".join(document_tokens(kind, data)),
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
    """Values of ``BUILT_COLUMNS`` per document."""
    keys: list[list[str]] = field(default_factory=list)
    """Autocomplete keys per document."""
    words: Counter[str] = field(default_factory=Counter)
    """Words for the typo vocabulary: how many public documents of the batch hold each."""
    labels: dict[tuple[str, str], str] = field(default_factory=dict)
    """(facet, value) -> label."""


def build_batch(kind: str, ids: list[int]) -> Batch:
    """Build the documents of ``kind`` for ``ids`` (those whose objects still exist)."""
    batch = Batch(kind)
    for data in registry.get(kind).documents(ids):
        fields = _fields(kind, data)
        batch.rows.append(tuple(fields[column] for column in BUILT_COLUMNS))
        batch.keys.append(suggestion_keys(data))
        for facet, values in data.facets.items():
            for value, label in values:
                batch.labels.setdefault((facet, value[:120]), label[:200])
        if data.is_public:
            batch.words.update(document_words(fields["terms"], fields["extra_terms"]))
    batch.words = kept(batch.words)
    return batch


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


def helper_count(workers: int | None, *, documents: int, nested: bool = False) -> int:
    """How many helper processes a rebuild of ``documents`` may use here (0: build in this
    process). By default (``workers`` None) one per core from ``PARALLEL_MIN_DOCUMENTS`` on;
    never inside an outer transaction (``nested``) or on an in-memory database, whose rows
    another process cannot see."""
    if workers is None:
        if documents < PARALLEL_MIN_DOCUMENTS:
            return 0
        workers = settings.SEARCH_REBUILD_WORKERS or os.cpu_count() or 1
    name = str(connection.settings_dict["NAME"])
    in_memory = connection.vendor == "sqlite" and (name == ":memory:" or "mode=memory" in name)
    if workers < 2 or nested or in_memory:
        return 0
    return workers


def built_batches(jobs: list[tuple[str, list[int]]], helpers: int) -> Iterator[Batch]:
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


def interleaved(
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
