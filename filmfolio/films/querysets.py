"""Visibility as queryset methods, one spelling everywhere: ``listed_for(viewer)``,
``visible_to(viewer)``, ``editable_by(viewer)``, ``owned_by(viewer)``. Each method only
delegates to ``films.access``, which decides."""

from __future__ import annotations

from typing import Self

from django.db import models

from filmfolio.core.viewers import Viewer

from . import access


class FilmQuerySet(models.QuerySet):
    """Films, or rows of one film's record when ``films`` names the way to the film."""

    films = ""

    def listed_for(self, viewer: Viewer) -> Self:
        """Those that may appear in lists, search, feeds and sitemaps for ``viewer``."""
        return self.filter(access.listed_films_q(viewer, self.films))

    def visible_to(self, viewer: Viewer) -> Self:
        """Those whose film's page ``viewer`` may open."""
        return self.filter(access.visible_films_q(viewer, self.films))

    def editable_by(self, viewer: Viewer) -> Self:
        """Those whose film's record ``viewer`` may change."""
        return self.filter(access.editable_films_q(viewer, self.films))

    def owned_by(self, viewer: Viewer) -> Self:
        """Those whose film ``viewer`` owns."""
        return self.filter(access.owned_films_q(viewer, self.films))


class FilmRowQuerySet(FilmQuerySet):
    """Rows of a film's record (credits, festival entries): the same methods through ``film``."""

    films = "film__"
