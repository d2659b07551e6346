"""People exist for a viewer only through a film the viewer may see listed. ``people`` sits
below ``films``, so the policy comes from above: ``FilmsConfig.ready`` registers a
``PersonListing`` that delegates to ``films.access``. Without one, nobody is listed and nobody
may be credited or edited."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Self

from django.db import models

from filmfolio.core.contributions import Registry
from filmfolio.core.viewers import Viewer


@dataclass(frozen=True)
class PersonListing:
    """``listed(viewer, people)``: the people of a queryset listed for ``viewer``;
    ``creditable(viewer, people)``: those ``viewer`` may credit on a film;
    ``editable(viewer, people)``: those whose names and biographies ``viewer`` may change."""

    key: str
    listed: Callable[[Viewer, models.QuerySet], models.QuerySet]
    creditable: Callable[[Viewer, models.QuerySet], models.QuerySet] | None = None
    editable: Callable[[Viewer, models.QuerySet], models.QuerySet] | None = None
    order: int = 0


PERSON_LISTING: Registry[PersonListing] = Registry("person_listing")


class PersonQuerySet(models.QuerySet):
    """People, with the visibility methods of every record."""

    def listed_for(self, viewer: Viewer) -> Self:
        """People credited on at least one film ``viewer`` may see listed."""
        if not len(PERSON_LISTING):
            return self.none()
        people = self
        for listing in PERSON_LISTING:
            people = listing.listed(viewer, people)  # type: ignore[assignment]
        return people

    def visible_to(self, viewer: Viewer) -> Self:
        """People whose page ``viewer`` may open: the listed ones."""
        return self.listed_for(viewer)

    def creditable_by(self, viewer: Viewer) -> Self:
        """People ``viewer`` may credit on a film (picked in the person picker, matched by a
        typed name): listed for them, or credited nowhere yet."""
        return self._by_rules(viewer, "creditable")

    def editable_by(self, viewer: Viewer) -> Self:
        """People whose written names and biographies ``viewer`` may change (the person page's
        "Edit" and the person services ask this)."""
        return self._by_rules(viewer, "editable")

    def _by_rules(self, viewer: Viewer, rule: str) -> Self:
        """The people every registered ``rule`` (an attribute of ``PersonListing``) keeps;
        nobody when no app registered one."""
        rules = [getattr(listing, rule) for listing in PERSON_LISTING if getattr(listing, rule)]
        if not rules:
            return self.none()
        people = self
        for keep in rules:
            people = keep(viewer, people)
        return people
