"""Keep the film page's cache honest when its media change."""

from __future__ import annotations

from django.apps import apps
from django.utils import timezone


def film_page_touch(film_id: int) -> None:
    """Bump the film's ``updated_at``: the cached film page (keyed on it) is rendered again."""
    film_model = apps.get_model("films", "Film")
    film_model.objects.filter(pk=film_id).update(updated_at=timezone.now())
