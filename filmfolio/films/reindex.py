"""Keeping the search index in step with the writes of the domain services.

The search index keeps a copy of whether a film is listed (``is_public``); a film made private
must leave public search results in the same transaction, so the services (through
``films.changes``) call these functions after each write. ``search`` is a layer below: the
imports are late only because the search app's modules import the index's models.
"""

from __future__ import annotations

from typing import Any


def search_update(obj: Any, *, dependants: bool = True) -> None:
    """Re-index ``obj`` now; nothing if its model isn't indexed. The documents that mention it
    (a person's films) follow after commit, unless ``dependants=False`` (the caller re-indexes
    them in its transaction)."""
    from filmfolio.search import index

    index.update_for(obj, dependants=dependants)


def search_update_many(model: Any, ids: list[int]) -> None:
    """Re-index the objects of ``model`` with these ids now (missing ones leave the index)."""
    from filmfolio.search import index, registry

    indexed = registry.for_model(model)
    if indexed is not None and ids:
        for start in range(0, len(ids), index.BATCH_SIZE):
            index.update_ids(indexed.kind, ids[start : start + index.BATCH_SIZE])


def search_remove(obj: Any) -> None:
    """Remove ``obj``'s document now (before or after deleting it)."""
    from filmfolio.search import index

    index.remove_for(obj)


def search_update_listing(obj: Any) -> None:
    """Re-index ``obj`` alone now: a person whose credit or a festival whose entry was removed
    may no longer be listed through any film."""
    from filmfolio.search import index

    index.update_listing_for(obj)


def search_update_listings(model: Any, ids: list[int]) -> None:
    """``search_update_listing`` for the objects of ``model`` with these ids at once (a deleted
    film's people and festivals)."""
    from filmfolio.search import index, registry

    indexed = registry.for_model(model)
    if indexed is not None and ids:
        for start in range(0, len(ids), index.BATCH_SIZE):
            index.refresh_listing(indexed.kind, ids[start : start + index.BATCH_SIZE])
