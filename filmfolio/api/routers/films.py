"""Read endpoints for films: the catalogue list with its filters, and one film in full."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.http import HttpResponse
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status
from pydantic import Field

from filmfolio.films import services
from filmfolio.films.access import ViewerRequest
from filmfolio.films.choices import FilmKind

from ..auth import WRITE_AUTH, api_viewer
from ..errors import READ_ERRORS, WRITE_ERRORS, ApiError
from ..inputs import FilmCreate, FilmUpdate
from ..pagination import DEFAULT_LIMIT, MAX_LIMIT, paginate
from ..schemas import FilmDetail, FilmPage
from ..selectors import FilmFilters, film_detail_for, film_list_for
from .edits import edit_film, writer

router = Router(tags=["films"])


class FilmListQuery(Schema):
    kind: FilmKind | None = None
    genre: str | None = Field(None, max_length=40, description="Genre slug, e.g. documentary")
    country: str | None = Field(None, pattern=r"^[A-Za-z]{2}$", description="ISO 3166-1 code")
    language: str | None = Field(None, max_length=16, description="BCP 47 spoken language")
    subtitle: str | None = Field(None, max_length=16, description="BCP 47 subtitle language")
    year_min: int | None = Field(None, ge=1870, le=2100)
    year_max: int | None = Field(None, ge=1870, le=2100)
    runtime_min: int | None = Field(None, ge=0, le=10000)
    runtime_max: int | None = Field(None, ge=0, le=10000)
    festival: str | None = Field(None, max_length=80, description="Festival slug")
    awarded: bool | None = Field(None, description="Only films that won (or did not win)")
    cursor: str | None = Field(None, max_length=500)
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT)


@router.get("/films", response={200: FilmPage, **READ_ERRORS}, operation_id="films_list")
def films_list(request: ViewerRequest, query: Query[FilmListQuery]) -> dict:
    """Films the caller may see listed, by title, filtered like the catalogue."""
    filters = FilmFilters(**query.model_dump(exclude={"cursor", "limit"}))
    qs = film_list_for(api_viewer(request), filters)
    items, next_cursor = paginate(qs, field="title", cursor=query.cursor, limit=query.limit)
    return {"items": items, "next_cursor": next_cursor}


@router.get("/films/{slug}", response={200: FilmDetail, **READ_ERRORS}, operation_id="films_detail")
def films_detail(request: ViewerRequest, slug: str) -> object:
    """Everything about one film the caller may open."""
    record = film_detail_for(api_viewer(request), slug=slug)
    if record is None:
        raise ApiError(404, "not_found", _("No film has this address."))
    return record


@router.post(
    "/films",
    response={201: FilmDetail, **WRITE_ERRORS},
    operation_id="films_create",
    auth=WRITE_AUTH,
    tags=["editing"],
)
def films_create(request: ViewerRequest, response: HttpResponse, payload: FilmCreate) -> Any:
    """Create a private film; the caller becomes its owner."""
    viewer = writer(request)
    values = payload.model_dump(exclude_none=True)
    film = services.film_create(
        actor=viewer.user,
        title=values.pop("title"),
        slug=values.pop("slug", ""),
        values=values,
    )
    response["Location"] = f"/api/v1/films/{film.slug}"
    return Status(201, film_detail_for(viewer, pk=film.pk))


@router.patch(
    "/films/{slug}",
    response={200: FilmDetail, **WRITE_ERRORS},
    operation_id="films_update",
    auth=WRITE_AUTH,
    tags=["editing"],
)
def films_update(request: ViewerRequest, slug: str, payload: FilmUpdate) -> Any:
    """Change some facts of a film (only the fields sent), its subjects among them; its
    owners may also set its visibility, and a film made public for the first time gets its
    publication date."""
    viewer = writer(request)
    film = edit_film(viewer, slug)
    values = payload.model_dump(exclude_unset=True)
    visibility = values.pop("visibility", None)
    confirmed = bool(values.pop("confirmed", False))
    subjects = values.pop("subjects", None)
    with transaction.atomic():
        if values:
            services.film_update(film=film, actor=viewer.user, values=values)
        if subjects is not None:
            services.subjects_set(film=film, actor=viewer.user, subjects=subjects)
        if visibility is not None:
            services.film_set_visibility(
                film=film, actor=viewer.user, visibility=visibility, confirmed=confirmed
            )
    return film_detail_for(viewer, pk=film.pk)
