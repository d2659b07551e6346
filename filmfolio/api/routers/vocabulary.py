"""The controlled vocabularies a client needs to write records: roles and genres."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Schema

from filmfolio.films.models import Genre, Role

from ..errors import READ_ERRORS
from ..schemas import GenreOut

router = Router(tags=["vocabulary"])


class RoleOut(Schema):
    code: str
    name_en: str
    name_zh: str
    category: str


@router.get("/roles", response={200: list[RoleOut], **READ_ERRORS}, operation_id="roles_list")
def roles_list(request: HttpRequest) -> object:
    """Every credit role, in credit order."""
    return Role.objects.all()


@router.get("/genres", response={200: list[GenreOut], **READ_ERRORS}, operation_id="genres_list")
def genres_list(request: HttpRequest) -> object:
    """Every genre."""
    return Genre.objects.all()
