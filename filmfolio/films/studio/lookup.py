"""The one "film for editing" lookup of the studio.

Every studio page and action finds its film here. Whoever may not edit (or own, for the
owners' sections) the film gets the same 404 as for a slug that does not exist, so the studio
never reveals that a private film exists.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404

from filmfolio.films import access
from filmfolio.films.access import Access

from ..models import Film


def film_for_editing(who: Any, slug: str, *, need: Access = Access.EDIT) -> Film:
    """The film with ``slug`` if ``who`` (a viewer or a user) has at least ``need`` on it."""
    viewer = who if isinstance(who, access.Viewer) else access.Viewer.for_user(who)
    film = Film.objects.filter(slug=slug).first()
    if film is None or access.film_access(viewer, film) < need:
        raise Http404
    return film
