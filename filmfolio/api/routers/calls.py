"""Calls for entry and submissions: open calls for everyone, a film submitted in one step by
its owner, the submissions the caller may see, and the festival's rating and decision.

Reads show what ``calls.access`` lets the caller see; writes call one service of
``calls.services`` each, which checks the caller's right and records the change."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status
from pydantic import Field

from filmfolio.calls import selectors as call_selectors
from filmfolio.calls import services
from filmfolio.calls.models import Call, Submission
from filmfolio.circuit.choices import OFFERED_PREMIERES
from filmfolio.films.access import Viewer, ViewerRequest

from ..auth import WRITE_AUTH, api_viewer
from ..errors import READ_ERRORS, WRITE_ERRORS, ApiError
from ..pagination import DEFAULT_LIMIT, MAX_LIMIT, paginate

router = Router(tags=["calls"])


class PageQuery(Schema):
    cursor: str | None = Field(None, max_length=500)
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT)


class CategoryOut(Schema):
    id: int
    name: str
    rules: str
    runtime_min_minutes: int | None
    runtime_max_minutes: int | None
    completed_after: datetime.date | None
    premiere_required: str
    countries: list[str]
    fee_early: Decimal | None
    fee_regular: Decimal | None
    fee_late: Decimal | None


class CallOut(Schema):
    slug: str
    title: str
    festival: str = Field(alias="edition.festival.slug")
    year: int | None = Field(alias="edition.year")
    rules: str
    early_deadline: datetime.date | None
    regular_deadline: datetime.date
    late_deadline: datetime.date | None
    notification_on: datetime.date
    fee_currency: str
    is_open: bool


class CallDetailOut(CallOut):
    categories: list[CategoryOut]

    @staticmethod
    def resolve_categories(call: Call) -> list[Any]:
        return list(call.categories.all())


class CallPage(Schema):
    items: list[CallOut]
    next_cursor: str | None


class SubmissionOut(Schema):
    public_id: str
    film: str = Field(alias="film.slug")
    call: str = Field(alias="category.call.slug")
    category_id: int
    status: str
    premiere: str
    deadline: str
    fee_amount: Decimal | None
    fee_currency: str
    is_shortlisted: bool
    seen_at: datetime.datetime | None
    created_at: datetime.datetime


class SubmissionPage(Schema):
    items: list[SubmissionOut]
    next_cursor: str | None


class SubmissionIn(Schema):
    film: str = Field(max_length=80, description="The film's slug; the caller owns it.")
    category_id: int
    premiere: str = Field(
        pattern=f"^({'|'.join(dict(OFFERED_PREMIERES))})$",
        description="The film's premiere status: world, international, regional, national or none.",
    )


class ReviewIn(Schema):
    rating: int | None = Field(None, ge=1, le=5)
    notes: str = Field("", max_length=5000)


class DecisionIn(Schema):
    selected: bool
    section_id: int | None = None
    award_id: int | None = None
    result: str = Field("selected", max_length=16)


def _writer(request: HttpRequest) -> Viewer:
    return Viewer.for_user(request.auth)  # type: ignore[attr-defined]


@router.get("/calls", response={200: CallPage, **READ_ERRORS}, operation_id="calls_list")
def calls_list(request: ViewerRequest, query: Query[PageQuery]) -> dict:
    """Open calls (and every call of the caller's festivals), by address."""
    qs = Call.objects.listed_for(api_viewer(request)).select_related("edition__festival")
    items, next_cursor = paginate(qs, field="slug", cursor=query.cursor, limit=query.limit)
    return {"items": items, "next_cursor": next_cursor}


@router.get(
    "/calls/{slug}", response={200: CallDetailOut, **READ_ERRORS}, operation_id="calls_detail"
)
def calls_detail(request: ViewerRequest, slug: str) -> object:
    """One call with its categories, rules, deadlines and fees."""
    call = call_selectors.call_for(api_viewer(request), slug)
    if call is None:
        raise ApiError(404, "not_found", _("No call has this address."))
    return call


@router.post(
    "/calls/{slug}/submissions",
    response={201: SubmissionOut, **WRITE_ERRORS},
    auth=WRITE_AUTH,
    operation_id="calls_submissions_create",
)
def submissions_create(request: HttpRequest, slug: str, payload: SubmissionIn) -> Any:
    """Submit one of the caller's films to a category of an open call, in one step: its record
    and a new screener link for the festival are attached."""
    viewer = _writer(request)
    call = call_selectors.call_for(viewer, slug)
    film = call_selectors.submittable_films_for(viewer).filter(slug=payload.film).first()
    if call is None or film is None or not call.categories.filter(pk=payload.category_id).exists():
        raise ApiError(404, "not_found", _("No call, category or film of yours has this address."))
    submission = services.submission_create(
        category_id=payload.category_id,
        film=film,
        premiere=payload.premiere,
        language=translation.get_language() or "en",
        actor=viewer.user,
    )
    return Status(201, submission)


def _visible(viewer: Viewer) -> Any:
    return Submission.objects.visible_to(viewer).select_related(
        "film", "category__call", "screener_link"
    )


@router.get(
    "/submissions",
    response={200: SubmissionPage, **READ_ERRORS},
    operation_id="submissions_list",
)
def submissions_list(request: ViewerRequest, query: Query[PageQuery]) -> dict:
    """The submissions the caller may see: their own films', their festival's, or assigned
    to them."""
    items, next_cursor = paginate(
        _visible(api_viewer(request)), field="public_id", cursor=query.cursor, limit=query.limit
    )
    return {"items": items, "next_cursor": next_cursor}


def _desk_submission(request: HttpRequest, public_id: str) -> tuple[Viewer, Submission]:
    """The writing caller and the submission they review as the festival's member (404 for
    anyone else): the one lookup of the review and decision endpoints."""
    viewer = _writer(request)
    found = call_selectors.desk_submission_for(viewer, public_id)
    if found is None:
        raise ApiError(404, "not_found", _("No submission has this address."))
    return viewer, found


@router.put(
    "/submissions/{public_id}/review",
    response={200: SubmissionOut, **WRITE_ERRORS},
    auth=WRITE_AUTH,
    operation_id="submissions_review",
)
def submissions_review(request: HttpRequest, public_id: str, payload: ReviewIn) -> Any:
    """Keep the caller's rating (1–5) and private notes as a member of the festival."""
    viewer, submission = _desk_submission(request, public_id)
    services.review_save(
        submission=submission, rating=payload.rating, notes=payload.notes, actor=viewer.user
    )
    return submission


@router.post(
    "/submissions/{public_id}/decision",
    response={200: SubmissionOut, **WRITE_ERRORS},
    auth=WRITE_AUTH,
    operation_id="submissions_decide",
)
def submissions_decide(request: HttpRequest, public_id: str, payload: DecisionIn) -> Any:
    """The festival's decision; a selection is published as a confirmed entry on the film."""
    viewer, submission = _desk_submission(request, public_id)
    return services.submission_decide(
        submission=submission,
        decision=services.Decision(**payload.dict()),
        actor=viewer.user,
    )
