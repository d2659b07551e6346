"""Keep the film page's cache honest when its media change."""

from __future__ import annotations

from django.apps import apps
from django.utils import timezone

from filmfolio.sharing.reindex import search_update


def film_page_touch(film_id: int) -> None:
    """Bump the film's ``updated_at`` (the cached film page and press kit are keyed on it) and
    re-index the film (its "has a trailer" facet follows its videos)."""
    film_model = apps.get_model("films", "Film")
    film_model.objects.filter(pk=film_id).update(updated_at=timezone.now())
    search_update(film_model(pk=film_id))
