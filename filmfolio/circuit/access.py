"""Who may see and change a film's festival run: its collaborators see it, its editors change
it, its owners make the screener links that go with it. Every page, feed, e-mail and API
endpoint of the run asks these functions, which ask ``films.access``."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from filmfolio.core.viewers import Viewer
from filmfolio.films import access


def can_see_run(viewer: Viewer, film: Any) -> bool:
    """May ``viewer`` see ``film``'s festival run? Its collaborators (and staff) may."""
    return viewer.is_admin or access.collaborator_role(viewer, film) is not None


def can_change_run(viewer: Viewer, film: Any) -> bool:
    """May ``viewer`` add, move and remove entries of ``film``'s run? Its editors may."""
    return access.can_edit_film(viewer, film)


def can_make_screener(viewer: Viewer, film: Any) -> bool:
    """May ``viewer`` make the screener link of an entry? Only the film's owners may."""
    return access.can_own_film(viewer, film)


def run_entries_for(viewer: Viewer, queryset: QuerySet) -> QuerySet:
    """The entries of ``queryset`` on the films ``viewer`` works on (any role): the board, the
    calendar, the calendar feed and the reminders of one filmmaker."""
    return queryset.filter(access.collaborating_films_q(viewer, "film__"))


def changeable_run_entries(viewer: Viewer, queryset: QuerySet) -> QuerySet:
    """The entries of ``queryset`` that ``viewer`` may change."""
    return queryset.filter(access.editable_films_q(viewer, "film__"))
