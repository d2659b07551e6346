"""Addresses under ``/api/v1/`` that match no endpoint: the JSON 404 body, not an HTML page."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router

from ..errors import ApiError

router = Router()


@router.api_operation(
    ["GET", "POST", "PUT", "PATCH", "DELETE"], "/{path:rest}", include_in_schema=False
)
def not_found(request: HttpRequest, rest: str) -> None:
    """Every unknown address under the API."""
    raise ApiError(404, "not_found", _("There is no API endpoint at this address."))
