"""Keep the film page's cache and search document honest when its media change."""

from __future__ import annotations

from filmfolio.films.changes import films_refreshed
from filmfolio.films.models import Film


def film_page_touch(film_id: int) -> None:
    """Give the film a new version (the cached film page and press kit are keyed on it, and its
    cached pages are dropped) and re-index it (its "has a trailer" facet follows its videos)."""
    films_refreshed(Film, [film_id])
