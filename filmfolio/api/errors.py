"""One error body for every failure: ``{"error": {"code", "message", "fields"}}``.

Domain errors from services, django-ninja's validation and HTTP errors and Django's 404 are all
turned into this shape here; ``ERROR_RESPONSES`` declares them in the OpenAPI document.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import TYPE_CHECKING, Any

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from ninja import Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError

from filmfolio.core.errors import (
    DomainError,
    ObjectNotFoundError,
    PermissionDeniedError,
    ValidationFailedError,
)

if TYPE_CHECKING:
    from ninja import NinjaAPI


class ErrorDetail(Schema):
    code: str
    message: str
    fields: dict[str, list[str]] = {}


class ErrorOut(Schema):
    """The body of every error response."""

    error: ErrorDetail


class ApiError(Exception):
    """An error raised by API views with its status and code."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


READ_ERRORS: dict[int, Any] = {400: ErrorOut, 401: ErrorOut, 404: ErrorOut, 422: ErrorOut}
WRITE_ERRORS: dict[int, Any] = {**READ_ERRORS, 403: ErrorOut, 409: ErrorOut}

_HTTP_CODES = {
    400: "bad_request",
    401: "unauthenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    422: "invalid",
    429: "throttled",
}


def error_body(code: str, message: str, fields: dict[str, list[str]] | None = None) -> dict:
    """The error body as a plain dict."""
    return {"error": {"code": code, "message": message, "fields": fields or {}}}


def _field_name(loc: Any) -> str:
    """``("query", "year_min")`` -> ``"year_min"``; nested body fields joined with dots."""
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header", "cookie")]
    if parts and parts[0] == "payload":
        parts = parts[1:]
    return ".".join(parts) or "__all__"


def validation_fields(errors: list[dict]) -> dict[str, list[str]]:
    """django-ninja's error list as ``{field: [messages]}``."""
    fields: dict[str, list[str]] = {}
    for item in errors:
        fields.setdefault(_field_name(item.get("loc", ())), []).append(str(item.get("msg", "")))
    return fields


def install_error_handlers(api: NinjaAPI) -> None:
    """Register the handlers that give every error the one body shape."""

    def respond(request: HttpRequest, status: int, body: dict) -> HttpResponse:
        return api.create_response(request, body, status=status)

    @api.exception_handler(ApiError)
    def on_api_error(request: HttpRequest, exc: ApiError) -> HttpResponse:
        return respond(request, exc.status, error_body(exc.code, exc.message))

    @api.exception_handler(ValidationError)
    def on_validation(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        body = error_body("invalid", _("Some values are not valid."), validation_fields(exc.errors))
        return respond(request, 422, body)

    @api.exception_handler(AuthenticationError)
    def on_auth(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        message = _("Log in or send a valid API token.")
        response = respond(request, 401, error_body("unauthenticated", message))
        response["WWW-Authenticate"] = "Bearer"
        return response

    @api.exception_handler(HttpError)
    def on_http(request: HttpRequest, exc: HttpError) -> HttpResponse:
        code = _HTTP_CODES.get(exc.status_code, "error")
        return respond(request, exc.status_code, error_body(code, str(exc)))

    @api.exception_handler(Http404)
    def on_404(request: HttpRequest, exc: Http404) -> HttpResponse:
        return respond(request, 404, error_body("not_found", _("Not found.")))

    @api.exception_handler(DomainError)
    def on_domain(request: HttpRequest, exc: DomainError) -> HttpResponse:
        status, body = domain_error_response(exc)
        return respond(request, status, body)


@contextmanager
def body_fields(names: dict[str, str]) -> Iterator[None]:
    """Report a service's refusal under the request body's field names (``year`` ->
    ``edition_year``); the service names fields as its own arguments and models do."""
    try:
        yield
    except ValidationFailedError as exc:
        renamed: dict[str, list[str]] = {}
        for name, messages in exc.errors.items():
            renamed.setdefault(names.get(name, name), []).extend(messages)
        exc.errors = renamed
        raise


def domain_error_response(exc: DomainError) -> tuple[int, dict]:
    """The status and body for a domain error raised by a service."""
    if isinstance(exc, ObjectNotFoundError):
        return 404, error_body("not_found", exc.message)
    if isinstance(exc, PermissionDeniedError):
        return 403, error_body("forbidden", exc.message)
    if isinstance(exc, ValidationFailedError):
        return 422, error_body("invalid", exc.message, exc.errors)
    fields = {exc.field: [exc.message]} if exc.field else None
    return 409, error_body("conflict", exc.message, fields)


def json_method_not_allowed(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Wrap an API view so that django-ninja's plain-text 405 gets the API's error body (the
    ``Allow`` header is kept)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if response.status_code != 405 or response.get("Content-Type", "").startswith(
            "application/json"
        ):
            return response
        body = error_body(
            "method_not_allowed",
            _("This address does not accept %(method)s requests.") % {"method": request.method},
        )
        replaced = JsonResponse(body, status=405, json_dumps_params={"ensure_ascii": False})
        replaced["Allow"] = response["Allow"]
        return replaced

    return wrapper
