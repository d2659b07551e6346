"""The one root of domain errors: services raise these, views turn them into messages."""

from __future__ import annotations


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
