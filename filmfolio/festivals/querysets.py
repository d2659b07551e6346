"""Festivals, editions, sections and awards exist for a viewer only through a film the viewer
may see listed: ``listed_for(viewer)`` (and ``visible_to``, the same for pages) delegate to
``films.access``, which decides."""

from __future__ import annotations

from collections.abc import Callable
from typing import Self

from django.db import models

from filmfolio.core.viewers import Viewer
from filmfolio.films import access


class _ListedThroughFilms(models.QuerySet):
    listed: Callable[[Viewer, models.QuerySet], models.QuerySet]

    def listed_for(self, viewer: Viewer) -> Self:
        """Those reaching at least one film ``viewer`` may see listed."""
        return self.listed(viewer, self)  # type: ignore[return-value]

    def visible_to(self, viewer: Viewer) -> Self:
        """Those whose page ``viewer`` may open: the listed ones."""
        return self.listed_for(viewer)


class FestivalQuerySet(_ListedThroughFilms):
    listed = staticmethod(access.listed_festivals)


class EditionQuerySet(_ListedThroughFilms):
    listed = staticmethod(access.listed_editions)


class SectionQuerySet(_ListedThroughFilms):
    listed = staticmethod(access.listed_sections)


class AwardQuerySet(_ListedThroughFilms):
    listed = staticmethod(access.listed_awards)
