"""Write endpoints for the people who edit a film: the film's facts, titles, texts, credits and
festival entries. Token or session (with CSRF) auth; permissions come from ``films.access``.

Each endpoint parses the body and calls one service of ``films.services`` or
``festivals.services``, which checks the caller's right, writes all or nothing and records the
change in the film's history.
"""

from __future__ import annotations

from typing import Annotated, Any

from django.core.exceptions import NON_FIELD_ERRORS
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import File, Path, Router, Status, UploadedFile

from filmfolio.festivals import evidence_services
from filmfolio.festivals import services as festival_services
from filmfolio.films import services
from filmfolio.films.access import Viewer
from filmfolio.films.choices import TextKind
from filmfolio.films.models import Film

from ..auth import WRITE_AUTH
from ..errors import WRITE_ERRORS, ApiError, body_fields
from ..inputs import CreditIn, EntryIn, TextIn, TitleIn
from ..schemas import CreditOut, EntryOut, TextOut, TitleOut
from ..selectors import film_for_edit

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
    title = services.title_add(
        film=edit_film(viewer, slug),
        actor=viewer.user,
        text=payload.text,
        kind=payload.kind,
        language=payload.language or "",
        position=payload.position,
    )
    return Status(201, title)


@router.delete(
    "/films/{slug}/titles/{title_id}",
    response={204: None, **WRITE_ERRORS},
    operation_id="films_titles_delete",
)
def titles_delete(request: HttpRequest, slug: str, title_id: int) -> Any:
    """Remove a title."""
    viewer = writer(request)
    services.title_remove(film=edit_film(viewer, slug), actor=viewer.user, title_id=title_id)
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
        film=film, actor=viewer.user, kind=kind, language=language, body=payload.body
    )


@router.delete(
    "/films/{slug}/texts/{kind}/{language}",
    response={204: None, **WRITE_ERRORS},
    operation_id="films_texts_delete",
)
def texts_delete(request: HttpRequest, slug: str, kind: TextKind, language: LanguagePath) -> Any:
    """Remove a text."""
    viewer = writer(request)
    film = edit_film(viewer, slug)
    services.text_remove(film=film, actor=viewer.user, kind=kind, language=language)
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
    details = payload.model_dump(include={"credited_as", "character", "description", "position"})
    # The one rule across fields of a credit: a person holds a role once.
    with body_fields({NON_FIELD_ERRORS: "person", "display_name": "person_name"}):
        credit = services.credit_add(
            film=film,
            actor=viewer.user,
            role=payload.role,
            credited=services.CreditedPerson(person=payload.person, name=payload.person_name or ""),
            details=details,
        )
    return Status(201, credit)


@router.delete(
    "/films/{slug}/credits/{credit_id}",
    response={204: None, **WRITE_ERRORS},
    operation_id="films_credits_delete",
)
def credits_delete(request: HttpRequest, slug: str, credit_id: int) -> Any:
    """Remove a credit."""
    viewer = writer(request)
    services.credit_remove(film=edit_film(viewer, slug), actor=viewer.user, credit_id=credit_id)
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
    with body_fields({"year": "edition_year", "number": "edition_number"}):
        entry = festival_services.entry_add(
            film=film,
            actor=viewer.user,
            draft=festival_services.EntryDraft(
                festival=payload.festival,
                year=payload.edition_year,
                number=payload.edition_number,
                section_name=payload.section or "",
                award_name=payload.award or "",
                result=payload.result,
                date=payload.date,
                note=payload.note,
                evidence=payload.evidence,
                evidence_url=payload.evidence_url,
                evidence_checked_on=payload.evidence_checked_on,
            ),
        )
    return Status(201, entry)


@router.delete(
    "/films/{slug}/festival-entries/{entry_id}",
    response={204: None, **WRITE_ERRORS},
    operation_id="films_entries_delete",
)
def entries_delete(request: HttpRequest, slug: str, entry_id: int) -> Any:
    """Remove a festival entry."""
    viewer = writer(request)
    film = edit_film(viewer, slug)
    festival_services.entry_remove(film=film, actor=viewer.user, entry_id=entry_id)
    return Status(204, None)


@router.post(
    "/films/{slug}/festival-entries/{entry_id}/evidence",
    response={200: EntryOut, **WRITE_ERRORS},
    operation_id="films_entries_evidence_upload",
)
def entries_evidence_upload(
    request: HttpRequest, slug: str, entry_id: int, file: File[UploadedFile]
) -> Any:
    """Upload the festival's notification (PDF, PNG, JPEG or an e-mail as .eml with From and
    Date headers; at most 10 MB; the kind is read from the content) as the entry's source: a
    claimed entry becomes sourced, checked today; a confirmed one stays confirmed."""
    viewer = writer(request)
    film = edit_film(viewer, slug)
    return evidence_services.entry_evidence_attach(
        film=film, actor=viewer.user, entry_id=entry_id, upload=file
    )


@router.delete(
    "/films/{slug}/festival-entries/{entry_id}/evidence",
    response={200: EntryOut, **WRITE_ERRORS},
    operation_id="films_entries_evidence_delete",
)
def entries_evidence_delete(request: HttpRequest, slug: str, entry_id: int) -> Any:
    """Remove the entry's uploaded notification; without the festival's page as its source
    too, the entry is claimed again."""
    viewer = writer(request)
    film = edit_film(viewer, slug)
    return evidence_services.entry_evidence_remove(film=film, actor=viewer.user, entry_id=entry_id)
