"""Keeping the search index in step with the writes of the sharing, films and festivals
services.

The search index keeps a copy of whether a film is listed (``is_public``); a film made private
must leave public search results in the same transaction, so the services call
``search_update(obj)`` after each write. The import is late because ``search`` sits to the
right of these apps in the dependency order; this module is the one place that crosses it.
"""

from __future__ import annotations

from typing import Any


def search_update(obj: Any) -> None:
    """Re-index ``obj`` now (its dependants after commit); nothing if its model isn't indexed."""
    from filmfolio.search import index

    index.update_for(obj)


def search_update_listing(obj: Any) -> None:
    """Re-index ``obj`` alone now: a person whose credit or a festival whose entry was removed
    may no longer be listed through any film."""
    from filmfolio.search import index

    index.update_listing_for(obj)
