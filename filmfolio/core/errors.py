"""The one root of domain errors: services raise these, views turn them into messages."""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """A rule of the domain was broken; the message is safe to show to the user."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class PermissionDeniedError(DomainError):
    """The actor may not do this to this object."""


class ObjectNotFoundError(DomainError):
    """The object does not exist, or the actor may not know that it exists."""


class ValidationFailedError(DomainError):
    """Input was refused; ``errors`` maps field names to messages."""

    def __init__(self, message: str, *, errors: dict[str, list[str]] | None = None) -> None:
        super().__init__(message)
        self.errors = errors or {}


def show_on_form(form: Any, error: DomainError) -> None:
    """Put a service's refusal on a Django ``form``: beside each field it names that the form
    has, else (and for an error naming no field) above the form."""
    named = getattr(error, "errors", None) or {}
    for field, messages in named.items():
        for message in messages:
            form.add_error(field if field in form.fields else None, message)
    if not named:
        form.add_error(None, error.message)
