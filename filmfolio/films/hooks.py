"""What the apps above films do when a film is deleted.

Festival entries and videos belong to apps above ``films``; deleting a film removes their rows
(the foreign keys cascade) but the search listing of a festival reached only through the film,
and the queued jobs of its videos, are theirs to follow. Such an app registers a
``FilmDeleting`` in its ``AppConfig.ready``; ``film_delete`` calls each one explicitly, in
order: ``collect(film)`` inside the transaction before the delete, ``after(collected)`` once
the film is gone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from filmfolio.core.contributions import Registry


@dataclass(frozen=True)
class FilmDeleting:
    """One app's part in deleting a film."""

    key: str
    collect: Callable[[Any], Any]
    after: Callable[[Any], object]
    order: int = 0


FILM_DELETING: Registry[FilmDeleting] = Registry("film_deleting")
