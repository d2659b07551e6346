"""Who may see and do what with calls and submissions: the one read policy of this app.

* **Calls**: open calls for everyone; every call of a festival for its members; all for site
  administrators.
* **Submissions**: the festival's director, programmers and staff see every submission to
  their festival; a juror only those assigned to them; a filmmaker only the submissions of the
  films they may edit; site administrators all of them. Nobody else learns one exists.
* **Reviews**: a rating is seen by those who manage the festival; private notes only by their
  author.

Like ``films.access``, every function is pure: a ``Viewer`` and a record or queryset in, an
answer out. Querysets reach it through ``listed_for`` / ``visible_to`` methods.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet

from filmfolio.core.viewers import Viewer
from filmfolio.films import access as film_access

from .choices import MemberRole

if TYPE_CHECKING:
    from .models import Submission


def _memberships(viewer: Viewer) -> QuerySet:
    from .models import FestivalMember

    return FestivalMember.objects.filter(user=viewer.user)


def member_role(viewer: Viewer, festival: Any) -> str | None:
    """The viewer's role at ``festival`` (a site administrator counts as its director)."""
    if viewer.is_admin:
        return MemberRole.DIRECTOR
    if not viewer.is_authenticated:
        return None
    return _memberships(viewer).filter(festival=festival).values_list("role", flat=True).first()


def can_manage_festival(viewer: Viewer, festival: Any) -> bool:
    """May see every submission and change the festival's calls, editions, sections, awards."""
    return member_role(viewer, festival) in MemberRole.managing()


def can_direct_festival(viewer: Viewer, festival: Any) -> bool:
    """May appoint and remove the festival's members."""
    return member_role(viewer, festival) == MemberRole.DIRECTOR


def managed_festivals(viewer: Viewer, queryset: QuerySet) -> QuerySet:
    """The festivals (of ``queryset``) whose desk the viewer may open: any member's role."""
    if viewer.is_admin:
        return queryset
    if not viewer.is_authenticated:
        return queryset.none()
    return queryset.filter(pk__in=_memberships(viewer).values("festival_id"))


def listed_calls(viewer: Viewer, queryset: QuerySet) -> QuerySet:
    """Open calls, and every call of the viewer's festivals."""
    if viewer.is_admin:
        return queryset
    condition = Q(is_open=True)
    if viewer.is_authenticated:
        condition |= Q(edition__festival__in=_memberships(viewer).values("festival_id"))
    return queryset.filter(condition)


def visible_submissions_q(viewer: Viewer, prefix: str = "") -> Q:
    """A filter for the submissions the viewer may see (see the module's rules)."""
    if viewer.is_admin:
        return Q()
    if not viewer.is_authenticated:
        return Q(**{f"{prefix}pk__in": []})
    managing = _memberships(viewer).filter(role__in=MemberRole.managing())
    return (
        film_access.editable_films_q(viewer, f"{prefix}film__")
        | Q(**{f"{prefix}category__call__edition__festival__in": managing.values("festival_id")})
        | Q(**{f"{prefix}assignments__member__user": viewer.user})
    )


def visible_submissions(viewer: Viewer, queryset: QuerySet) -> QuerySet:
    """The submissions of ``queryset`` the viewer may see (once each)."""
    return queryset.filter(visible_submissions_q(viewer)).distinct()


def reviewable_submissions(viewer: Viewer, queryset: QuerySet) -> QuerySet:
    """The submissions the viewer reviews as the festival's member: the managers' festival's
    ones, and a juror's assigned ones (not a filmmaker's own)."""
    if viewer.is_admin:
        return queryset
    if not viewer.is_authenticated:
        return queryset.none()
    managing = _memberships(viewer).filter(role__in=MemberRole.managing())
    return queryset.filter(
        Q(category__call__edition__festival__in=managing.values("festival_id"))
        | Q(assignments__member__user=viewer.user)
    ).distinct()


def can_review(viewer: Viewer, submission: Submission) -> bool:
    """May rate the submission and keep notes on it."""
    from .models import Submission

    found = reviewable_submissions(viewer, Submission.objects.filter(pk=submission.pk))
    return found.exists()


def can_decide(viewer: Viewer, submission: Submission) -> bool:
    """May assign, shortlist, select, award and notify: the festival's managers."""
    return can_manage_festival(viewer, submission.category.call.edition.festival_id)


def visible_reviews(viewer: Viewer, queryset: QuerySet, *, festival: Any) -> QuerySet:
    """The reviews whose rating the viewer may read: all for the festival's managers, a
    juror's own otherwise."""
    if can_manage_festival(viewer, festival):
        return queryset
    if not viewer.is_authenticated:
        return queryset.none()
    return queryset.filter(member__user=viewer.user)


def notes_visible(viewer: Viewer, review: Any) -> bool:
    """Private notes are read by their author alone."""
    return viewer.is_authenticated and review.member.user_id == viewer.user.pk
