"""Page-shaped reads of calls and submissions, each through ``calls.access`` (via the
querysets) with a fixed loading plan."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Avg, Prefetch, QuerySet

from filmfolio.core.viewers import Viewer
from filmfolio.festivals.models import Festival, Section
from filmfolio.films import access as film_access
from filmfolio.films import screener_access
from filmfolio.films.models import Film

from . import access
from .models import Call, Category, FestivalMember, Review, Submission

PAGE_SIZE = 25


def open_calls_page_for(viewer: Viewer, *, page: str | None) -> Page:
    """The calls listed for the viewer, soonest deadline first."""
    calls = (
        Call.objects.listed_for(viewer)
        .select_related("edition__festival")
        .order_by("regular_deadline", "id")
    )
    return Paginator(calls, PAGE_SIZE).get_page(page)


def call_for(viewer: Viewer, slug: str) -> Call | None:
    """A call the viewer may open, with its categories and festival."""
    return (
        Call.objects.visible_to(viewer)
        .select_related("edition__festival")
        .prefetch_related(Prefetch("categories", queryset=Category.objects.order_by("id")))
        .filter(slug=slug)
        .first()
    )


def submittable_films_for(viewer: Viewer) -> QuerySet[Film]:
    """The films the viewer may submit: those they own or edit (``films.access``)."""
    return Film.objects.filter(screener_access.submittable_films_q(viewer)).order_by("title")


def own_submissions_for(viewer: Viewer) -> QuerySet[Submission]:
    """The submissions of the films the viewer may edit, newest first."""
    return (
        Submission.objects.filter(film_access.editable_films_q(viewer, "film__"))
        .select_related("film", "category__call__edition__festival", "screener_link", "award")
        .order_by("-created_at", "-id")
    )


def desk_festival_for(viewer: Viewer, slug: str) -> Festival | None:
    """A festival whose desk the viewer may open (any member's role)."""
    return access.managed_festivals(viewer, Festival.objects.filter(slug=slug)).first()


@dataclass(frozen=True)
class Filters:
    """The submissions list's filters, as the query string gives them."""

    category: str = ""
    status: str = ""
    runtime_max: str = ""
    country: str = ""
    premiere: str = ""
    shortlisted: str = ""

    @classmethod
    def from_query(cls, query: Any) -> Filters:
        """The filters of a query string (each value cut to 20 characters)."""
        names = ("category", "status", "runtime_max", "country", "premiere", "shortlisted")
        return cls(**{name: str(query.get(name, ""))[:20] for name in names})

    def apply(self, submissions: QuerySet[Submission]) -> QuerySet[Submission]:
        lookups: dict[str, Any] = {
            "category_id": self.category if self.category.isdigit() else None,
            "status": self.status or None,
            "film__runtime_minutes__lte": self.runtime_max if self.runtime_max.isdigit() else None,
            "film__countries__country": self.country.upper() or None,
            "premiere": self.premiere or None,
            "is_shortlisted": True if self.shortlisted else None,
        }
        return submissions.filter(**{k: v for k, v in lookups.items() if v is not None})


def desk_submissions_page_for(
    viewer: Viewer, festival: Festival, filters: Filters, *, page: str | None
) -> Page:
    """The festival's submissions the viewer reviews, filtered, with their average rating."""
    submissions = (
        Submission.objects.reviewable_by(viewer)
        .filter(category__call__edition__festival=festival)
        .select_related("film", "category", "screener_link")
        .annotate(average_rating=Avg("reviews__rating"))
        .order_by("-created_at", "-id")
    )
    return Paginator(filters.apply(submissions).distinct(), PAGE_SIZE).get_page(page)


def desk_submission_for(viewer: Viewer, public_id: str) -> Submission | None:
    """One submission the viewer reviews, with what its page shows."""
    return (
        Submission.objects.reviewable_by(viewer)
        .select_related(
            "film", "category__call__edition__festival", "screener_link", "section", "award"
        )
        .filter(public_id=public_id)
        .first()
    )


def reviews_for(viewer: Viewer, submission: Submission) -> list[Review]:
    """The ratings the viewer may read on ``submission`` (notes are checked per review)."""
    festival = submission.category.call.edition.festival_id
    reviews = Review.objects.filter(submission=submission).select_related("member__user")
    return list(access.visible_reviews(viewer, reviews, festival=festival))


def members_for(festival: Festival) -> QuerySet[FestivalMember]:
    return festival.members.select_related("user").order_by("role", "user__email")


def programme_for(festival: Festival) -> list[Any]:
    """The festival's editions, newest first, each with its sections."""
    return list(
        festival.editions.order_by("-year", "-number").prefetch_related(
            Prefetch("sections", queryset=Section.objects.order_by("name"))
        )
    )
