"""Keep the film page's cache and search document honest when its media change."""

from __future__ import annotations

from filmfolio.films.changes import films_refreshed

from ..models import Video


def film_page_touch(film_id: int) -> None:
    """Give the film a new version (the cached film page and press kit are keyed on it, and its
    cached pages are dropped) and re-index it (its "has a trailer" facet follows its videos)."""
    # the film model through the relation: media sits left of films in the dependency order
    films_refreshed(Video._meta.get_field("film").related_model, [film_id])
