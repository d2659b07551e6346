"""Write endpoints for the people who edit a film: the film's facts, titles, texts, credits and
festival entries. Token or session (with CSRF) auth; permissions come from ``sharing.access``."""

from __future__ import annotations

from typing import Annotated, Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Path, Router, Status

from filmfolio.films.choices import TextKind
from filmfolio.films.models import Film
from filmfolio.sharing.access import Viewer

from ..auth import WRITE_AUTH
from ..errors import WRITE_ERRORS, ApiError
from ..inputs import CreditIn, EntryIn, TextIn, TitleIn
from ..schemas import CreditOut, EntryOut, TextOut, TitleOut
from ..selectors import film_for_edit
from ..services import films as services

router = Router(tags=["editing"], auth=WRITE_AUTH)

LanguagePath = Annotated[str, Path(pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$", max_length=16)]


def writer(request: HttpRequest) -> Viewer:
    """The authenticated caller (token or session) as a viewer."""
    return Viewer.for_user(request.auth)  # type: ignore[attr-defined]


def edit_film(viewer: Viewer, slug: str) -> Film:
    """The film at ``slug`` if the caller may open it, else a 404."""
    film = film_for_edit(viewer, slug)
    if film is None:
        raise ApiError(404, "not_found", _("No film has this address."))
    return film


@router.post(
    "/films/{slug}/titles",
    response={201: TitleOut, **WRITE_ERRORS},
    operation_id="films_titles_create",
)
def titles_create(request: HttpRequest, slug: str, payload: TitleIn) -> Any:
    """Add a title (original, English, festival, ...) in a language."""
    viewer = writer(request)
    film = edit_film(viewer, slug)
    return Status(201, services.title_add(viewer=viewer, film=film, data=payload.model_dump()))


@router.delete(
    "/films/{slug}/titles/{title_id}",
    response={204: None, **WRITE_ERRORS},
    operation_id="films_titles_delete",
)
def titles_delete(request: HttpRequest, slug: str, title_id: int) -> Any:
    """Remove a title."""
    viewer = writer(request)
    services.title_delete(viewer=viewer, film=edit_film(viewer, slug), title_id=title_id)
    return Status(204, None)


@router.put(
    "/films/{slug}/texts/{kind}/{language}",
    response={200: TextOut, **WRITE_ERRORS},
    operation_id="films_texts_set",
)
def texts_set(
    request: HttpRequest, slug: str, kind: TextKind, language: LanguagePath, payload: TextIn
) -> Any:
    """Set the logline, synopsis, statement or note in one language."""
    viewer = writer(request)
    film = edit_film(viewer, slug)
    return services.text_set(
        viewer=viewer, film=film, kind=kind, language=language, body=payload.body
    )


@router.delete(
    "/films/{slug}/texts/{kind}/{language}",
    response={204: None, **WRITE_ERRORS},
    operation_id="films_texts_delete",
)
def texts_delete(request: HttpRequest, slug: str, kind: TextKind, language: LanguagePath) -> Any:
    """Remove a text."""
    viewer = writer(request)
    services.text_delete(viewer=viewer, film=edit_film(viewer, slug), kind=kind, language=language)
    return Status(204, None)


@router.post(
    "/films/{slug}/credits",
    response={201: CreditOut, **WRITE_ERRORS},
    operation_id="films_credits_create",
)
def credits_create(request: HttpRequest, slug: str, payload: CreditIn) -> Any:
    """Credit a person with a role (``GET /roles`` lists the codes)."""
    viewer = writer(request)
    film = edit_film(viewer, slug)
    return Status(201, services.credit_add(viewer=viewer, film=film, data=payload.model_dump()))


@router.delete(
    "/films/{slug}/credits/{credit_id}",
    response={204: None, **WRITE_ERRORS},
    operation_id="films_credits_delete",
)
def credits_delete(request: HttpRequest, slug: str, credit_id: int) -> Any:
    """Remove a credit."""
    viewer = writer(request)
    services.credit_delete(viewer=viewer, film=edit_film(viewer, slug), credit_id=credit_id)
    return Status(204, None)


@router.post(
    "/films/{slug}/festival-entries",
    response={201: EntryOut, **WRITE_ERRORS},
    operation_id="films_entries_create",
)
def entries_create(request: HttpRequest, slug: str, payload: EntryIn) -> Any:
    """Record a selection, nomination or award at a festival edition."""
    viewer = writer(request)
    film = edit_film(viewer, slug)
    entry = services.entry_add(viewer=viewer, film=film, data=payload.model_dump())
    return Status(201, entry)


@router.delete(
    "/films/{slug}/festival-entries/{entry_id}",
    response={204: None, **WRITE_ERRORS},
    operation_id="films_entries_delete",
)
def entries_delete(request: HttpRequest, slug: str, entry_id: int) -> Any:
    """Remove a festival entry."""
    viewer = writer(request)
    services.entry_delete(viewer=viewer, film=edit_film(viewer, slug), entry_id=entry_id)
    return Status(204, None)
