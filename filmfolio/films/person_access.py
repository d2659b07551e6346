"""Who may change a person's record (written names, biographies) and fold it into another.

The rules build on the film policy of ``films.access``: a person's record belongs to whoever
owns every film that credits them, unless an account is confirmed as that person.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Exists, OuterRef, Q, QuerySet

from filmfolio.core.viewers import Viewer

from .access import creditable_people, owned_films_q

if TYPE_CHECKING:
    from filmfolio.people.models import Person


def editable_people(viewer: Viewer, queryset: QuerySet) -> QuerySet:
    """The people of ``queryset`` whose record (written names, biographies) the viewer may
    change: every person for staff; for a signed-in user the person confirmed as their own
    account, and the people credited on at least one film and only on films the user owns
    with no account confirmed as them (only the user's films show that record)."""
    if viewer.is_admin:
        return queryset
    if not viewer.is_authenticated:
        return queryset.none()
    from .models import Credit

    credits = Credit.objects.filter(person=OuterRef("pk"))
    elsewhere = credits.exclude(owned_films_q(viewer, prefix="film__"))
    only_mine = Q(user__isnull=True) & Exists(credits) & ~Exists(elsewhere)
    return queryset.filter(Q(user=viewer.user) | only_mine)


def may_edit_person(viewer: Viewer, person: Person) -> bool:
    """May the viewer change ``person``'s names and biographies (``editable_people``)?"""
    people = type(person)._default_manager.filter(pk=person.pk)
    return editable_people(viewer, people).exists()


def may_merge_person_away(viewer: Viewer, person: Person) -> bool:
    """May the viewer fold ``person`` into another record? Staff may; a user may when they
    may edit the person's record and no account is confirmed as them (``editable_people``:
    they own every film crediting the person)."""
    if viewer.is_admin:
        return True
    return person.user_id is None and may_edit_person(viewer, person)


def may_merge_people(viewer: Viewer, *, keep: Person, remove: Person) -> bool:
    """May the viewer merge ``remove`` into ``keep``: ``remove`` may be folded away by them
    and ``keep`` is a person they may credit (listed for them or credited nowhere)."""
    if not may_merge_person_away(viewer, remove):
        return False
    kept = creditable_people(viewer, type(keep)._default_manager.filter(pk=keep.pk))
    return kept.exists()
