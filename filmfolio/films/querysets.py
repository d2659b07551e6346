"""Reusable film filters; visibility is always decided by ``films.access``."""

from __future__ import annotations

from typing import Self

from django.db import models

from filmfolio.films import access


class FilmQuerySet(models.QuerySet):
    """Filters for films."""

    def listed_for(self, viewer: access.Viewer) -> Self:
        """Films that may appear in lists, search, feeds and sitemaps for ``viewer``."""
        return access.listed_films(viewer, self)  # type: ignore[return-value]

    def visible_to(self, viewer: access.Viewer) -> Self:
        """Films whose page ``viewer`` may open."""
        return access.visible_films(viewer, self)  # type: ignore[return-value]
