"""Read endpoints for people and festivals."""

from __future__ import annotations

from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from pydantic import Field

from filmfolio.films.access import ViewerRequest

from ..auth import api_viewer
from ..errors import READ_ERRORS, ApiError
from ..pagination import DEFAULT_LIMIT, MAX_LIMIT, paginate
from ..schemas import FestivalDetail, FestivalPage, PersonDetail, PersonPage
from ..selectors import (
    festival_detail_for,
    festival_list_for,
    person_detail_for,
    person_list_for,
)

router = Router()


class PageQuery(Schema):
    cursor: str | None = Field(None, max_length=500)
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT)


@router.get(
    "/people",
    response={200: PersonPage, **READ_ERRORS},
    tags=["people"],
    operation_id="people_list",
)
def people_list(request: ViewerRequest, query: Query[PageQuery]) -> dict:
    """People credited on films the caller may see listed, by name."""
    qs = person_list_for(api_viewer(request))
    items, next_cursor = paginate(qs, field="display_name", cursor=query.cursor, limit=query.limit)
    return {"items": items, "next_cursor": next_cursor}


@router.get(
    "/people/{slug}",
    response={200: PersonDetail, **READ_ERRORS},
    tags=["people"],
    operation_id="people_detail",
)
def people_detail(request: ViewerRequest, slug: str) -> object:
    """One person with names, biographies, links and credits on listed films."""
    person = person_detail_for(api_viewer(request)).filter(slug=slug).first()
    if person is None:
        raise ApiError(404, "not_found", _("No person has this address."))
    return person


@router.get(
    "/festivals",
    response={200: FestivalPage, **READ_ERRORS},
    tags=["festivals"],
    operation_id="festivals_list",
)
def festivals_list(request: ViewerRequest, query: Query[PageQuery]) -> dict:
    """Festivals by name."""
    qs = festival_list_for(api_viewer(request))
    items, next_cursor = paginate(qs, field="name", cursor=query.cursor, limit=query.limit)
    return {"items": items, "next_cursor": next_cursor}


@router.get(
    "/festivals/{slug}",
    response={200: FestivalDetail, **READ_ERRORS},
    tags=["festivals"],
    operation_id="festivals_detail",
)
def festivals_detail(request: ViewerRequest, slug: str) -> object:
    """One festival with its editions, sections, awards and the entries of listed films."""
    festival = festival_detail_for(api_viewer(request)).filter(slug=slug).first()
    if festival is None:
        raise ApiError(404, "not_found", _("No festival has this address."))
    return festival
